package no.losen.channel.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hashes for signatures and phone keys, and the constant-time comparison they need. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sign(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Both algorithms are mandatory in every Java platform; this cannot happen.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    public static byte[] sha1(String key, String data) {
        return sign("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] key, byte[] data) {
        return sign("HmacSHA256", key, data);
    }

    /** Equal strings in time that does not depend on where they differ (no timing oracle for forgers). */
    public static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
