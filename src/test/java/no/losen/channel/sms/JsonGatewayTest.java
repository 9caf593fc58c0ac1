package no.losen.channel.sms;

import static no.losen.channel.sms.TwilioGatewayTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonGatewayTest {

    private static final String SECRET = "a shared secret for the relay";
    private final JsonGateway g = new JsonGateway(SECRET);

    @Test
    void theSignatureIsHexHmacSha256OfTheRawBody() {
        // Computed independently: python3 -c "import hmac,hashlib;print(hmac.new(b'key',b'{}',hashlib.sha256).hexdigest())"
        assertThat(JsonGateway.signature("key", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=a777724d943eb48dc69bca8a4a6d57a04db3f9ec7e1de4e581e860265bdf3032");
    }

    @Test
    void aSignedMessageIsRead() {
        String body = "{\"from\":\"+4791234567\",\"to\":\"2222\",\"text\":\"Hei\",\"id\":\"m-1\"}";
        Inbound in = g.read(signed(body));
        assertThat(in).isEqualTo(new Inbound("+4791234567", "2222", "Hei", "m-1"));
    }

    @Test
    void aWrongSecretAChangedBodyOrNoSignatureIsRefusedWith403() {
        String body = "{\"from\":\"+4791234567\",\"text\":\"Hei\",\"id\":\"m-1\"}";
        assertRefused(() -> new JsonGateway("another secret entirely").read(signed(body)), 403);
        SmsGateway.Webhook changed = new SmsGateway.Webhook("/sms/inbound", signed(body).headers(),
                body.replace("Hei", "STOP").getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> g.read(changed), 403);
        assertRefused(() -> g.read(new SmsGateway.Webhook("/sms/inbound", Map.of(), body.getBytes(StandardCharsets.UTF_8))), 403);
    }

    @Test
    void aSignedBodyThatIsNotTheExpectedJsonIsMalformed() {
        assertRefused(() -> g.read(signed("not json")), 400);
        assertRefused(() -> g.read(signed("[1,2]")), 400);
        assertRefused(() -> g.read(signed("{\"text\":\"Hei\",\"id\":\"m\"}")), 400);
        assertRefused(() -> g.read(signed("{\"from\":\"+47\",\"text\":\"Hei\"}")), 400);
        assertRefused(() -> g.read(signed("{\"from\":47,\"text\":\"Hei\",\"id\":\"m\"}")), 400);
        assertRefused(() -> g.read(signed("{\"from\":\"+47\",\"text\":5,\"id\":\"m\"}")), 400);
        // signed, but an id no provider sends: it would be kept for the session's TTL
        assertRefused(() -> g.read(signed("{\"from\":\"+47\",\"text\":\"Hei\",\"id\":\"" + "m".repeat(SmsGateway.MAX_ID + 1) + "\"}")), 400);
        assertThat(g.read(signed("{\"from\":\"+47\",\"text\":\"Hei\",\"id\":\"" + "m".repeat(SmsGateway.MAX_ID) + "\"}")).id())
                .hasSize(SmsGateway.MAX_ID);
    }

    @Test
    void theReplyListsTheMessages() {
        SmsGateway.Response r = g.reply(List.of("En", "To \"sitat\""));
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"messages\":[\"En\",\"To \\\"sitat\\\"\"]}");
        assertThat(new JsonGateway(null).missingConfig()).contains("LOSEN_SMS_SECRET");
    }

    private SmsGateway.Webhook signed(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return new SmsGateway.Webhook("/sms/inbound", Map.of("x-losen-signature", JsonGateway.signature(SECRET, b)), b);
    }
}
