package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.losen.channel.sms.SmsConfig;
import no.losen.server.LosenServerExtension;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole WhatsApp conversations through the real server with the bundled content: webhooks signed
 * as Meta signs them, replies caught by a local Graph API stand-in.
 */
class WhatsAppEndToEndTest {

    private static final String VERIFY = "verify-token-for-the-tests";
    private static final String SECRET = "app-secret-for-the-tests";
    private static final String ACCESS = "access-token-for-the-tests";
    private static final String TWILIO = "twilio-token-for-the-tests";
    private static final String PUBLIC = "https://losen.example.org";

    @AutoClose
    private static final GraphStandIn graph = new GraphStandIn();
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().with(c -> c.withPublicUrl(PUBLIC)
            .withSms(new SmsConfig(TWILIO, null, "phone key secret for the tests", null))
            .withWhatsApp(new WhatsAppConfig(VERIFY, SECRET, ACCESS, Webhooks.PHONE_NUMBER_ID, graph.url(), Duration.ofMillis(20))));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static int ids;

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForOurToken() throws Exception {
        HttpResponse<String> ok = get(Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY, "hub.challenge", "1158201444"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(get(Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1158201444"))
                .statusCode()).isEqualTo(403);
        assertThat(get(Map.of("hub.mode", "unsubscribe", "hub.verify_token", VERIFY, "hub.challenge", "1158201444"))
                .statusCode()).isEqualTo(403);
        assertThat(get(Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY)).statusCode()).isEqualTo(403);
        assertThat(get(Map.of("hub.mode", "subscribe", "hub.verify_token", VERIFY, "hub.challenge", "<script>"))
                .statusCode()).as("only a plain token is echoed").isEqualTo(403);
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWith403BeforeTheBodyIsRead() throws Exception {
        long before = sessions();
        // Not even JSON: a 400 would show it had been parsed. 403 shows the signature came first.
        HttpResponse<String> garbage = post("{not json", "sha256=" + "0".repeat(64));
        assertThat(garbage.statusCode()).isEqualTo(403);
        String hello = Webhooks.text("4791000010", nextId(), Instant.now(), "1").encode();
        assertThat(post(hello, null).statusCode()).isEqualTo(403);
        assertThat(post(hello, HubSignature.sign("not the app secret", hello.getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(403);
        assertThat(post(hello, "sha1=" + HubSignature.sign(SECRET, hello.getBytes(StandardCharsets.UTF_8)).substring(7))
                .statusCode()).isEqualTo(403);
        // The signature covers the raw bytes: the same JSON with one more space is another body.
        assertThat(post(hello + " ", HubSignature.sign(SECRET, hello.getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(403);
        assertThat(nothingMore()).isEmpty();
        assertThat(sessions()).isEqualTo(before);
        // Signed but not a webhook: now it is read, and refused as malformed.
        assertThat(post("{not json", HubSignature.sign(SECRET, "{not json".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aRetriedDeliveryIsAnsweredOnceAndMovesTheDialogOnce() throws Exception {
        String me = "4791000011";
        say(me, "norsk");
        JsonObject rejected = Webhooks.text(me, nextId(), Instant.now(), "2");
        List<GraphStandIn.Sent> first = deliver(rejected);
        assertThat(interactive(single(first)).getJsonObject("body").getString("text")).isEqualTo("Bor du fortsatt på asylmottaket?");
        HttpResponse<String> retry = post(rejected.encode(), sign(rejected.encode()));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(nothingMore()).as("a retry sends nothing").isEmpty();
        // One step was taken: one step back reaches the first node.
        assertThat(body(last(say(me, "0")))).contains("Hva passer best for deg?");
    }

    @Test
    void statusCallbacksAreAcceptedAndIgnored() throws Exception {
        long before = sessions();
        String status = Webhooks.status("4791000012").encode();
        assertThat(post(status, sign(status)).statusCode()).isEqualTo(200);
        assertThat(nothingMore()).isEmpty();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void theRightsDialogInNorwegianShowsButtonsForThreeChoicesAndAListForFour() throws Exception {
        String me = "4791000013";
        GraphStandIn.Sent menu = single(say(me, "Hei"));
        assertThat(menu.path()).isEqualTo("/v21.0/" + Webhooks.PHONE_NUMBER_ID + "/messages");
        assertThat(menu.authorization()).isEqualTo("Bearer " + ACCESS);
        assertThat(menu.body().getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(menu.body().getString("to")).isEqualTo(me);
        // Twelve languages: more than a list holds, so numbered as on SMS.
        assertThat(body(menu)).startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål\n2 English\n3 العربية").endsWith("12 Polski");

        // Eleven choices: numbered text.
        assertThat(body(single(say(me, "1")))).contains("Hva passer best for deg?\n\n1 Jeg har søkt asyl")
                .contains("11 Jeg trenger hjelp nå").endsWith("Svar med et tall.");

        JsonObject control = interactive(single(say(me, "6")));
        assertThat(control.getString("type")).isEqualTo("button");
        assertThat(control.getJsonObject("body").getString("text")).endsWith("Skylder du noen penger, og blir gjelden aldri mindre?");
        assertThat(control.getJsonObject("footer").getString("text")).isEqualTo("Svar 0 for å gå tilbake.");
        assertThat(buttons(control)).containsExactly("c:yes=Ja", "c:no=Nei", "c:help-now=Jeg trenger hjelp nå");

        say(me, "0");
        JsonObject rejected = interactive(single(say(me, "2")));
        assertThat(rejected.getString("type")).isEqualTo("list");
        assertThat(rejected.getJsonObject("body").getString("text")).isEqualTo("Bor du fortsatt på asylmottaket?");
        assertThat(rejected.getJsonObject("action").getString("button")).isEqualTo("Velg");
        assertThat(rows(rejected)).containsExactly("c:in-centre=Ja, jeg bor på mottaket", "c:left=Nei, jeg har flyttet ut",
                "c:start=Tilbake til start", "c:help-now=Jeg trenger hjelp nå");
    }

    @Test
    void theRightsDialogInArabicShowsArabicButtonsAndListWithinWhatsappsLimits() throws Exception {
        String me = "4791000014";
        assertThat(body(single(say(me, "العربية")))).contains("ما الأقرب إلى وضعك؟").endsWith("أرسل رقمًا.");
        JsonObject control = interactive(single(say(me, "٦")));
        assertThat(control.getString("type")).isEqualTo("button");
        assertThat(control.getJsonObject("body").getString("text")).startsWith("هذه بعض الأسئلة عن وضعك.");
        // "أحتاج إلى مساعدة الآن" is 21 characters, one over a button's 20: the short form from the translations.
        assertThat(buttons(control)).containsExactly("c:yes=نعم", "c:no=لا", "c:help-now=مساعدة الآن");
        assertThat(control.getJsonObject("footer").getString("text")).isEqualTo("أرسل 0 للرجوع.");

        say(me, "0");
        JsonObject rejected = interactive(single(say(me, "2")));
        assertThat(rejected.getString("type")).isEqualTo("list");
        assertThat(rejected.getJsonObject("action").getString("button")).isEqualTo("اختر");
        assertThat(rows(rejected)).containsExactly("c:in-centre=نعم، أسكن في المركز", "c:left=لا، خرجت من المركز",
                "c:start=العودة إلى البداية", "c:help-now=أحتاج إلى مساعدة الآن");
        assertThat(rows(rejected)).allSatisfy(r -> assertThat(r.substring(r.indexOf('=') + 1).length())
                .isLessThanOrEqualTo(WhatsAppRenderer.ROW_TITLE));
    }

    @Test
    void aWholeConversationByTapsReachesContactCardsWithNumbersATapCanCall() throws Exception {
        String me = "4791000015";
        say(me, "Hei");
        say(me, "1");
        say(me, "2");
        List<GraphStandIn.Sent> centre = deliver(Webhooks.listReply(me, nextId(), Instant.now(), "c:in-centre",
                "Ja, jeg bor på mottaket"));
        JsonObject last = interactive(last(centre));
        String all = String.join("\n", centre.stream().map(WhatsAppEndToEndTest::anyText).toList());
        assertThat(all).containsPattern("\\+47 \\d\\d \\d\\d \\d\\d \\d\\d");
        assertThat(last.getString("type")).isEqualTo("list");
        assertThat(rows(last)).contains("c:start=Tilbake til start");

        List<GraphStandIn.Sent> help = tap(me, "c:help-now");
        String emergency = String.join("\n", help.stream().map(WhatsAppEndToEndTest::anyText).toList());
        assertThat(emergency).contains("112").contains("ROSA: +47 22 33 11 60");
        assertThat(emergency).as("a short number the text says is not repeated").doesNotContain("nødnummer: 112");
        assertThat(buttons(interactive(last(help)))).containsExactly("c:start=Tilbake til start");
        assertThat(body(last(tap(me, "c:start")))).contains("Hva passer best for deg?");

        // A button of an earlier message, no longer a choice here: the node again, the dialog stays.
        JsonObject again = interactive(single(say(me, "6")));
        List<GraphStandIn.Sent> old = tap(me, "c:in-centre");
        assertThat(interactive(single(old)).getJsonObject("body").getString("text")).startsWith("Velg ett av disse.");
        assertThat(buttons(interactive(single(old)))).isEqualTo(buttons(again));
    }

    @Test
    void outsideThe24HourWindowNothingIsSentAndTheConversationEnds() throws Exception {
        String me = "4791000016";
        say(me, "Hei");
        say(me, "1");
        long before = sessions();
        JsonObject late = Webhooks.text(me, nextId(), Instant.now().minus(Duration.ofHours(25)), "2");
        assertThat(post(late.encode(), sign(late.encode())).statusCode()).isEqualTo(200);
        assertThat(nothingMore()).as("no reply outside the window").isEmpty();
        assertThat(sessions()).isEqualTo(before - 1);
        assertThat(body(single(say(me, "Hei")))).as("the conversation ended: a new one starts at the menu")
                .startsWith("SOS: 112 / 113\nVelg språk");
    }

    @Test
    void theQuickExitWordErasesAtOnceAndAnswersNeutrallyAndStopWorksAsOnSms() throws Exception {
        String me = "4791000017";
        say(me, "Hei");
        say(me, "1");
        long before = sessions();
        assertThat(body(single(say(me, "X")))).isEqualTo("Ok.");
        assertThat(sessions()).isEqualTo(before - 1);
        assertThat(body(single(say(me, "1")))).as("a new conversation").contains("Hva passer best for deg?");
        assertThat(body(single(say(me, "STOPP")))).isEqualTo("Samtalen er slettet. Skriv når som helst for å begynne på nytt.");
        assertThat(sessions()).isEqualTo(before - 1);

        String ar = "4791000018";
        say(ar, "العربية");
        assertThat(body(single(say(ar, "خروج")))).isEqualTo("حسنًا.");
        say(ar, "العربية");
        assertThat(body(single(say(ar, "توقف")))).isEqualTo("حُذفت المحادثة. اكتب في أي وقت للبدء من جديد.");
    }

    @Test
    void aPictureIsAnsweredWithTextOnlyAndNeverFetched() throws Exception {
        String me = "4791000019";
        List<GraphStandIn.Sent> first = deliver(Webhooks.image(me, nextId(), Instant.now()));
        // A voice note or a picture may be a cry for help: the numbers to call come first.
        assertThat(body(single(first))).isEqualTo("SOS: 112 / 113\n\n"
                + "Vi kan bare lese tekst her. Skriv spørsmålet ditt, eller svar med et tall."
                + "\n\nWe can only read text here. Write your question, or reply with a number.");
        say(me, "العربية");
        assertThat(body(single(deliver(Webhooks.image(me, nextId(), Instant.now())))))
                .startsWith("في خطر الآن؟ اتصل بـ 112").endsWith("نستطيع قراءة النص فقط هنا. اكتب سؤالك، أو أرسل رقمًا.");
        assertThat(graph.seenPaths()).allSatisfy(p -> assertThat(p).endsWith("/messages"));
    }

    @Test
    void aSendThatMeets429Then500IsRetriedUntilItGoesThrough() throws Exception {
        String me = "4791000020";
        graph.failNext(429, 500);
        JsonObject hello = Webhooks.text(me, nextId(), Instant.now(), "Hei");
        assertThat(post(hello.encode(), sign(hello.encode())).statusCode()).isEqualTo(200);
        List<GraphStandIn.Sent> tries = graph.take(3);
        assertThat(nothingMore()).isEmpty();
        assertThat(tries.get(0).body().getInteger("_status")).isEqualTo(429);
        assertThat(tries.get(1).body().getInteger("_status")).isEqualTo(500);
        assertThat(tries.get(2).body().containsKey("_status")).isFalse();
        assertThat(body(tries.get(2))).startsWith("SOS: 112 / 113\nVelg språk");
        assertThat(body(tries.get(0))).isEqualTo(body(tries.get(2)));
    }

    @Test
    void logsHoldNeitherTheNumberNorAnyText() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.classic.Level level = root.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String me = "4791112299";
        try {
            say(me, "Hemmelig");
            say(me, "1");
            say(me, "6");
            tap(me, "c:help-now");
            deliver(Webhooks.image(me, nextId(), Instant.now()));
            say(me, "X");
            String unsigned = Webhooks.text(me, nextId(), Instant.now(), "Hemmelig").encode();
            post(unsigned, null);
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
        List<String> lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=whatsapp.received messages=1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=whatsapp.sent"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=whatsapp.refused status=403"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf("91112299", "Hemmelig", "Kerry", "Hva passer",
                "Skylder", "ROSA", "wamid", "HBgL"));
    }

    @Test
    void whatsappThroughTwilioGetsTheSameWordsAsNumberedLinesInTheTwimlReply() throws Exception {
        String me = "whatsapp:+4791000031";
        assertThat(twilio(me, "Hei", 0)).singleElement().asString().startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål");
        // Full texts (not SMS's short forms), paragraphs kept, choices numbered.
        assertThat(twilio(me, "1", 0)).singleElement().asString()
                .startsWith("Her kan du finne ut hva du har rett til i Norge, og hvor du kan få hjelp. Chatten er anonym.")
                .contains("Hva passer best for deg?\n\n1 Jeg har søkt asyl").endsWith("Svar med et tall.");
        assertThat(twilio(me, "6", 0)).singleElement().asString()
                .endsWith("1 Ja\n2 Nei\n3 Jeg trenger hjelp nå\nSvar med et tall. 0 = tilbake.");
        List<String> help = twilio(me, "3", 0);
        assertThat(String.join("\n", help)).contains("ROSA: +47 22 33 11 60");
        assertThat(help).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(WhatsAppRenderer.TWILIO_MAX_TEXT));
        assertThat(twilio(me, "", 1)).containsExactly("Fare nå? Ring 112 (politi) eller 113 (ambulanse).\n\n"
                + "Vi kan bare lese tekst her. Skriv spørsmålet ditt, eller svar med et tall.");
        long before = sessions();
        assertThat(twilio(me, "x", 0)).containsExactly("Ok.");
        assertThat(sessions()).isEqualTo(before - 1);
        // The same number by SMS is another conversation: WhatsApp's is at the first node, SMS's not begun.
        twilio(me, "1", 0);
        assertThat(twilio("+4791000031", "Hei", 0)).singleElement().asString().startsWith("SOS: 112 / 113\nVelg språk");
        assertThat(twilio(me, "6", 0)).singleElement().asString().endsWith("3 Jeg trenger hjelp nå\nSvar med et tall. 0 = tilbake.");
    }

    // --- helpers ---

    private int sid;

    /** A message through Twilio's webhook, signed as Twilio signs it; the TwiML reply's messages. */
    private List<String> twilio(String from, String body, int media) throws Exception {
        java.util.List<Map.Entry<String, String>> params = new java.util.ArrayList<>(List.of(
                Map.entry("MessageSid", "SM" + (++sid) + "x" + ids++), Map.entry("From", from),
                Map.entry("To", "whatsapp:+4759440000"), Map.entry("Body", body), Map.entry("NumMedia", String.valueOf(media))));
        StringBuilder form = new StringBuilder();
        params.forEach(e -> form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/sms/twilio"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", no.losen.channel.sms.TwilioGateway.signature(TWILIO, PUBLIC + "/sms/twilio", params))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Message>(.*?)</Message>", java.util.regex.Pattern.DOTALL)
                .matcher(r.body());
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&"));
        }
        return out;
    }

    @Test
    void onACyrillicKeyboardTheXKeyIsQuickExitToo() throws Exception {
        String me = "4791000031";
        say(me, "українська");
        long before = sessions();
        // U+0445: what the X key types on a Ukrainian or Russian keyboard, where the texts say "write X".
        assertThat(body(single(say(me, "х")))).isEqualTo("Гаразд.");
        assertThat(sessions()).isEqualTo(before - 1);
    }

    @Test
    void aFirstXIsAnsweredWithANeutralWordInEnglishNotInTheFirstLanguageThatListsIt() throws Exception {
        assertThat(body(single(say("4791000033", "x")))).isEqualTo("OK.");
    }

    @Test
    void aMessageWrittenBeforeTheQuickExitButDeliveredAfterItDoesNotBringTheConversationBack() throws Exception {
        String me = "4791000034";
        say(me, "English");
        Instant exit = Instant.now();
        assertThat(body(single(deliver(Webhooks.text(me, nextId(), exit, "x"))))).isEqualTo("OK.");
        long before = sessions();
        JsonObject late = Webhooks.text(me, nextId(), exit.minusSeconds(20), "he is hitting me");
        assertThat(post(late.encode(), sign(late.encode())).statusCode()).isEqualTo(200);
        assertThat(nothingMore()).as("nothing answered after the exit").isEmpty();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aDeliveryWithMessagesFromFortyPeopleIsAnsweredForEveryOne() throws Exception {
        JsonArray messages = new JsonArray();
        for (int i = 0; i < 40; i++) {
            messages.add(Webhooks.text("47920000" + (10 + i), nextId(), Instant.now(), "hei")
                    .getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
                    .getJsonObject("value").getJsonArray("messages").getJsonObject(0));
        }
        JsonObject batch = Webhooks.text("4792000000", nextId(), Instant.now(), "hei");
        batch.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0).getJsonObject("value")
                .put("messages", messages);
        List<GraphStandIn.Sent> menus = deliver(batch);
        assertThat(menus).extracting(m -> m.body().getString("to")).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void aDeliveryOver64KibIsReadALongTextIsAnsweredAndNotLost() throws Exception {
        // 30,000 Ethiopic letters: 90 KB of UTF-8, more than other routes take, less than WhatsApp allows.
        String text = "ሰ".repeat(30_000);
        JsonObject big = Webhooks.text("4791000035", nextId(), Instant.now(), text);
        assertThat(big.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);
        assertThat(deliver(big)).isNotEmpty();
    }

    private List<GraphStandIn.Sent> say(String from, String text) throws Exception {
        return deliver(Webhooks.text(from, nextId(), Instant.now(), text));
    }

    private List<GraphStandIn.Sent> tap(String from, String replyId) throws Exception {
        return deliver(Webhooks.button(from, nextId(), Instant.now(), replyId, "title"));
    }

    private List<GraphStandIn.Sent> deliver(JsonObject webhook) throws Exception {
        HttpResponse<String> r = post(webhook.encode(), sign(webhook.encode()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // The reply was queued before the 200; once the outbox is idle, the stand-in has seen all of it.
        server.losen().whatsappOutbox().idle().get(20, java.util.concurrent.TimeUnit.SECONDS);
        return graph.take(true, 50);
    }

    private static String nextId() {
        return "wamid.HBgLNDc5MTAwMDAwMDEVAgASGBQzQTdCNTg" + (++ids);
    }

    private HttpResponse<String> post(String body, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What reached the stand-in once the outbox is idle, beyond what a test already took. */
    private static List<GraphStandIn.Sent> nothingMore() throws Exception {
        server.losen().whatsappOutbox().idle().get(20, java.util.concurrent.TimeUnit.SECONDS);
        return graph.take(false, 100);
    }

    private static String sign(String body) {
        return HubSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    private static long sessions() {
        return server.losen().sessions().size();
    }

    private static GraphStandIn.Sent single(List<GraphStandIn.Sent> sent) {
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static GraphStandIn.Sent last(List<GraphStandIn.Sent> sent) {
        return sent.get(sent.size() - 1);
    }

    /** A text message's body. */
    private static String body(GraphStandIn.Sent s) {
        assertThat(s.body().getString("type")).isEqualTo("text");
        return s.body().getJsonObject("text").getString("body");
    }

    private static JsonObject interactive(GraphStandIn.Sent s) {
        assertThat(s.body().getString("type")).isEqualTo("interactive");
        return s.body().getJsonObject("interactive");
    }

    /** The text a person reads in a message, of either kind. */
    private static String anyText(GraphStandIn.Sent s) {
        return "text".equals(s.body().getString("type")) ? body(s)
                : interactive(s).getJsonObject("body").getString("text");
    }

    /** Reply buttons as id=title. */
    private static List<String> buttons(JsonObject interactive) {
        return interactive.getJsonObject("action").getJsonArray("buttons").stream().map(JsonObject.class::cast)
                .map(b -> b.getJsonObject("reply")).map(r -> r.getString("id") + "=" + r.getString("title")).toList();
    }

    /** List rows as id=title. */
    private static List<String> rows(JsonObject interactive) {
        return interactive.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows").stream()
                .map(JsonObject.class::cast).map(r -> r.getString("id") + "=" + r.getString("title")).toList();
    }

    private HttpResponse<String> get(Map<String, String> params) throws Exception {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/whatsapp" + q)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
