package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handshake at the byte level: what it accepts, and what it answers when it does not. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UpgradeTest {

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .with(c -> c.withContent(Fixtures.BASIC)).with(TestServer::lenient);

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

    static final String HANDSHAKE = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    @Test
    void aPageOfThisServerOnAnotherSchemeIsRefusedAndTheRefusalCarriesTheSecurityHeaders() throws Exception {
        try (RawClient c = new RawClient(server.port(), HANDSHAKE + "Origin: http://127.0.0.1:" + server.port() + "\r\n")) {
            assertThat(c.status()).isEqualTo(101);
        }
        try (RawClient c = new RawClient(server.port(), HANDSHAKE + "Origin: https://127.0.0.1:" + server.port() + "\r\n")) {
            assertThat(c.status()).isEqualTo(403);
            assertThat(c.response.toLowerCase()).contains("content-security-policy: default-src 'self'")
                    .contains("x-content-type-options: nosniff").contains("cache-control: no-store");
        }
    }

    @Test
    void withAPublicUrlAHostThatDoesNotNameItIsRefusedSocketsAndPagesAlike() throws Exception {
        try (TestServer s = new TestServer(no.losen.server.Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withPublicUrl("https://losen.example"))) {
            try (RawClient c = new RawClient(s.port(), HANDSHAKE, "/ws", "rebind.evil.example")) {
                assertThat(c.status()).isEqualTo(421);
            }
            try (RawClient c = new RawClient(s.port(), "", "/api/dialogs", "rebind.evil.example")) {
                assertThat(c.status()).isEqualTo(421);
            }
            try (RawClient c = new RawClient(s.port(), "", "/api/dialogs", "losen.example")) {
                assertThat(c.status()).isEqualTo(200);
            }
            try (RawClient c = RawClient.open(s.port())) {
                assertThat(c.status()).as("an address, as a balancer sends").isEqualTo(101);
            }
        }
    }

    @Test
    void anAsteriskTargetIsABadRequestNotAFault() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (RawClient c = new RawClient(server.port(), "", "*")) {
            assertThat(c.status()).isEqualTo(400);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
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
