package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppConfigTest {

    @Test
    void eachMissingSecretIsNamedInOrderAndBlankMeansUnset() {
        assertThat(WhatsAppConfig.defaults().missingConfig()).contains("LOSEN_WHATSAPP_VERIFY_TOKEN");
        assertThat(new WhatsAppConfig("v", " ", null, null, null).missingConfig()).contains("LOSEN_WHATSAPP_APP_SECRET");
        assertThat(new WhatsAppConfig("v", "s", null, null, null).missingConfig()).contains("LOSEN_WHATSAPP_ACCESS_TOKEN");
        assertThat(new WhatsAppConfig("v", "s", "t", "", null).missingConfig()).contains("LOSEN_WHATSAPP_PHONE_NUMBER_ID");
        assertThat(new WhatsAppConfig("v", "s", "t", "1", null).missingConfig()).isNull();
    }

    @Test
    void theGraphUrlDefaultsToMetaAndLosesATrailingSlash() {
        assertThat(WhatsAppConfig.defaults().graphUrl()).isEqualTo("https://graph.facebook.com/v21.0");
        assertThat(new WhatsAppConfig("v", "s", "t", "1", "http://127.0.0.1:9/v21.0/").graphUrl())
                .isEqualTo("http://127.0.0.1:9/v21.0");
    }

    @Test
    void printingTheSettingsNeverPrintsASecret() {
        String printed = new WhatsAppConfig("verify-x", "secret-x", "token-x", "1234", null).toString();
        assertThat(printed).doesNotContain("verify-x").doesNotContain("secret-x").doesNotContain("token-x").contains("set");
    }
}
