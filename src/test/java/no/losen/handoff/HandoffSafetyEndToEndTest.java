package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.server.Config;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import no.losen.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Talk to a person" where it matters for safety, end to end against a real server with the
 * bundled content (the rights dialog, its danger words and model): a person whose counsellor is
 * gone is told so and is not written into silence; danger typed to a counsellor still gets the
 * emergency cards; one address cannot fill the queue; a blocked person gets the contacts; a
 * language switch reaches the counsellor.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandoffSafetyEndToEndTest {

    static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("kari", PASSWORD, Role.COUNSELLOR)
            .with(c -> c.withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED).withHandoff(no.losen.Fixtures.openDesk()));

    static Ws person(String lang) throws InterruptedException {
        Ws p = Ws.open(server, null);
        p.send("start", "dialog", "rights", "lang", lang);
        p.next("message");
        return p;
    }

    static Ws inbox() throws Exception {
        Ws c = Ws.open(server, Ws.login(server, "kari", PASSWORD));
        c.send("inbox");
        c.next("inbox.queue");
        return c;
    }

    /** The person asks for a person and the counsellor takes them; the ticket. */
    static String talking(Ws p, Ws c) throws InterruptedException {
        p.send("talk").talk("waiting");
        String ticket = c.next("inbox.queue").getJsonArray("waiting").getJsonObject(0).getString("ticket");
        c.send("inbox.accept", "ticket", ticket);
        c.next("inbox.chat");
        p.talk("talking");
        return ticket;
    }

    static List<String> phones(JsonArray cards) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            out.add(cards.getJsonObject(i).getString("phone"));
        }
        return out;
    }

    @Test
    void whenTheCounsellorIsGoneThePersonIsToldAtOnceAndNothingTheyWriteVanishesInSilence() throws Exception {
        try (Ws p = person("en")) {
            String ticket;
            try (Ws c = inbox()) {
                ticket = talking(p, c);
            }
            // The counsellor's tab closed: told at once, with who answers day and night.
            JsonObject away = p.talk("away");
            assertThat(phones(away.getJsonArray("cards"))).contains("22 33 11 60");
            // A message now gets an honest answer: not delivered, nobody reads right now.
            JsonObject notSent = p.send("talk.say", "text", "are you there?").talk("away");
            assertThat(notSent.getString("reason")).isEqualTo("not_sent");
            try (Ws c = inbox()) {
                assertThat(c.next("inbox.chat").getString("ticket")).isEqualTo(ticket);
                p.talk("talking");   // someone reads again
                p.send("talk.say", "text", "now?");
                assertThat(c.next("inbox.message").getString("text")).isEqualTo("now?");
                c.send("inbox.end", "ticket", ticket);
                p.talk("ended");
            }
        }
    }

    @Test
    void dangerTypedToACounsellorGetsTheEmergencyCardsAtOnceAndIsFlaggedInTheConsole() throws Exception {
        try (Ws c = inbox(); Ws p = person("en")) {
            String ticket = talking(p, c);
            p.send("talk.say", "text", "he is at the door with a knife");
            JsonObject danger = p.next("talk.danger");
            assertThat(phones(danger.getJsonArray("cards"))).contains("112");
            JsonObject m = c.next("inbox.message");
            assertThat(m.getString("text")).isEqualTo("he is at the door with a knife");
            assertThat(m.getBoolean("danger")).isTrue();
            p.send("talk.say", "text", "thank you for the information about school");
            assertThat(c.next("inbox.message").getBoolean("danger", false)).isFalse();
            c.send("inbox.end", "ticket", ticket);
            p.talk("ended");
        }
    }

    @Test
    void oneAddressCannotFillTheQueueAndAGhostLeavesIt() throws Exception {
        try (Ws c = inbox()) {
            List<Ws> waiting = new ArrayList<>();
            for (int i = 0; i < Desk.MAX_WAITING_PER_ADDRESS; i++) {
                Ws p = person("en");
                p.send("talk").talk("waiting");
                waiting.add(p);
            }
            try (Ws fourth = person("en")) {
                JsonObject crowded = fourth.send("talk").talk("crowded");
                assertThat(phones(crowded.getJsonArray("cards"))).contains("22 33 11 60");
            }
            // A waiting person's socket closes: the console shows them as gone (they leave after the grace).
            waiting.get(0).close();
            JsonArray q = c.queueOf(Desk.MAX_WAITING_PER_ADDRESS);
            for (int end = 0; end < 50 && !q.getJsonObject(0).getBoolean("away", false); end++) {
                q = c.queueOf(Desk.MAX_WAITING_PER_ADDRESS);
            }
            assertThat(q.getJsonObject(0).getBoolean("away")).isTrue();
            for (Ws p : waiting.subList(1, waiting.size())) {
                p.send("talk.leave");
                p.talk("ended");
                p.close();
            }
        }
    }

    @Test
    void aBlockedPersonGetsTheContactsAndIsNotOfferedAPersonAgain() throws Exception {
        try (Ws c = inbox(); Ws p = person("en")) {
            String ticket = talking(p, c);
            c.send("inbox.block", "ticket", ticket);
            JsonObject ended = p.talk("ended");
            assertThat(ended.getString("reason")).isEqualTo("blocked");
            assertThat(phones(ended.getJsonArray("cards"))).contains("22 33 11 60");
            p.send("back");
            assertThat(p.next("message").getString("talk")).isEqualTo("closed");
            JsonObject again = p.send("talk").talk("blocked");
            assertThat(phones(again.getJsonArray("cards"))).contains("22 33 11 60");
        }
    }

    @Test
    void aLanguageSwitchDuringATalkReachesTheCounsellorAndTheCards() throws Exception {
        try (Ws c = inbox(); Ws p = person("ar")) {
            String ticket = talking(p, c);
            p.send("lang", "lang", "uk");
            p.next("message");
            assertThat(c.next("inbox.chat").getString("lang")).isEqualTo("uk");
            c.send("inbox.card", "ticket", ticket, "fact", "rosa");
            assertThat(p.next("talk.card").getJsonObject("card").getString("text")).startsWith("Допомога людям");
            c.send("inbox.end", "ticket", ticket);
            p.talk("ended");
        }
    }

    @Test
    void aThousandEmojiAreAThousandCharacters() throws Exception {
        try (Ws c = inbox(); Ws p = person("en")) {
            String ticket = talking(p, c);
            String many = "\uD83D\uDE4F".repeat(600);
            p.send("talk.say", "text", many);
            assertThat(c.next("inbox.message").getString("text")).isEqualTo(many);
            c.send("inbox.end", "ticket", ticket);
            p.talk("ended");
        }
    }

    @Test
    void aClosedDeskSaysSoInTheConsoleNotJustThatNobodyWaits() throws Exception {
        HandoffConfig closed = new HandoffConfig("Test Org", OpeningHours.never(), Duration.ofMinutes(10),
                Duration.ofMinutes(30), List.of("rosa"), 20, Duration.ofHours(24));
        try (TestServer s = new TestServer(Config.defaults().withPort(0).withContent(no.losen.Fixtures.BASIC)
                .withStaff(server.config().staffUsers(), Duration.ofMinutes(20)).withHandoff(closed));
             Ws c = Ws.open(s, Ws.login(s, "kari", PASSWORD))) {
            c.send("inbox");
            assertThat(c.next("inbox.queue").getString("desk")).isEqualTo("closed");
        }
        try (Ws c = Ws.open(server, Ws.login(server, "kari", PASSWORD))) {
            c.send("inbox");
            assertThat(c.next("inbox.queue").getString("desk")).isEqualTo("open");
        }
    }
}
