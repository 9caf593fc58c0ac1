package no.losen.channel.whatsapp;

import no.losen.channel.internal.Hmac;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
 * body keyed with the app secret>}. It is checked on the bytes as they arrived, before anything
 * is parsed, so a forged or altered body is never read; the comparison takes the same time
 * wherever the strings differ.
 */
public final class HubSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    public HubSignature(String appSecret) {
        this.secret = appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether {@code header} is the signature of {@code body}. */
    public boolean valid(byte[] body, String header) {
        if (header == null || !header.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String given = header.strip().substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
        return Hmac.same(Hmac.hex(Hmac.sha256(secret, body)), given);
    }

    /** The header value for {@code body} (tests and the docs' curl example sign this way). */
    public static String sign(String appSecret, byte[] body) {
        return PREFIX + Hmac.hex(Hmac.sha256(appSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), body));
    }
}
