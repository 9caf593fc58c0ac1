package no.losen.channel.sms;

import java.util.List;
import java.util.Map;

/**
 * One SMS provider's webhook: how its requests are authenticated and read, and how it wants
 * the reply. Everything else (keywords, sessions, idempotency, rendering) is shared, so adding
 * a provider is one small class, a line in {@link SmsRoutes#of} and its path in the route table
 * ({@code server.Losen}); see docs/sms.md.
 * Implementations are free of Vert.x so they can be tested with plain values.
 */
public interface SmsGateway {

    /**
     * The longest message id a gateway may send: providers' ids are short (Twilio's 34 characters), and
     * each is kept for the session's TTL so a retried webhook gets the same reply; a signed sender with
     * 10,000-character ids (an independent tester) would have filled memory with them.
     */
    int MAX_ID = 128;

    /** {@code id}, refused with 400 when over {@link #MAX_ID} characters. */
    static String checkedId(String id) {
        if (id != null && id.length() > MAX_ID) {
            throw new Refusal(400, "bad_request", "the message id is over " + MAX_ID + " characters");
        }
        return id;
    }

    /** Short, stable name for logs and the idempotency key ({@code twilio}). */
    String name();

    /** The path the provider posts to ({@code /sms/twilio}). */
    String path();

    /** Null when the gateway can run; else what to configure (the endpoint answers 503 with it). */
    String missingConfig();

    /**
     * Checks the request's authenticity and reads the message. Nothing may be processed before
     * this returns.
     *
     * @throws Refusal with 403 for a wrong or missing signature, 400 for a malformed body
     */
    Inbound read(Webhook request);

    /** The reply in the provider's format; {@code messages} may be empty (no reply SMS). */
    Response reply(List<String> messages);

    /** A refusal in the provider's format. */
    Response error(int status, String code, String message);

    /**
     * A webhook request as received.
     *
     * @param uri     the path and query as the server saw them ({@code /sms/twilio?x=1})
     * @param headers header names in lower case
     * @param body    the raw body, exactly as signed
     */
    record Webhook(String uri, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What to answer: status, content type and body. */
    record Response(int status, String contentType, String body) {
    }

    /** A request refused before anything was processed. The message is safe to return: it holds no user data. */
    final class Refusal extends RuntimeException {
        private final int status;
        private final String code;

        public Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
