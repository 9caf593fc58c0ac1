package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic relay's send side: what Losen posts to LOSEN_SMS_SEND_URL, against a real HTTP server. */
class JsonSenderTest {

    private static final String SECRET = "relay secret";

    private HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();

    private String serve(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", ex -> {
            bodies.add(ex.getRequestBody().readAllBytes());
            signatures.add(ex.getRequestHeaders().getFirst("X-Losen-Signature"));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheMessagesInOneBodySignedAsTheWebhookIs() throws Exception {
        JsonSender s = new JsonSender(serve(202), SECRET, HttpClient.newHttpClient());
        s.send(new SmsSender.Recipient("+4791234567", "2222"), List.of("Første", "مرحبا")).toCompletableFuture().join();
        assertThat(bodies).hasSize(1);
        JsonObject j = new JsonObject(new String(bodies.get(0), StandardCharsets.UTF_8));
        assertThat(j.getString("to")).isEqualTo("+4791234567");
        assertThat(j.getString("from")).isEqualTo("2222");
        assertThat(j.getJsonArray("messages").getList()).containsExactly("Første", "مرحبا");
        assertThat(signatures.get(0)).isEqualTo(JsonGateway.signature(SECRET, bodies.get(0)));
    }

    @Test
    void aRefusalFailsTheSendWithTheStatusOnly() throws Exception {
        JsonSender s = new JsonSender(serve(500), SECRET, HttpClient.newHttpClient());
        assertThatThrownBy(() -> s.send(new SmsSender.Recipient("+4791234567", null), List.of("x")).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(JsonSender.SendFailed.class)
                .cause().hasMessage("json answered 500");
    }

    @Test
    void nothingToSendSendsNothingAndARecipientPrintsNoNumber() throws Exception {
        JsonSender s = new JsonSender(serve(202), SECRET, HttpClient.newHttpClient());
        s.send(new SmsSender.Recipient("+4791234567", "2222"), List.of()).toCompletableFuture().join();
        assertThat(bodies).isEmpty();
        assertThat(new SmsSender.Recipient("+4791234567", "2222").toString()).doesNotContain("4791234567");
    }
}
