package no.losen.channel.sms;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import no.losen.channel.internal.Hmac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only form in which a phone number is kept: an HMAC-SHA256 of the number under a server
 * secret. A plain hash would not do: phone numbers are few enough to hash them all and look
 * one up. Without the secret nobody, including whoever reads the store, can tell whose
 * session it is. The number itself is never stored and never logged.
 */
public final class PhoneKey {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneKey.class);

    private final byte[] secret;

    public PhoneKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the SMS key secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** From {@code LOSEN_SMS_KEY_SECRET}; when unset, a random secret for this process only. */
    public static PhoneKey fromSecret(String configured) {
        if (configured == null || configured.isBlank()) {
            LOG.warn("event=sms.key.random reason=LOSEN_SMS_KEY_SECRET_unset effect=sms_sessions_lost_on_restart");
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return new PhoneKey(b);
        }
        return new PhoneKey(configured.getBytes(StandardCharsets.UTF_8));
    }

    /** The key for a number; spacing and punctuation do not matter, so "+47 22 33" and "+4722 33" agree. */
    public String of(String phone) {
        String digits = normalize(phone);
        byte[] mac = Hmac.sha256(secret, digits.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /**
     * The same keyed hash of any value, exactly as given: for ids that carry the number inside them
     * (a WhatsApp message id, "wamid.…", is base64 around the sender's number), so that even in
     * memory such an id is held only hashed.
     */
    public String opaque(String value) {
        byte[] mac = Hmac.sha256(secret, ("id:" + value).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    static String normalize(String phone) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c) || (c == '+' && b.length() == 0)) {
                b.append(c);
            } else if (Character.isLetter(c) || c == ':') {
                // Channel prefixes ("whatsapp:+47…") and alphanumeric senders are kept as they are.
                b.append(c);
            }
        }
        return b.toString();
    }
}
