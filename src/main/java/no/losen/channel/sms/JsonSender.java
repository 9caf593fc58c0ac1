package no.losen.channel.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The generic gateway's send side: the relay that posts inbound SMS to {@code /sms/inbound} also
 * takes messages to send, at {@code LOSEN_SMS_SEND_URL}, as
 * {@code {"to","from","messages":[...]}} signed exactly as the webhook is ({@code X-Losen-Signature:
 * sha256=<hex HMAC-SHA256 of the body under LOSEN_SMS_SECRET>}), and answers 2xx once it has
 * handed them to the provider. The relay, not Losen, holds the provider's credentials.
 */
public final class JsonSender implements SmsSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final HttpClient http;

    public JsonSender(String url, String secret, HttpClient http) {
        this.url = URI.create(url);
        this.secret = secret;
        this.http = http;
    }

    /** The body for {@code messages} to {@code to} (public for the relay's authors' tests). */
    static byte[] body(Recipient to, List<String> messages) {
        ObjectNode n = JSON.createObjectNode().put("to", to.phone());
        if (to.via() != null) {
            n.put("from", to.via());
        }
        messages.forEach(n.putArray("messages")::add);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CompletionStage<Void> send(Recipient to, List<String> messages) {
        if (messages.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] body = body(to, messages);
        HttpRequest r = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(JsonGateway.HEADER, JsonGateway.signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).thenAccept(res -> {
            if (res.statusCode() / 100 != 2) {
                throw new SendFailed("json", res.statusCode());
            }
        });
    }

    /** A gateway that answered a send with an error status (the status is safe to log; nothing else is kept). */
    static final class SendFailed extends RuntimeException {
        final int status;

        SendFailed(String gateway, int status) {
            super(gateway + " answered " + status, null, false, false);
            this.status = status;
        }
    }
}
