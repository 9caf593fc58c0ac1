package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import no.losen.Fixtures;
import no.losen.channel.sms.SmsConfig;
import no.losen.server.Config;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /whatsapp} before it is configured, and with a start dialog that is not there. */
class WhatsAppRoutesTest {

    @TempDir
    Path dir;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void unconfiguredTheWebhookRefusesWith503NamingWhatToSetAndNeverReadsAMessage() {
        server = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.copyOfBasic(dir)));
        TestServer.Response get = server.get("/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
        assertThat(get.status()).isEqualTo(503);
        assertThat(get.json().getString("message")).contains("LOSEN_WHATSAPP_VERIFY_TOKEN");
        TestServer.Response post = server.request(HttpMethod.POST, "/whatsapp", Buffer.buffer("{}"));
        assertThat(post.status()).isEqualTo(503);
        assertThat(post.json().getString("error")).isEqualTo("not_configured");
        assertThat(server.losen().sessions().size()).isZero();
    }

    @Test
    void withOnlyTheWebhookSecretsSetItSaysRepliesNeedTheTokenAndNumberId() {
        server = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.copyOfBasic(dir))
                .withWhatsApp(new WhatsAppConfig("verify", "secret", null, null, null)));
        TestServer.Response handshake = server.get("/whatsapp?hub.mode=subscribe&hub.verify_token=verify&hub.challenge=42");
        assertThat(handshake.status()).as("not verified in Meta's dashboard while replies cannot go out").isEqualTo(503);
        assertThat(handshake.body()).contains("LOSEN_WHATSAPP_ACCESS_TOKEN");
        TestServer.Response post = server.request(HttpMethod.POST, "/whatsapp", Buffer.buffer("{}"));
        assertThat(post.status()).isEqualTo(503);
        assertThat(post.json().getString("message")).contains("LOSEN_WHATSAPP_ACCESS_TOKEN");
    }

    @Test
    void aStartDialogThatIsNotLoadedIsA503() {
        server = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.copyOfBasic(dir))
                .withSms(new SmsConfig(null, null, "phone key secret for the tests", "rights"))
                .withWhatsApp(new WhatsAppConfig("verify", "secret", "token", "1", "http://127.0.0.1:9/v21.0")));
        TestServer.Response post = server.request(HttpMethod.POST, "/whatsapp", Buffer.buffer("{}"));
        assertThat(post.status()).isEqualTo(503);
        assertThat(post.json().getString("message")).contains("LOSEN_SMS_DIALOG");
    }
}
