package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A socket at the byte level: how control frames, fragments and broken frames are answered. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketTest {

    static final String PING = "{\"type\":\"ping\"}";
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .with(c -> c.withContent(Fixtures.BASIC)).with(TestServer::lenient);

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
        // counted as the connection closes, which the client may see first (a loaded machine did)
        String counted = "losen_errors_total{code=\"protocol\"}";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.get("/metrics").body().contains(counted) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(server.get("/metrics").body()).contains(counted);
    }

    @Test
    void theClientsCloseIsAnsweredTheConnectionEndsAndItsSlotIsFree() throws Exception {
        // The other tests' connections close asynchronously; start from none.
        awaitConnections(0);
        try (RawClient c = RawClient.open(server.port())) {
            c.text(PING).next();
            assertThat(server.losen().connections()).isEqualTo(1);
            RawClient.Frame f = c.frame(true, RawClient.CLOSE, new byte[] {0x03, (byte) 0xe8}).next();
            assertThat(f.opcode()).isEqualTo(RawClient.CLOSE);
            assertThat(f.closeCode()).isEqualTo(1000);
            assertThat(c.endOfStream()).isTrue();
        }
        awaitConnections(0);
    }

    /** Frames the server sends until it closes (or goes quiet for the read timeout), by opcode and error code. */
    private static java.util.Map<String, Integer> replies(RawClient c) throws Exception {
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        try {
            while (true) {
                RawClient.Frame f = c.next();
                String key = f.opcode() == RawClient.CLOSE ? "close " + f.closeCode()
                        : f.opcode() == RawClient.PONG ? "pong"
                        : new io.vertx.core.json.JsonObject(f.text()).getString("code", "reply");
                seen.merge(key, 1, Integer::sum);
                if (f.opcode() == RawClient.CLOSE) {
                    return seen;
                }
            }
        } catch (java.net.SocketTimeoutException | java.io.EOFException | java.net.SocketException quiet) {
            return seen;
        }
    }

    @Test
    void aFloodOfTinyFramesGetsOneErrorPerPauseNotOnePerFrameAndEndsIn1008() throws Exception {
        byte[] flood = new byte[5000 * 7];
        try (RawClient c = RawClient.open(server.port())) {
            // five thousand one-byte text frames (each would be a bad_frame), written at once, ten times
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 5000; i++) {
                b.write(new byte[] {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x' ^ 1});
            }
            flood = b.toByteArray();
            try {
                for (int i = 0; i < 10; i++) {
                    c.raw(flood);
                }
            } catch (java.net.SocketException closedMeanwhile) {
                // the server closed the connection before the flood was all written: that is the point
            }
            var seen = replies(c);
            assertThat(seen).containsEntry("close 1008", 1).containsKey("bad_frame");
            assertThat(seen.get("bad_frame")).as("the burst, and a token now and then: %s", seen).isLessThanOrEqualTo(45);
            assertThat(seen.getOrDefault("rate_limited", 0)).as("once per pause").isLessThanOrEqualTo(Socket.STRIKES);
        }
        assertThat(server.get("/metrics").body()).contains("losen_limits_total{limit=\"flood\"}");
    }

    @Test
    void protocolPingsCountAgainstTheFrameBudget() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            Thread pinger = new Thread(() -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                try {
                    while (System.nanoTime() < until) {
                        c.frame(true, RawClient.PING, new byte[] {1});
                    }
                } catch (java.io.IOException closed) {
                    // closed for flooding: the point
                }
            });
            pinger.start();
            var seen = replies(c);
            c.close();
            pinger.join();
            assertThat(seen.getOrDefault("pong", 0)).as("%s", seen).isLessThanOrEqualTo(45);
            assertThat(seen).containsEntry("close 1008", 1);
        }
    }

    @Test
    void aSocketThatBreachesTheRateIsLoggedOnce() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Conversation.class);
        ch.qos.logback.classic.Level before = log.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        log.addAppender(logs);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        // From an address of its own: refusals are logged once per address a minute, and other tests flood too.
        try (RawClient c = RawClient.openFrom("127.0.2.7", server.port())) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 40; i++) {
                    c.text(PING);
                }
                Thread.sleep(300);
            }
        } finally {
            log.detachAppender(logs);
            log.setLevel(before);
        }
        assertThat(logs.list.stream().map(e -> e.getFormattedMessage())
                .filter(m -> m.startsWith("event=ws.refused code=rate_limited "))).hasSize(1);
    }

    private static void awaitConnections(int n) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.losen().connections() != n && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(server.losen().connections()).isEqualTo(n);
    }
}
