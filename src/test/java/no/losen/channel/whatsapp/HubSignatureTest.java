package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {

    private final HubSignature hub = new HubSignature("app-secret");
    private final byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsSha256ThenTheHexHmacOfTheRawBodyWithTheAppSecret() {
        // Computed independently: printf hello | openssl dgst -sha256 -hmac app-secret
        assertThat(HubSignature.sign("app-secret", "hello".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=ad5c6aa52b4bf4d1955ccd07b1393163fa5aa461e01cedabf58a512035063c49");
        assertThat(hub.valid(body, HubSignature.sign("app-secret", body))).isTrue();
    }

    @Test
    void aWrongSecretAnAlteredBodyAMissingOrOtherSchemeHeaderIsRefused() {
        String good = HubSignature.sign("app-secret", body);
        assertThat(hub.valid(body, HubSignature.sign("other-secret", body))).isFalse();
        byte[] altered = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(hub.valid(altered, good)).isFalse();
        assertThat(hub.valid(body, null)).isFalse();
        assertThat(hub.valid(body, "")).isFalse();
        assertThat(hub.valid(body, good.substring(7))).as("no scheme").isFalse();
        assertThat(hub.valid(body, "sha1=" + good.substring(7))).isFalse();
    }

    @Test
    void theSchemeAndTheHexAreReadInAnyCase() {
        String good = HubSignature.sign("app-secret", body);
        assertThat(hub.valid(body, "SHA256=" + good.substring(7).toUpperCase())).isTrue();
    }
}
