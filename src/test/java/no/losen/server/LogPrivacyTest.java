package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * SECURITY.md promises that logs never hold message text, phone numbers or client addresses.
 * This runs a scripted conversation full of all three, with every log line captured at DEBUG
 * (our own loggers; Vert.x and Netty at the production config's WARN), and searches the lot.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LogPrivacyTest {

    static final String SECRET = "Secret Text 4711";
    static final String PHONE = "+47 912 34 567";
    static final String PHONE_DIGITS = "91234567";

    @Test
    void aScriptedConversationLeavesNoTextNumberOrAddressInTheLog() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(ctx);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        ctx.getLogger("io.netty").setLevel(Level.WARN);
        ctx.getLogger("io.vertx").setLevel(Level.WARN);
        try (TestServer s = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withAllowedOrigins(List.of("https://allowed.example")));
             var c = s.connect("https://allowed.example")) {
            c.send("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}").nextMessage();
            c.send(new JsonObject().put("type", "text").put("text", SECRET)).next();
            c.send(new JsonObject().put("type", "text").put("text", "call me on " + PHONE)).next();
            c.send("{\"type\":\"choose\",\"choice\":\"" + SECRET + "\"}").next();          // unknown_choice
            c.send("{\"type\":\"lang\",\"lang\":\"" + PHONE_DIGITS + "\"}").next();       // unknown_language
            c.send("{\"type\":\"start\",\"dialog\":\"" + SECRET + "\"}").next();          // unknown_dialog
            c.send("not json: " + SECRET).next();                                          // bad_frame
            c.send("{\"type\":\"" + SECRET + "\"}").next();                                // unknown_type
            c.send(new JsonObject().put("type", "text").put("text", SECRET.repeat(100))).next();   // too_long
            c.send(new JsonObject().put("type", "resume").put("token", PHONE_DIGITS)).next();
            c.send("{\"type\":\"choose\",\"choice\":\"signs\"}").next();
            c.send("{\"type\":\"choose\",\"choices\":[\"debt\"]}").next();
            c.send("{\"type\":\"end\"}").next();
            s.connect("https://evil.example");   // refused at the handshake: must not log the address either
        } catch (RuntimeException refusedHandshake) {
            // the evil origin's handshake fails: expected
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootLevel);
            ctx.getLogger("io.netty").setLevel(null);
            ctx.getLogger("io.vertx").setLevel(null);
        }

        StringBuilder log = new StringBuilder();
        for (ILoggingEvent e : captured.list) {
            log.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                log.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        String all = log.toString();
        assertThat(all).as("the conversation was logged at all").contains("event=session.start")
                .contains("event=ws.refused code=unknown_choice");
        assertThat(all).doesNotContain(SECRET).doesNotContainIgnoringCase("secret text").doesNotContain("Text 4711")
                .doesNotContain(PHONE).doesNotContain(PHONE_DIGITS).doesNotContain("912 34")
                .doesNotContain("127.0.0.1").doesNotContain("127.0.0.1").doesNotContain("0:0:0:0:0:0:0:1")
                .doesNotContain("evil.example");
    }
}
