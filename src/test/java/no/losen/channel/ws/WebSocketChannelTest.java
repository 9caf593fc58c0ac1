package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The /ws protocol (docs/protocol.md) against a real server and a real WebSocket client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketChannelTest {

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .with(c -> c.withContent(Fixtures.BASIC)).with(TestServer::lenient);

    static JsonObject start(String dialog, String lang) {
        return new JsonObject().put("type", "start").put("dialog", dialog).put("lang", lang);
    }

    @Test
    void startGivesATokenThenTheFirstMessage() {
        try (var c = server.connect()) {
            c.send(start("demo", "nb"));
            JsonObject session = c.next();
            assertThat(session.getString("type")).isEqualTo("session");
            assertThat(session.getString("token")).hasSize(22);
            assertThat(session.getLong("ttl")).isEqualTo(1800);
            JsonObject m = c.next();
            assertThat(m.getString("type")).isEqualTo("message");
            assertThat(m.getString("node")).isEqualTo("hello");
            assertThat(m.getString("dir")).isEqualTo("ltr");
            assertThat(m.getJsonArray("choices").getJsonObject(0).getString("label")).isEqualTo("Jeg er voksen");
            assertThat(m.containsKey("fallbacks")).isFalse();
        }
    }

    @Test
    void choicesBackLanguageAndChecklistsWork() {
        try (var c = server.connect()) {
            c.send(start("demo", "nb")).nextMessage();
            assertThat(c.send("{\"type\":\"choose\",\"choice\":\"child\"}").next().getString("node")).isEqualTo("health");
            assertThat(c.send("{\"type\":\"back\"}").next().getString("node")).isEqualTo("hello");
            JsonObject ar = c.send("{\"type\":\"lang\",\"lang\":\"ar\"}").next();
            assertThat(ar.getString("dir")).isEqualTo("rtl");
            assertThat(ar.getBoolean("draft")).isTrue();
            c.send("{\"type\":\"lang\",\"lang\":\"nb\"}").next();
            assertThat(c.send("{\"type\":\"choose\",\"choice\":\"signs\"}").next().getBoolean("multi")).isTrue();
            JsonObject summary = c.send("{\"type\":\"choose\",\"choices\":[\"debt\"]}").next();
            assertThat(summary.getString("text")).isEqualTo("Tegn: Gjeld");
            assertThat(summary.getJsonArray("cards").getJsonObject(0).getString("type")).isEqualTo("print");
        }
    }

    @Test
    void badFramesGetStableErrorCodesAndTheSessionSurvives() {
        try (var c = server.connect()) {
            c.send(start("demo", "nb")).nextMessage();
            assertThat(c.send("not json").next().getString("code")).isEqualTo("bad_frame");
            assertThat(c.send("[1,2]").next().getString("code")).isEqualTo("bad_frame");
            assertThat(c.send("{\"type\":\"dance\"}").next().getString("code")).isEqualTo("unknown_type");
            assertThat(c.send("{\"choice\":\"x\"}").next().getString("code")).isEqualTo("unknown_type");
            assertThat(c.send("{\"type\":\"choose\",\"choice\":7}").next().getString("code")).isEqualTo("bad_frame");
            assertThat(c.send("{\"type\":\"choose\",\"choice\":\"nope\"}").next().getString("code")).isEqualTo("unknown_choice");
            assertThat(c.send(start("nope", "nb")).next().getString("code")).isEqualTo("unknown_dialog");
            assertThat(c.send("{\"type\":\"lang\",\"lang\":\"xx\"}").next().getString("code")).isEqualTo("unknown_language");
            JsonObject tooLong = c.send(new JsonObject().put("type", "text").put("text", "x".repeat(1001))).next();
            assertThat(tooLong.getString("code")).isEqualTo("too_long");
            c.sendBinary(new byte[] {1, 2, 3});
            assertThat(c.next().getString("code")).isEqualTo("bad_frame");
            JsonObject still = c.send("{\"type\":\"choose\",\"choice\":\"adult\"}").next();
            assertThat(still.getString("node")).isEqualTo("health");
        }
    }

    @Test
    void errorMessagesNeverCarryAStackTrace() {
        try (var c = server.connect()) {
            JsonObject e = c.send("{\"type\":\"start\",\"dialog\":{}}").next();
            assertThat(e.getString("code")).isEqualTo("bad_frame");
            assertThat(e.getString("message")).doesNotContain("Exception").doesNotContain("at no.losen");
        }
    }

    @Test
    void aStepBeforeStartIsNoSession() {
        try (var c = server.connect()) {
            assertThat(c.send("{\"type\":\"back\"}").next().getString("code")).isEqualTo("no_session");
        }
    }

    @Test
    void aFrameOver16KiBIsRefusedAndOneOverTheTransportLimitClosesWith1009() throws Exception {
        try (var c = server.connect()) {
            String big = new JsonObject().put("type", "text").put("text", "x".repeat(20_000)).encode();
            assertThat(c.send(big).next().getString("code")).isEqualTo("too_large");
            c.send(start("demo", "nb")).nextMessage();
            String huge = new JsonObject().put("type", "text").put("text", "x".repeat(70_000)).encode();
            c.ws.writeTextMessage(huge);
            for (int i = 0; i < 50 && c.closeStatus == null; i++) {
                Thread.sleep(100);
            }
            assertThat(c.closeStatus).isEqualTo((short) 1009);
        }
    }

    @Test
    void resumeOnANewConnectionContinuesWhereTheUserWas() {
        String token;
        try (var c = server.connect()) {
            token = c.send(start("demo", "nb")).next().getString("token");
            c.next();
            c.send("{\"type\":\"choose\",\"choice\":\"adult\"}").next();
        }
        try (var c = server.connect()) {
            c.send(new JsonObject().put("type", "resume").put("token", token));
            assertThat(c.next().getString("token")).isEqualTo(token);
            assertThat(c.next().getString("node")).isEqualTo("health");
            assertThat(c.send("{\"type\":\"back\"}").next().getString("node")).isEqualTo("hello");
        }
    }

    @Test
    void endErasesTheSessionAtOnce() {
        try (var c = server.connect()) {
            String token = c.send(start("demo", "nb")).next().getString("token");
            c.next();
            long before = server.losen().sessions().size();
            assertThat(c.send("{\"type\":\"end\"}").next().getString("type")).isEqualTo("ended");
            assertThat(server.losen().sessions().get(token).await()).isEmpty();
            assertThat(server.losen().sessions().size()).isEqualTo(before - 1);
            assertThat(c.send(new JsonObject().put("type", "resume").put("token", token)).next().getString("code"))
                    .isEqualTo("no_session");
            assertThat(c.send("{\"type\":\"back\"}").next().getString("code")).isEqualTo("no_session");
        }
    }

    @Test
    void aSecondSocketOnAnEndedConversationStartsANewOneAndTheEndedTokenStaysEnded() {
        String token;
        try (var a = server.connect(); var b = server.connect()) {
            token = a.send(start("demo", "nb")).next().getString("token");
            a.next();
            b.send(new JsonObject().put("type", "resume").put("token", token));
            assertThat(b.next().getString("token")).isEqualTo(token);
            b.next();
            assertThat(a.send("{\"type\":\"end\"}").next().getString("type")).isEqualTo("ended");
            String fresh = b.send(start("demo", "nb")).next().getString("token");
            assertThat(fresh).as("a new conversation, told as such").isNotEqualTo(token);
            assertThat(b.next().getString("node")).isEqualTo("hello");
            assertThat(server.losen().sessions().get(token).await()).as("ended stays erased").isEmpty();
        }
        try (var c = server.connect()) {
            assertThat(c.send(new JsonObject().put("type", "resume").put("token", token)).next().getString("code"))
                    .isEqualTo("no_session");
        }
    }

    @Test
    void aMalformedTokenIsNoSession() {
        try (var c = server.connect()) {
            assertThat(c.send("{\"type\":\"resume\",\"token\":\"../../etc\"}").next().getString("code")).isEqualTo("no_session");
        }
    }

    @Test
    void staffDialogsAreForbiddenWithoutAStaffLogIn() {
        try (var c = server.connect()) {
            assertThat(c.send(start("demo-staff", "nb")).next().getString("code")).isEqualTo("forbidden");
        }
    }

    @Test
    void socketsFromOtherSitesAreRejectedAtTheHandshake() throws Exception {
        // At the byte level: a client library may report the refused handshake as a closed connection.
        try (RawClient evil = new RawClient(server.port(), "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://evil.example\r\n")) {
            assertThat(evil.status()).isEqualTo(403);
        }
        try (var c = server.connect("https://allowed.example")) {
            assertThat(c.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
        try (var c = server.connect(server.baseUrl())) {
            assertThat(c.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void aFloodIsRateLimitedPerConnection() {
        try (var c = server.connect(); var other = server.connect()) {
            int limited = 0;
            int pongs = 0;
            for (int i = 0; i < 40; i++) {
                c.ws.writeTextMessage("{\"type\":\"ping\"}");
            }
            // The burst of 20 is answered, then the socket pauses: one error, the rest dropped unanswered.
            for (int i = 0; i < 21; i++) {
                JsonObject f = c.next();
                if ("rate_limited".equals(f.getString("code"))) {
                    limited++;
                } else if ("pong".equals(f.getString("type"))) {
                    pongs++;
                }
            }
            assertThat(pongs).isEqualTo(20);
            assertThat(limited).isEqualTo(1);
            assertThat(other.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
    }
}
