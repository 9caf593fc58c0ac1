package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.LosenServerExtension;
import no.losen.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Talk to a person" end to end, against a real server: a person's WebSocket and a counsellor's
 * (logged in through the users file), the queue, accept, messages both ways, a contact card,
 * a counsellor's reconnect, hand back, end and erase.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HandoffEndToEndTest {

    static final String PASSWORD = "correct horse battery";
    static final String HEALTH_NB = "Du kan få helsehjelp.";

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .staff("kari", PASSWORD, Role.COUNSELLOR).staff("anna", PASSWORD)
            .with(c -> c.withContent(Fixtures.BASIC).withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED)
                    .withHandoff(Fixtures.openDesk()));

    static String login(String name) throws Exception {
        return Ws.login(server, name, PASSWORD);
    }

    static Ws person() throws InterruptedException {
        Ws p = Ws.open(server, null);
        p.send("start", "dialog", "demo", "lang", "nb");
        p.next("message");
        return p;
    }

    @Test
    void aPersonReachesACounsellorWhoAnswersAndHandsThemBack() throws Exception {
        String kari = login("kari");
        try (Ws p = person()) {
            // Nobody connected yet: offered as closed, and asking gives who answers around the clock.
            p.send("choose", "choice", "adult");
            assertThat(p.next("message").getString("talk")).isEqualTo("closed");
            JsonObject closed = p.send("talk").talk("closed");
            assertThat(closed.getJsonArray("cards").getJsonObject(0).getString("phone")).isEqualTo("22 33 11 60");

            try (Ws c = Ws.open(server, kari)) {
                c.send("inbox");
                assertThat(c.next("inbox.queue").getJsonArray("waiting")).isEmpty();
                p.send("back");
                assertThat(p.next("message").getString("talk")).isEqualTo("on");
                p.send("choose", "choice", "adult");
                p.next("message");

                JsonObject waiting = p.send("talk").talk("waiting");
                assertThat(waiting.getInteger("place")).isEqualTo(1);
                assertThat(waiting.containsKey("minutes")).isFalse();   // no accepts yet: no made-up estimate
                JsonObject q = c.next("inbox.queue").getJsonArray("waiting").getJsonObject(0);
                assertThat(q.getString("lang")).isEqualTo("nb");
                assertThat(q.getString("dialog")).isEqualTo("demo");
                assertThat(q.getJsonArray("path").encode()).isEqualTo("[{\"node\":\"hello\",\"choice\":\"adult\"},{\"node\":\"health\"}]");
                String ticket = q.getString("ticket");

                c.send("inbox.accept", "ticket", ticket);
                JsonObject chat = c.next("inbox.chat");
                assertThat(chat.getString("ticket")).isEqualTo(ticket);
                // Where to send back: node ids with titles in the counsellor's language, not bare ids.
                JsonObject health = chat.getJsonArray("nodes").stream().map(JsonObject.class::cast)
                        .filter(n -> n.getString("id").equals("health")).findFirst().orElseThrow();
                assertThat(health.getString("title")).isEqualTo(HEALTH_NB);
                assertThat(chat.getJsonArray("contacts").encode()).contains("\"id\":\"rosa\"");
                JsonObject talking = p.talk("talking");
                assertThat(talking.getString("organisation")).isEqualTo("Test Org");
                assertThat(talking.getString("lang")).isEqualTo("nb");

                p.send("talk.say", "text", "Jeg trenger hjelp");
                assertThat(c.next("inbox.message").getString("text")).isEqualTo("Jeg trenger hjelp");
                c.send("inbox.say", "ticket", ticket, "text", "Jeg er her", "id", "m-1");
                assertThat(p.next("talk.message").getString("text")).isEqualTo("Jeg er her");
                // Written to the person's socket: the console is told, by the id it gave.
                assertThat(c.next("inbox.delivered").getString("id")).isEqualTo("m-1");
                c.send("inbox.say", "ticket", ticket, "text", "x", "id", "<script>");
                assertThat(c.next("error").getString("code")).isEqualTo("bad_frame");
                c.send("inbox.card", "ticket", ticket, "fact", "rosa");
                assertThat(p.next("talk.card").getJsonObject("card").getString("tel")).isEqualTo("+4722331160");

                c.close();
                try (Ws again = Ws.open(server, kari)) {
                    // The counsellor who lost the connection gets the conversation back.
                    again.send("inbox");
                    assertThat(again.next("inbox.chat").getString("ticket")).isEqualTo(ticket);
                    again.send("inbox.back", "ticket", ticket, "node", "nowhere");
                    assertThat(again.next("error").getString("code")).isEqualTo("unknown_node");
                    again.send("inbox.back", "ticket", ticket, "node", "signs");
                    assertThat(again.next("inbox.ended").getString("reason")).isEqualTo("handed_back");
                    assertThat(p.talk("ended").getString("reason")).isEqualTo("handed_back");
                    assertThat(p.next("message").getString("node")).isEqualTo("signs");
                    // Back returns to where the person was when they asked.
                    p.send("back");
                    assertThat(p.next("message").getString("node")).isEqualTo("health");
                }
            }
        }
    }

    @Test
    void onlyACounsellorOpensTheInboxAndOnlyOneTakesAConversation() throws Exception {
        try (Ws anonymous = Ws.open(server, null); Ws staff = Ws.open(server, login("anna"))) {
            assertThat(anonymous.send("inbox").next("error").getString("code")).isEqualTo("forbidden");
            assertThat(staff.send("inbox").next("error").getString("code")).isEqualTo("forbidden");
        }
        String kari = login("kari");
        try (Ws c1 = Ws.open(server, kari); Ws c2 = Ws.open(server, kari); Ws p = person()) {
            c1.send("inbox");
            c1.next("inbox.queue");
            c2.send("inbox");
            c2.next("inbox.queue");
            p.send("talk").talk("waiting");
            String ticket = c1.queueOf(1).getJsonObject(0).getString("ticket");
            c1.send("inbox.accept", "ticket", ticket);
            c1.next("inbox.chat");
            c2.send("inbox.accept", "ticket", ticket);
            assertThat(c2.next("error").getString("code")).isEqualTo("taken");
            c1.send("inbox.end", "ticket", ticket);
            assertThat(p.talk("ended").getString("reason")).isEqualTo("counsellor");
            assertThat(c1.next("inbox.ended").getString("reason")).isEqualTo("counsellor");
            // Nothing is left: the person's next message is refused as gone.
            assertThat(p.send("talk.say", "text", "hallo?").next("error").getString("code")).isEqualTo("gone");
        }
    }

    @Test
    void aCounsellorWhoseConsoleIsInEnglishPicksTheHandBackNodeByItsEnglishTitle() throws Exception {
        try (Ws c = Ws.open(server, login("kari")); Ws p = person()) {
            c.send("inbox", "lang", "en");
            c.next("inbox.queue");
            p.send("talk").talk("waiting");
            String ticket = c.queueOf(1).getJsonObject(0).getString("ticket");
            c.send("inbox.accept", "ticket", ticket);
            JsonObject health = c.next("inbox.chat").getJsonArray("nodes").stream().map(JsonObject.class::cast)
                    .filter(n -> n.getString("id").equals("health")).findFirst().orElseThrow();
            assertThat(health.getString("title")).isEqualTo("You can get health care.");
            c.send("inbox.end", "ticket", ticket);
            c.next("inbox.ended");
        }
    }

    @Test
    void quickExitEndsTheWaitAndTheSession() throws Exception {
        String kari = login("kari");
        try (Ws c = Ws.open(server, kari); Ws p = person()) {
            c.send("inbox");
            c.next("inbox.queue");
            p.send("talk").talk("waiting");
            assertThat(c.next("inbox.queue").getJsonArray("waiting")).hasSize(1);
            p.send("end");
            p.next("ended");
            assertThat(c.next("inbox.queue").getJsonArray("waiting")).isEmpty();
        }
    }

    @Test
    void aPersonWhoReconnectsFindsTheirPlaceAgain() throws Exception {
        String kari = login("kari");
        try (Ws c = Ws.open(server, kari)) {
            c.send("inbox");
            c.next("inbox.queue");
            String token;
            try (Ws p = Ws.open(server, null)) {
                p.send("start", "dialog", "demo", "lang", "ar");
                token = p.next("session").getString("token");
                p.send("talk").talk("waiting");
            }
            try (Ws p = Ws.open(server, null)) {
                p.send("resume", "token", token);
                assertThat(p.talk("waiting").getInteger("place")).isEqualTo(1);
                p.send("talk.leave");
                assertThat(p.talk("ended").getString("reason")).isEqualTo("person");
            }
        }
    }
}
