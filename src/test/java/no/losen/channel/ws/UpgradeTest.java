package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handshake at the byte level: what it accepts, and what it answers when it does not. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UpgradeTest {

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
    void aGoodHandshakeIsSwitchedAndAnswersTextWithText() throws Exception {
        try (RawClient c = RawClient.open(server.port())) {
            assertThat(c.status()).isEqualTo(101);
            assertThat(c.response.toLowerCase()).contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=")
                    .doesNotContain("sec-websocket-extensions");
            RawClient.Frame f = c.text(SocketTest.PING).next();
            assertThat(f.opcode()).isEqualTo(RawClient.TEXT);
            assertThat(f.text()).isEqualTo("{\"type\":\"pong\"}");
        }
    }

    @Test
    void aHandshakeWithoutAKeyIsABadRequestAndAnUnknownVersionIsToldWhichWeSpeak() throws Exception {
        try (RawClient c = new RawClient(server.port(), "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")) {
            assertThat(c.status()).isEqualTo(400);
        }
        try (RawClient c = new RawClient(server.port(), "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n")) {
            assertThat(c.status()).isEqualTo(426);
            assertThat(c.response.toLowerCase()).contains("sec-websocket-version: 13");
        }
    }

    @Test
    void theUpgradeIsOnlyForWebSocketsAtTheSocketPath() throws Exception {
        assertThat(server.get("/ws").status()).as("a plain GET").isEqualTo(404);
        assertThat(server.get("/no-such-page").status()).isEqualTo(404);
        try (RawClient c = new RawClient(server.port(), "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "/elsewhere")) {
            assertThat(c.status()).as("another path").isNotEqualTo(101);
        }
    }
}
