package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.LosenServerExtension;
import no.losen.step.NewSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Session churn against a real server: one address opening {@code /ws}, starting and dropping the
 * socket in a loop is refused ({@code busy}) once its budget of new conversations is spent, while
 * another address still starts, and the churner's own running conversation goes on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewSessionsBudgetTest {

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .with(c -> c.withContent(Fixtures.BASIC).withNewSessions(new NewSessions.Budget(10, Duration.ofMinutes(1))));

    private static JsonObject startAndDrop(String from) {
        try (var c = server.connect(null, from)) {
            return c.send(new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb")).next();
        }
    }

    @Test
    void oneAddressChurningSessionsIsRefusedAfterItsBudgetWhileAnotherStillStarts() {
        int started = 0;
        JsonObject refused = null;
        for (int i = 0; i < 25; i++) {
            JsonObject first = startAndDrop("127.0.1.2");
            if (first.getString("type").equals("session")) {
                started++;
            } else {
                refused = first;
            }
        }
        assertThat(started).isEqualTo(10);
        assertThat(refused.getString("type")).isEqualTo("error");
        assertThat(refused.getString("code")).isEqualTo("busy");
        assertThat(startAndDrop("127.0.1.3").getString("type")).isEqualTo("session");
    }

    @Test
    void aSocketOverItsBudgetIsToldBusyAndClosedWhileOneJustWithinItStaysOpen() {
        for (int i = 0; i < 9; i++) {
            startAndDrop("127.0.1.5");
        }
        try (var last = server.connect(null, "127.0.1.5"); var over = server.connect(null, "127.0.1.5")) {
            // The tenth of ten: it starts, and the socket stays.
            last.send(new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb"));
            assertThat(last.next().getString("type")).isEqualTo("session");
            last.nextMessage();
            // The eleventh: busy, then the socket is closed (1013, try again later): it holds nothing.
            JsonObject refused = over.send(new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb")).next();
            assertThat(refused.getString("code")).isEqualTo("busy");
            assertThat(over.awaitClose(5)).isEqualTo((short) 1013);
            assertThat(last.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void aSocketThatStartedBeforeItsAddressRanOutGoesOnAndMayStartOver() {
        try (var c = server.connect(null, "127.0.1.4")) {
            c.send(new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb")).next();
            c.nextMessage();
            for (int i = 0; i < 15; i++) {
                startAndDrop("127.0.1.4");
            }
            assertThat(c.send("{\"type\":\"choose\",\"choice\":\"child\"}").next().getString("node")).isEqualTo("health");
            c.send(new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb"));
            assertThat(c.next().getString("type")).isEqualTo("message");
        }
    }
}
