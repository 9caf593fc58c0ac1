package no.losen.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's device cookie against lock-out: a browser in which an account logged in successfully
 * is given a signed cookie naming that account (as a keyed hash, never in clear) and a random
 * device id. A later log-in to the same account that brings it is a <em>known device</em>: it
 * is not slowed by the failures of guessers elsewhere and has a password-check slot of its own,
 * so a staff member at their usual browser gets in while the account is under attack. A device
 * pays for its own wrong passwords, under its own id, with the same growing delays.
 *
 * <p>The signing key is made at start-up and never stored: after a restart every device is
 * unknown again until its next log-in (the staff member then logs in as a new device would).
 * The cookie holds nothing but random bytes and a MAC.
 */
final class KnownDevices {

    static final String COOKIE = "losen_device";
    /** How long a browser stays known without logging in again. */
    static final long MAX_AGE_SECONDS = 30L * 24 * 3600;

    private final SecureRandom random = new SecureRandom();
    private final Mac mac;

    KnownDevices() {
        try {
            byte[] key = new byte[32];
            random.nextBytes(key);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A new cookie value for a browser that just logged in as {@code name}. */
    String issue(String name) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String device = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return device + "." + sign(name, device);
    }

    /** The device id, when {@code value} is a cookie this server issued for {@code name}. */
    Optional<String> device(String value, String name) {
        if (value == null) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot < 1 || dot > 40 || value.length() > 100) {
            return Optional.empty();
        }
        String device = value.substring(0, dot);
        byte[] want = sign(name, device).getBytes(StandardCharsets.US_ASCII);
        byte[] got = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(want, got) ? Optional.of(device) : Optional.empty();
    }

    private synchronized String sign(String name, String device) {
        byte[] h = mac.doFinal((name + "\n" + device).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 18));
    }

    /** Our cookie's value among the request's Cookie headers. */
    static Optional<String> cookie(Iterable<String> cookieHeaders) {
        return CookieStaffAuth.cookie(cookieHeaders, COOKIE);
    }
}
