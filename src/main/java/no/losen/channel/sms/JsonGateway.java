package no.losen.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import no.losen.channel.internal.Hmac;

/**
 * A plain JSON webhook for any other gateway, or a small relay in front of one:
 * {@code {"from","to","text","id"}} in, {@code {"messages":[...]}} out. The body is signed with
 * HMAC-SHA256 under a shared secret ({@code LOSEN_SMS_SECRET}) and the hex digest sent as
 * {@code X-Losen-Signature: sha256=<hex>}; the digest covers the raw bytes, so no JSON
 * re-serialisation can change what was signed.
 */
public final class JsonGateway implements SmsGateway {

    public static final String PATH = "/sms/inbound";
    public static final String HEADER = "X-Losen-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;

    public JsonGateway(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String missingConfig() {
        return secret == null ? "the generic SMS webhook is not configured: set LOSEN_SMS_SECRET" : null;
    }

    /** The header value a sender puts on {@code body}. */
    public static String signature(String secret, byte[] body) {
        return "sha256=" + Hmac.hex(Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    @Override
    public Inbound read(Webhook request) {
        String given = request.header(HEADER);
        String expected = "sha256=" + Hmac.hex(Hmac.sha256(secret, request.body()));
        if (given == null || !Hmac.same(expected, given.strip().toLowerCase(Locale.ROOT))) {
            throw new Refusal(403, "forbidden", "the request does not carry a valid " + HEADER);
        }
        JsonNode n;
        try {
            n = JSON.readTree(request.body());
        } catch (IOException e) {
            throw new Refusal(400, "bad_request", "the body is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new Refusal(400, "bad_request", "the body must be a JSON object");
        }
        String from = string(n, "from", true);
        String id = SmsGateway.checkedId(string(n, "id", true));
        String text = string(n, "text", false);
        return new Inbound(from, string(n, "to", false), text == null ? "" : text, id);
    }

    private static String string(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refusal(400, "bad_request", "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual() || (required && v.asText().isBlank())) {
            throw new Refusal(400, "bad_request", "'" + field + "' must be a non-empty string");
        }
        return v.asText();
    }

    @Override
    public Response reply(List<String> messages) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("messages");
        messages.forEach(a::add);
        return new Response(200, "application/json", o.toString());
    }

    @Override
    public Response error(int status, String code, String message) {
        return new Response(status, "application/json", JSON.createObjectNode().put("error", code)
                .put("message", message).toString());
    }
}
