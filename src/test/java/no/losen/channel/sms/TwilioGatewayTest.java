package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioGatewayTest {

    private static final String TOKEN = "12345";

    /**
     * The worked example of Twilio's "Validating signatures from Twilio" (twilio.com/docs/usage/security):
     * auth token 12345, this URL and these parameters give GvWf1cFY/Q7PnoempGyD5oXAezc=.
     */
    @Test
    void twiliosPublishedExampleGivesItsPublishedSignature() {
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("CallSid", "CA1234567890ABCDE"), Map.entry("Caller", "+14158675310"),
                Map.entry("Digits", "1234"), Map.entry("From", "+14158675310"), Map.entry("To", "+18005551212"));
        assertThat(TwilioGateway.signature(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    }

    @Test
    void twiliosPublishedExampleIsAcceptedThroughTheGateway() {
        TwilioGateway g = new TwilioGateway(TOKEN, "https://mycompany.com");
        String body = form(List.of(Map.entry("Digits", "1234"), Map.entry("To", "+18005551212"),
                Map.entry("From", "+14158675310"), Map.entry("Caller", "+14158675310"),
                Map.entry("CallSid", "CA1234567890ABCDE"), Map.entry("MessageSid", "SM1")));
        String sig = TwilioGateway.signature(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", parse(body));
        Inbound in = g.read(request("/myapp.php?foo=1&bar=2", sig, body));
        assertThat(in.id()).isEqualTo("SM1");
        assertThat(in.text()).isEmpty();
    }

    // Our own vectors, computed independently with Python's hmac/hashlib/base64 (see docs/sms.md).
    private static final String URL = "https://losen.example.org/sms/twilio";
    private static final List<Map.Entry<String, String>> OURS = List.of(
            Map.entry("MessageSid", "SM0123456789abcdef0123456789abcdef"), Map.entry("From", "+4791234567"),
            Map.entry("To", "+4759440000"), Map.entry("Body", "Hjelp, æøå & <ok>"), Map.entry("NumMedia", "0"));

    @Test
    void ourVectorMatchesAnIndependentImplementation() {
        assertThat(TwilioGateway.signature("our-test-token", URL, OURS)).isEqualTo("AS+ZODUx3IgS86aHTMIy52b6N2Q=");
    }

    @Test
    void aValidSignatureIsAcceptedAndTheMessageRead() {
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org/");
        Inbound in = g.read(request("/sms/twilio", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(OURS)));
        assertThat(in).isEqualTo(new Inbound("+4791234567", "+4759440000", "Hjelp, æøå & <ok>",
                "SM0123456789abcdef0123456789abcdef"));
    }

    @Test
    void theParametersMayComeInAnyOrder() {
        List<Map.Entry<String, String>> reordered = new ArrayList<>(OURS);
        Collections.reverse(reordered);
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        assertThat(g.read(request("/sms/twilio", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(reordered))).id())
                .isEqualTo("SM0123456789abcdef0123456789abcdef");
    }

    @Test
    void aWrongTokenIsRefusedWith403() {
        TwilioGateway g = new TwilioGateway("another-token", "https://losen.example.org");
        assertRefused(() -> g.read(request("/sms/twilio", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(OURS))), 403);
    }

    @Test
    void aWrongUrlIsRefusedWith403() {
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.com");
        assertRefused(() -> g.read(request("/sms/twilio", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(OURS))), 403);
        TwilioGateway right = new TwilioGateway("our-test-token", "https://losen.example.org");
        assertRefused(() -> right.read(request("/sms/twilio?x=1", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(OURS))), 403);
    }

    @Test
    void aChangedParameterOrAMissingSignatureIsRefusedWith403() {
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        List<Map.Entry<String, String>> changed = new ArrayList<>(OURS);
        changed.set(3, Map.entry("Body", "STOP"));
        assertRefused(() -> g.read(request("/sms/twilio", "AS+ZODUx3IgS86aHTMIy52b6N2Q=", form(changed))), 403);
        assertRefused(() -> g.read(request("/sms/twilio", null, form(OURS))), 403);
        assertRefused(() -> g.read(request("/sms/twilio", "", form(OURS))), 403);
    }

    @Test
    void theUrlIsAlsoTriedWithAndWithoutTheDefaultPortAsTwilioMaySignEither() {
        assertThat(TwilioGateway.urlForms("https://h.example/sms/twilio"))
                .containsExactly("https://h.example/sms/twilio", "https://h.example:443/sms/twilio");
        assertThat(TwilioGateway.urlForms("https://h.example:443/sms/twilio?a=1"))
                .containsExactly("https://h.example:443/sms/twilio?a=1", "https://h.example/sms/twilio?a=1");
        assertThat(TwilioGateway.urlForms("https://h.example:8443/x")).containsExactly("https://h.example:8443/x");
        String sig = TwilioGateway.signature("our-test-token", "https://losen.example.org:443/sms/twilio", OURS);
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        assertThat(g.read(request("/sms/twilio", sig, form(OURS))).from()).isEqualTo("+4791234567");
    }

    @Test
    void aSignedBodyWithoutFromOrMessageSidIsMalformed() {
        List<Map.Entry<String, String>> params = List.of(Map.entry("Body", "hei"), Map.entry("To", "+4759440000"));
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        String sig = TwilioGateway.signature("our-test-token", URL, params);
        assertRefused(() -> g.read(request("/sms/twilio", sig, form(params))), 400);
    }

    @Test
    void aSignedBodyWithAMessageSidLongerThanAnyProvidersIsMalformed() {
        List<Map.Entry<String, String>> params = List.of(Map.entry("Body", "hei"), Map.entry("From", "+4791234567"),
                Map.entry("MessageSid", "SM" + "a".repeat(SmsGateway.MAX_ID)));
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        String sig = TwilioGateway.signature("our-test-token", URL, params);
        assertRefused(() -> g.read(request("/sms/twilio", sig, form(params))), 400);
    }

    @Test
    void aBodyThatIsNotAFormIsMalformed() {
        TwilioGateway g = new TwilioGateway("our-test-token", "https://losen.example.org");
        assertRefused(() -> g.read(request("/sms/twilio", "x", "Body=%ZZ")), 400);
        assertRefused(() -> g.read(new SmsGateway.Webhook("/sms/twilio", Map.of("x-twilio-signature", "x"),
                new byte[] {(byte) 0xC3, (byte) 0x28})), 400);
    }

    @Test
    void theReplyIsTwimlEscapedWithOneMessageElementPerPart() throws Exception {
        TwilioGateway g = new TwilioGateway("t", "https://h");
        SmsGateway.Response r = g.reply(List.of("1 Ja & <nei>", "\"sitat\" 'x' \u0007 \uD83D\uDE00 \uD800"));
        assertThat(r.contentType()).startsWith("text/xml");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>1 Ja &amp; &lt;nei&gt;");
        assertThat(messages(r.body())).containsExactly("1 Ja & <nei>", "\"sitat\" 'x' \uFFFD \uD83D\uDE00 \uFFFD");
        assertThat(messages(g.reply(List.of()).body())).isEmpty();
        assertThat(g.error(503, "unavailable", "Try <again>").body())
                .contains("<Error><Code>unavailable</Code><Message>Try &lt;again&gt;</Message></Error>");
    }

    /** The texts of the Message elements, as Twilio's XML parser reads them. */
    private static List<String> messages(String twiml) throws Exception {
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(twiml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var nodes = doc.getElementsByTagName("Message");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    @Test
    void withoutTokenOrPublicUrlTheGatewaySaysWhatToSet() {
        assertThat(new TwilioGateway(null, "https://h").missingConfig()).contains("LOSEN_TWILIO_AUTH_TOKEN");
        assertThat(new TwilioGateway("t", null).missingConfig()).contains("LOSEN_PUBLIC_URL");
        assertThat(new TwilioGateway("t", "https://h").missingConfig()).isNull();
    }

    static void assertRefused(Runnable r, int status) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SmsGateway.Refusal.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    static SmsGateway.Webhook request(String uri, String signature, String body) {
        Map<String, String> h = signature == null ? Map.of() : Map.of("x-twilio-signature", signature);
        return new SmsGateway.Webhook(uri, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static String form(List<Map.Entry<String, String>> params) {
        List<String> parts = new ArrayList<>();
        params.forEach(e -> parts.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    static List<Map.Entry<String, String>> parse(String body) {
        return no.losen.channel.sms.internal.Form.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
