package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.losen.channel.sms.SmsConfig;
import no.losen.search.SearchConfig;
import org.junit.jupiter.api.Test;

/** The set-up the dialogs are told follows the configuration: a model endpoint, an SMS gateway. */
class LosenSetupTest {

    @Test
    void nothingConfiguredIsNothingOutsideTheServer() {
        assertThat(Losen.setup(Config.defaults(), SearchConfig.fromEnv(Map.of())).flags()).isEmpty();
    }

    @Test
    void eitherModelUrlMeansTypedQuestionsMayLeaveTheServer() {
        assertThat(Losen.setup(Config.defaults(), SearchConfig.fromEnv(Map.of("LOSEN_EMBEDDING_URL", "http://127.0.0.1:11434/v1")))
                .flags()).containsExactly("model");
        assertThat(Losen.setup(Config.defaults(), SearchConfig.fromEnv(Map.of("LOSEN_CHAT_URL", "http://127.0.0.1:11434/v1")))
                .flags()).containsExactly("model");
    }

    @Test
    void eitherSmsGatewayMeansAnOperatorCarriesTheMessages() {
        SearchConfig none = SearchConfig.fromEnv(Map.of());
        assertThat(Losen.setup(Config.defaults().withSms(new SmsConfig("token", null, null, null)), none).flags())
                .containsExactly("sms");
        assertThat(Losen.setup(Config.defaults().withSms(new SmsConfig(null, "secret", null, null)), none).flags())
                .containsExactly("sms");
        assertThat(Losen.setup(Config.defaults().withSms(new SmsConfig(null, null, "key-only", null)), none).flags())
                .isEmpty();
    }

    @Test
    void aWhatsAppAppSecretMeansMetaCarriesTheMessages() {
        SearchConfig none = SearchConfig.fromEnv(Map.of());
        assertThat(Losen.setup(Config.defaults().withWhatsApp(new no.losen.channel.whatsapp.WhatsAppConfig("verify", "secret",
                null, null, null)), none).flags()).containsExactly("whatsapp");
        assertThat(Losen.setup(Config.defaults().withWhatsApp(new no.losen.channel.whatsapp.WhatsAppConfig("verify", null,
                "token", "id", null)), none).flags()).isEmpty();
    }
}
