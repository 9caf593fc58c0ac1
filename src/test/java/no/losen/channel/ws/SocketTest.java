package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A socket at the byte level: how control frames, fragments and broken frames are answered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketTest {

    static final String PING = "{\"type\":\"ping\"}";
    static TestServer server;

    @BeforeAll
    static void up() {
        server = new TestServer(Fixtures.BASIC);
    }

    @AfterAll
    static void down() {
        server.close();
    }

    @Test
    void aProtocolPingGetsItsPongWithTheSamePayload() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            RawClient.Frame f = c.frame(true, RawClient.PING, "hi".getBytes(StandardCharsets.UTF_8)).next();
            assertThat(f.opcode()).isEqualTo(RawClient.PONG);
            assertThat(f.text()).isEqualTo("hi");
        }
    }

    @Test
    void aMessageInFragmentsIsOneMessage() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            c.frame(false, RawClient.TEXT, "{\"type\":".getBytes(StandardCharsets.UTF_8))
                    .frame(true, RawClient.CONTINUATION, "\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.next().text()).isEqualTo("{\"type\":\"pong\"}");
        }
    }

    @Test
    void fragmentsAddingUpToMoreThanTheTransportLimitClose1009() throws Exception {
        byte[] chunk = new byte[40 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        try (RawClient c = RawClient.open(server.port())) {
            c.frame(false, RawClient.TEXT, chunk).frame(true, RawClient.CONTINUATION, chunk);
            RawClient.Frame f = c.next();
            assertThat(f.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(f.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void textThatIsNotUtf8Closes1007() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            RawClient.Frame f = c.frame(true, RawClient.TEXT, new byte[] {(byte) 0xc3, (byte) 0x28}).next();
            assertThat(f.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(f.closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void anUnmaskedFrameFromTheClientIsAProtocolError() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            c.raw(new byte[] {(byte) 0x81, 0x02, 'h', 'i'});
            RawClient.Frame f = c.next();
            assertThat(f.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(f.closeCode()).isEqualTo(1002);
        }
        assertThat(server.get("/metrics").body()).contains("losen_errors_total{code=\"protocol\"}");
    }

    @Test
    void theClientsCloseIsAnsweredTheConnectionEndsAndItsSlotIsFree() throws Exception {
        // The other tests' connections close asynchronously; start from none.
        awaitConnections(0);
        try (RawClient c = RawClient.open(server.port())) {
            c.text(PING).next();
            assertThat(server.losen.connections()).isEqualTo(1);
            RawClient.Frame f = c.frame(true, RawClient.CLOSE, new byte[] {0x03, (byte) 0xe8}).next();
            assertThat(f.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(f.closeCode()).isEqualTo(1000);
            assertThat(c.endOfStream()).isTrue();
        }
        awaitConnections(0);
    }

    private static void awaitConnections(int n) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.losen.connections() != n && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(server.losen.connections()).isEqualTo(n);
    }
}
