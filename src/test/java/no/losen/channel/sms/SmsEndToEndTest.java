package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.server.Config;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole conversations through the real server's webhooks, signed as the gateways sign them. */
class SmsEndToEndTest {

    private static final String TOKEN = "twilio-test-token";
    private static final String PUBLIC = "https://losen.example.org";
    private static final String SECRET = "json-relay-secret";
    private static final Pattern MESSAGE = Pattern.compile("<Message>(.*?)</Message>", Pattern.DOTALL);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private int sid;

    private TestServer start(SmsConfig sms) {
        Config c = Config.defaults().withPort(0).withContent(SmsFixture.root(dir)).withPublicUrl(PUBLIC).withSms(sms);
        server = new TestServer(c);
        return server;
    }

    private TestServer start() {
        return start(new SmsConfig(TOKEN, SECRET, "phone key secret for the tests", "demo"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWholeConversationInNorwegianThroughTwilio() throws Exception {
        start();
        String phone = "+4791234567";
        List<String> menu = twilio(phone, "Hei");
        assertThat(menu).hasSize(1);
        assertThat(menu.get(0)).startsWith("Velg språk / Choose language\n1 Norsk bokmål");

        List<String> hello = twilio(phone, "1");
        assertThat(hello).containsExactly("Hei! Hva gjelder det?\n1 Jeg er voksen\n2 Jeg er under 18\n3 Tegn\n"
                + "4 Jeg trenger hjelp nå\nSvar med et tall.");
        assertThat(Segments.count(hello.get(0))).isEqualTo(new Segments.Count(Segments.Encoding.GSM7, 103, 1));

        List<String> health = twilio(phone, "2");
        assertThat(health.get(0)).startsWith("Barn har egne rettigheter.\nDu kan få helsehjelp.\nBarn får vanlig helsehjelp.")
                .contains("Ring ROSA på 22 33 11 60.").doesNotContain("ROSA: 22 33 11 60")
                .endsWith("Svar med et tall. 0 = tilbake.");
        assertThat(Segments.count(health.get(0)).encoding()).isEqualTo(Segments.Encoding.GSM7);

        assertThat(twilio(phone, "9").get(0)).startsWith("Det tallet er ikke et valg her. Svar med et tall fra 1 til 2.");
        assertThat(twilio(phone, "Jeg trenger hjelp nå").get(0)).startsWith("Ring 112.\nROSA: 22 33 11 60")
                .endsWith("Svar MENY for å begynne på nytt, STOPP for å slette samtalen.");
        assertThat(twilio(phone, "MENY").get(0)).startsWith("Hei! Hva gjelder det?");
        assertThat(twilio(phone, "STOPP")).containsExactly("Samtalen er slettet. Skriv når som helst for å begynne på nytt.");
        assertThat(server.losen().sessions().size()).isZero();
    }

    @Test
    void aWholeConversationInArabicCountsUcs2Segments() throws Exception {
        start();
        String phone = "+4798765432";
        twilio(phone, "مرحبا");
        List<String> hello = twilio(phone, "3");
        assertThat(hello).hasSize(1);
        String text = hello.get(0);
        assertThat(text).startsWith("مرحبا\n1 I am an adult").endsWith("أرسل رقمًا.");
        Segments.Count c = Segments.count(text);
        assertThat(c.encoding()).isEqualTo(Segments.Encoding.UCS2);
        assertThat(c.units()).isEqualTo(text.length());
        assertThat(c.segments()).isEqualTo((c.units() + 66) / 67);
        // 75 UCS-2 units: over the 70 of a single segment, so two parts of at most 67.
        assertThat(c).isEqualTo(new Segments.Count(Segments.Encoding.UCS2, 75, 2));

        List<String> health = twilio(phone, "1");
        assertThat(health.get(0)).contains("22 33 11 60").endsWith("أرسل رقمًا. 0 = رجوع.");
        assertThat(twilio(phone, "7").get(0)).startsWith("هذا الرقم ليس خيارًا هنا. أرسل رقمًا من 1 إلى 3.");
        assertThat(twilio(phone, "رجوع").get(0)).startsWith("مرحبا");
        assertThat(twilio(phone, "توقف")).containsExactly("حُذفت المحادثة. اكتب في أي وقت للبدء من جديد.");
        assertThat(Segments.count("حُذفت المحادثة. اكتب في أي وقت للبدء من جديد.").segments()).isEqualTo(1);
    }

    @Test
    void stopErasesThePhonesSessionSoTheNextMessageStartsAfresh() throws Exception {
        start();
        String phone = "+4790000001";
        twilio(phone, "1");
        twilio(phone, "1");
        assertThat(server.losen().sessions().size()).isEqualTo(1);
        twilio(phone, "stop");
        assertThat(server.losen().sessions().size()).isZero();
        assertThat(twilio(phone, "1").get(0)).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void aRetriedWebhookGetsTheSameReplyAndDoesNotAdvanceTheDialogTwice() throws Exception {
        start();
        String phone = "+4790000002";
        twilio(phone, "1");
        Map<String, String> params = Map.of("MessageSid", "SMretry", "From", phone, "To", "+4759440000", "Body", "1");
        HttpResponse<String> first = postTwilio(params, true);
        HttpResponse<String> retry = postTwilio(params, true);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body()).contains("Du kan få helsehjelp.");
        // One step was taken: back from the health node reaches the first node.
        assertThat(twilio(phone, "0").get(0)).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWith403AndNothingIsProcessed() throws Exception {
        start();
        Map<String, String> params = Map.of("MessageSid", "SMx", "From", "+4790000003", "Body", "1");
        HttpResponse<String> unsigned = postTwilio(params, false);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        HttpRequest wrong = HttpRequest.newBuilder(uri("/sms/twilio"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioGateway.signature("not-the-token", PUBLIC + "/sms/twilio", entries(params)))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioGatewayTest.form(entries(params)))).build();
        assertThat(http.send(wrong, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(server.losen().sessions().size()).isZero();
        // Had the refused "1" been processed, the dialog would have started; it answers with the menu instead.
        assertThat(twilio("+4790000003", "hei").get(0)).startsWith("Velg språk");
    }

    @Test
    void oversizeAndMalformedBodiesGive400() throws Exception {
        start();
        HttpResponse<String> big = postRaw("/sms/twilio", "Body=" + "x".repeat(20_000), "application/x-www-form-urlencoded", Map.of());
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).contains("too_large");
        HttpResponse<String> huge = postRaw("/sms/twilio", "Body=" + "x".repeat(100_000), "application/x-www-form-urlencoded", Map.of());
        assertThat(huge.statusCode()).isEqualTo(400);
        HttpResponse<String> badForm = postRaw("/sms/twilio", "Body=%ZZ", "application/x-www-form-urlencoded",
                Map.of("X-Twilio-Signature", "x"));
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(badForm.body()).as("a malformed form is not a large one").contains("bad_request").doesNotContain("too_large");
        Map<String, String> noSid = Map.of("From", "+4790000004", "Body", "1");
        assertThat(postTwilio(noSid, true).statusCode()).isEqualTo(400);

        String notJson = "{not json";
        HttpResponse<String> json = postRaw("/sms/inbound", notJson, "application/json",
                Map.of("X-Losen-Signature", JsonGateway.signature(SECRET, notJson.getBytes(StandardCharsets.UTF_8))));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(json.body()).getString("error")).isEqualTo("bad_request");
        String bigJson = "{\"text\":\"" + "x".repeat(20_000) + "\"}";
        assertThat(postRaw("/sms/inbound", bigJson, "application/json", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void theGenericJsonWebhookRunsTheSameConversation() throws Exception {
        start();
        JsonObject menu = json("+4790000005", "hello", "j1");
        assertThat(menu.getJsonArray("messages").getString(0)).startsWith("Velg språk");
        JsonObject hello = json("+4790000005", "english", "j2");
        assertThat(hello.getJsonArray("messages")).isEqualTo(new JsonArray().add(
                "Hello! What is it about?\n1 I am an adult\n2 I am under 18\n3 Signs\n4 I need help now\nReply with a number."));
        assertThat(json("+4790000005", "english", "j2")).isEqualTo(hello);
        assertThat(json("+4790000005", "2", "j3").getJsonArray("messages").getString(0))
                .startsWith("Children have their own rights.");
        String body = "{\"from\":\"+4790000005\",\"text\":\"1\",\"id\":\"j4\"}";
        HttpResponse<String> wrong = postRaw("/sms/inbound", body, "application/json",
                Map.of("X-Losen-Signature", JsonGateway.signature("wrong secret", body.getBytes(StandardCharsets.UTF_8))));
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void anEndpointWithoutItsSecretRefusesWith503AndSaysWhatToSet() throws Exception {
        start(new SmsConfig(null, null, null, "demo"));
        HttpResponse<String> tw = postTwilio(Map.of("MessageSid", "SM1", "From", "+4790000006", "Body", "1"), true);
        assertThat(tw.statusCode()).isEqualTo(503);
        assertThat(tw.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(tw.body()).contains("LOSEN_TWILIO_AUTH_TOKEN");
        HttpResponse<String> js = postRaw("/sms/inbound", "{}", "application/json", Map.of());
        assertThat(js.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(js.body()).getString("message")).contains("LOSEN_SMS_SECRET");
    }

    @Test
    void aMissingStartDialogIsReportedAs503() throws Exception {
        start(new SmsConfig(TOKEN, SECRET, "phone key secret for the tests", "rights"));
        HttpResponse<String> r = postTwilio(Map.of("MessageSid", "SM1", "From", "+4790000007", "Body", "1"), true);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("LOSEN_SMS_DIALOG");
    }

    @Test
    void logsHoldNeitherThePhoneNumberNorAnyMessageText() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ch.qos.logback.classic.Level before = root.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            start();
            String phone = "+4791112223";
            twilio(phone, "Hemmelig");
            twilio(phone, "1");
            twilio(phone, "1");
            twilio(phone, "Hjelp");
            twilio(phone, "STOPP");
            postTwilio(Map.of("MessageSid", "SMbad", "From", phone, "Body", "Hemmelig"), false);
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
        List<String> lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=sms.reply gateway=twilio"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("event=sms.refused gateway=twilio status=403"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf("91112223", "Hemmelig", "Hjelp", "Hei!", "STOPP"));
    }

    @Test
    void theBundledRightsDialogRunsOverSmsInNorwegianAndArabic() throws Exception {
        server = new TestServer(Config.defaults().withPort(0).withPublicUrl(PUBLIC)
                .withSms(new SmsConfig(TOKEN, SECRET, "phone key secret for the tests", null)));
        String nb = "+4791230001";
        assertThat(twilio(nb, "Hei").get(0)).startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål");
        List<String> situation = twilio(nb, "1");
        assertThat(situation).singleElement().asString().containsPattern("(^|\\n)1 ").endsWith("Svar med et tall.");
        assertThat(Segments.count(situation.get(0)).segments()).isLessThanOrEqualTo(3);
        // The asylum node's full text and four cards took 9 segments in 5 messages; its SMS form is one message.
        List<String> asylum = twilio(nb, "1");
        assertThat(asylum).singleElement().asString().startsWith("Du har rett til helsehjelp")
                .contains("UDI: 23 35 16 00").doesNotContain("Helsehjelp for asylsøkere:")
                .endsWith("Svar med et tall. 0 = tilbake.");
        assertThat(Segments.count(asylum.get(0)).segments()).isLessThanOrEqualTo(3);
        assertThat(twilio(nb, "0")).isEqualTo(situation);
        assertThat(twilio(nb, "STOPP")).hasSize(1);

        String ar = "+4791230002";
        List<String> start = twilio(ar, "العربية");
        String last = start.get(start.size() - 1);
        assertThat(last).endsWith("أرسل رقمًا.");
        Segments.Count c = Segments.count(last);
        assertThat(c.encoding()).isEqualTo(Segments.Encoding.UCS2);
        assertThat(c.segments()).isLessThanOrEqualTo(3).isEqualTo(c.units() <= 70 ? 1 : (c.units() + 66) / 67);
        assertThat(start).singleElement();
        List<String> arAsylum = twilio(ar, "١");
        assertThat(arAsylum).singleElement().asString().contains("23 35 16 00").endsWith("أرسل رقمًا. 0 = رجوع.");
        Segments.Count ac = Segments.count(arAsylum.get(0));
        assertThat(ac.encoding()).isEqualTo(Segments.Encoding.UCS2);
        assertThat(ac.segments()).isLessThanOrEqualTo(3);
        assertThat(twilio(ar, "توقف")).containsExactly("حُذفت المحادثة. اكتب في أي وقت للبدء من جديد.");
        assertThat(server.losen().sessions().size()).isZero();
    }

    // --- helpers ---

    private List<String> twilio(String phone, String text) throws Exception {
        HttpResponse<String> r = postTwilio(Map.of("MessageSid", "SM" + (++sid), "From", phone, "To", "+4759440000",
                "Body", text, "AccountSid", "AC1", "NumMedia", "0"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>").endsWith("</Response>");
        List<String> out = new ArrayList<>();
        Matcher m = MESSAGE.matcher(r.body());
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&"));
        }
        return out;
    }

    private HttpResponse<String> postTwilio(Map<String, String> params, boolean sign) throws Exception {
        List<Map.Entry<String, String>> e = entries(params);
        Map<String, String> headers = sign
                ? Map.of("X-Twilio-Signature", TwilioGateway.signature(TOKEN, PUBLIC + "/sms/twilio", e)) : Map.of();
        return postRaw("/sms/twilio", TwilioGatewayTest.form(e), "application/x-www-form-urlencoded", headers);
    }

    private JsonObject json(String phone, String text, String id) throws Exception {
        String body = new JsonObject().put("from", phone).put("to", "2222").put("text", text).put("id", id).encode();
        HttpResponse<String> r = postRaw("/sms/inbound", body, "application/json",
                Map.of("X-Losen-Signature", JsonGateway.signature(SECRET, body.getBytes(StandardCharsets.UTF_8))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private HttpResponse<String> postRaw(String path, String body, String type, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private static List<Map.Entry<String, String>> entries(Map<String, String> params) {
        return new ArrayList<>(params.entrySet());
    }
}
