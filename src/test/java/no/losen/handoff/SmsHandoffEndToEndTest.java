package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.Fixtures;
import no.losen.channel.sms.JsonGateway;
import no.losen.channel.sms.SmsConfig;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import no.losen.staff.Role;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Talk to a person" by SMS, end to end against a real server: a person texting the generic
 * webhook (signed as a relay signs), a counsellor on the staff socket, and a recording stand-in
 * for the relay's send side, which is where everything the counsellor does arrives as SMS.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmsHandoffEndToEndTest {

    static final String PASSWORD = "correct horse battery";
    static final String SECRET = "json-relay-secret";
    static final String PHONE = "+4791234567";
    static final String OURS = "2222";
    static final Pattern TALK_LINE = Pattern.compile("(?m)^(\\d+) Snakk med et menneske$");

    @TempDir
    static Path tmp;
    @AutoClose
    static final SmsRelayStandIn relay = new SmsRelayStandIn(SECRET);
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("kari", PASSWORD, Role.COUNSELLOR)
            .with(c -> c.withContent(content(tmp.resolve("content"))).withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED)
                    .withHandoff(no.losen.Fixtures.openDesk()).withSms(sms(relay.url())));
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int ids;

    /** The basic fixture with the repository's SMS words (nb, en, ar). */
    static Path content(Path dir) throws Exception {
        Fixtures.copyOfBasic(dir);
        Files.createDirectories(dir.resolve("translations/sms"));
        for (String lang : new String[] {"nb", "en", "ar"}) {
            Files.copy(Path.of("translations/sms/" + lang + ".yaml"), dir.resolve("translations/sms/" + lang + ".yaml"));
        }
        return dir;
    }

    static SmsConfig sms(String sendUrl) {
        return new SmsConfig(null, SECRET, "phone key secret for the tests", "demo").withSending(null, null, sendUrl);
    }

    /** One SMS from {@code phone} to the generic webhook; the messages of the webhook's reply. */
    /**
     * A phone texting {@code at} picks a language ({@code "1"} Norwegian, {@code "2"} English), asks
     * for a person, and {@code counsellor} (whose inbox is open) takes them; the ticket.
     */
    static String talkingBySms(TestServer at, String phone, String language, Ws counsellor) throws Exception {
        text(at, phone, "Hei");
        text(at, phone, language);
        text(at, phone, "person");
        String ticket = counsellor.queueOf(1).getJsonObject(0).getString("ticket");
        counsellor.send("inbox.accept", "ticket", ticket);
        counsellor.next("inbox.chat");
        return ticket;
    }

    static List<String> text(TestServer s, String phone, String text) throws Exception {
        String body = new JsonObject().put("from", phone).put("to", OURS).put("text", text).put("id", "m" + (++ids)).encode();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/sms/inbound"))
                .header("Content-Type", "application/json")
                .header(JsonGateway.HEADER, JsonGateway.signature(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonArray messages = new JsonObject(r.body()).getJsonArray("messages");
        return messages.stream().map(String.class::cast).toList();
    }

    /** The number the node's reply offers "Talk to a person" under. */
    static String talkNumber(List<String> reply) {
        Matcher m = TALK_LINE.matcher(String.join("\n", reply));
        assertThat(m.find()).as("the reply offers a person: %s", reply).isTrue();
        return m.group(1);
    }

    @Test
    void anSmsPersonReachesACounsellorChatsGetsACardIsHandedBackAndAnEndErases() throws Exception {
        String kari = Ws.login(server, "kari", PASSWORD);
        String phone = "+4791234001";
        text(server, phone, "Hei");
        List<String> hello = text(server, phone, "1");
        // Nobody has the inbox open: no menu line, and the keyword gives who answers day and night.
        assertThat(String.join("\n", hello)).startsWith("Hei! Hva gjelder det?").doesNotContain("Snakk med et menneske");
        assertThat(text(server, phone, "PERSON")).containsExactly(
                "Ingen kan svare på SMS akkurat nå. Disse svarer døgnet rundt:\nROSA: 22 33 11 60");

        try (Ws c = Ws.open(server, kari)) {
            c.send("inbox");
            assertThat(c.next("inbox.queue").getJsonArray("waiting")).isEmpty();
            List<String> menu = text(server, phone, "MENY");
            assertThat(talkNumber(menu)).isEqualTo("5");   // after the dialog's four choices
            List<String> health = text(server, phone, "1");   // Jeg er voksen
            assertThat(health.get(0)).startsWith("Du kan få helsehjelp.");

            List<String> joined = text(server, phone, talkNumber(health));
            assertThat(joined).hasSize(1);
            assertThat(joined.get(0)).isEqualTo("Du er nummer 1 i køen.\n"
                    + "En person fra Test Org leser det du skriver, på Norsk bokmål. Praten slettes når den er slutt.\n"
                    + "Du kan bruke spørsmålene mens du venter. Skriv FERDIG for å gå ut av køen, X for å slette alt.");

            // The counsellor sees language, dialog and path: never the number.
            JsonObject q = c.queueOf(1).getJsonObject(0);
            assertThat(q.getString("lang")).isEqualTo("nb");
            assertThat(q.getString("dialog")).isEqualTo("demo");
            assertThat(q.getJsonArray("path").encode())
                    .isEqualTo("[{\"node\":\"hello\",\"choice\":\"adult\"},{\"node\":\"health\"}]");
            assertThat(q.encode()).doesNotContain("91234001").doesNotContain("sms:");
            String ticket = q.getString("ticket");

            // While waiting the dialog goes on; the keyword tells the place again.
            assertThat(text(server, phone, "0").get(0)).startsWith("Hei! Hva gjelder det?");
            assertThat(text(server, phone, "person")).containsExactly("Du er nummer 1 i køen.");

            c.send("inbox.accept", "ticket", ticket);
            JsonObject chat = c.next("inbox.chat");
            assertThat(chat.encode()).doesNotContain("91234001");
            SmsRelayStandIn.Sms accepted = relay.next();
            assertThat(accepted.to()).isEqualTo(phone);
            assertThat(accepted.from()).isEqualTo(OURS);
            assertThat(accepted.text()).isEqualTo("Nå leser en person fra Test Org det du skriver, og svarer på Norsk bokmål. "
                    + "Skriv her. Praten slettes når den er slutt. FERDIG: avslutt. X: slett alt.");

            // Every SMS now goes to the counsellor, numbers too, and gets no webhook reply.
            assertThat(text(server, phone, "Jeg trenger hjelp")).isEmpty();
            assertThat(c.next("inbox.message").getString("text")).isEqualTo("Jeg trenger hjelp");
            assertThat(text(server, phone, "2")).isEmpty();
            assertThat(c.next("inbox.message").getString("text")).isEqualTo("2");

            c.send("inbox.say", "ticket", ticket, "text", "Jeg er her. Hva skjer?");
            assertThat(relay.next().text()).isEqualTo("Veileder: Jeg er her. Hva skjer?");
            c.send("inbox.card", "ticket", ticket, "fact", "rosa");
            assertThat(relay.next().text()).isEqualTo("ROSA: 22 33 11 60");

            // Handed back: the node arrives by SMS, and the dialog goes on from there by the webhook.
            c.send("inbox.back", "ticket", ticket, "node", "hello");
            assertThat(c.next("inbox.ended").getString("reason")).isEqualTo("handed_back");
            SmsRelayStandIn.Sms back = relay.next();
            assertThat(back.text()).startsWith("Veilederen sendte deg tilbake til spørsmålene.\nHei! Hva gjelder det?\n1 Jeg er voksen");
            assertThat(text(server, phone, "1").get(0)).startsWith("Du kan få helsehjelp.");

            // Again, and this time the counsellor ends it: told by SMS, and the desk forgets the person.
            assertThat(text(server, phone, "person").get(0)).startsWith("Du er nummer 1 i køen.");
            String second = c.queueOf(1).getJsonObject(0).getString("ticket");
            c.send("inbox.accept", "ticket", second);
            c.next("inbox.chat");
            relay.next();   // "Nå leser en person …"
            c.send("inbox.end", "ticket", second);
            assertThat(c.next("inbox.ended").getString("reason")).isEqualTo("counsellor");
            assertThat(relay.next().text()).isEqualTo("Praten er avsluttet og slettet. Svar MENY for spørsmålene.");
            assertThat(server.losen().handoff().desk().size()).isZero();
            assertThat(text(server, phone, "MENY").get(0)).startsWith("Hei! Hva gjelder det?");
        }
        assertThat(relay.within(300)).isEmpty();
        assertThat(relay.refused()).isZero();
    }

    @Test
    void quickExitAndStopEndTheTalkAndEraseOnBothSides() throws Exception {
        String kari = Ws.login(server, "kari", PASSWORD);
        try (Ws c = Ws.open(server, kari)) {
            c.send("inbox");
            c.next("inbox.queue");
            for (String quit : new String[] {"X", "STOPP"}) {
                String phone = "+47912340" + (quit.equals("X") ? "02" : "03");
                text(server, phone, "Hei");
                text(server, phone, "2");   // English
                List<String> joined = text(server, phone, "person");
                // (The other tests' accepts on this server may by now give an honest estimate.)
                assertThat(joined.get(0)).startsWith("You are number 1 in the queue.")
                        .contains("\nA person from Test Org will read what you write, in English. The talk is erased when it ends.\n")
                        .endsWith("Write LEAVE to leave the queue, X to erase everything.");
                String ticket = c.queueOf(1).getJsonObject(0).getString("ticket");
                c.send("inbox.accept", "ticket", ticket);
                c.next("inbox.chat");
                relay.next();
                long before = server.losen().sessions().size();
                assertThat(text(server, phone, quit)).containsExactly("The conversation is deleted. Write at any time to start again.");
                assertThat(c.next("inbox.ended").getString("reason")).isEqualTo("person");
                assertThat(server.losen().sessions().size()).isEqualTo(before - 1);
                assertThat(server.losen().handoff().desk().size()).isZero();
                // Nothing more reaches the phone, and a new message starts afresh at the language menu.
                assertThat(relay.within(300)).isEmpty();
                assertThat(text(server, phone, "hello").get(0)).contains("1 Norsk bokmål");
            }
        }
    }

    @Test
    void leavingTheQueueByKeywordKeepsTheDialog() throws Exception {
        String kari = Ws.login(server, "kari", PASSWORD);
        try (Ws c = Ws.open(server, kari)) {
            c.send("inbox");
            c.next("inbox.queue");
            String phone = "+4791234004";
            text(server, phone, "Hei");
            text(server, phone, "1");
            assertThat(text(server, phone, "snakk").get(0)).startsWith("Du er nummer 1 i køen.");
            c.queueOf(1);
            assertThat(text(server, phone, "ferdig")).containsExactly("Du gikk ut av køen.");
            c.queueOf(0);
            assertThat(text(server, phone, "1").get(0)).startsWith("Du kan få helsehjelp.");
        }
    }

    @Test
    void logsHoldNeitherTheNumberNorAnyTextOfTheTalk() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.classic.Level before = root.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String phone = "+4791234999";
        try (Ws c = Ws.open(server, Ws.login(server, "kari", PASSWORD))) {
            c.send("inbox");
            c.next("inbox.queue");
            String ticket = talkingBySms(server, phone, "1", c);
            relay.next();
            text(server, phone, "Hemmelig melding fra telefonen");
            c.next("inbox.message");
            c.send("inbox.say", "ticket", ticket, "text", "Hemmelig svar fra veilederen");
            relay.next();
            c.send("inbox.end", "ticket", ticket);
            relay.next();
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        List<String> lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.contains("event=handoff.join channel=sms"));
        assertThat(lines).anyMatch(l -> l.contains("event=sms.send "));
        assertThat(lines).noneMatch(l -> l.contains("91234999") || l.contains("Hemmelig"));
    }
}
