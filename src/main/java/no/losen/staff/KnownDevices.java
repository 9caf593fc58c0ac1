package no.losen.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.losen.cache.DerivedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OWASP's device cookie against lock-out: a browser in which an account logged in successfully
 * is given a signed cookie naming that account (as a keyed hash, never in clear) and a random
 * device id. A later log-in to the same account that brings it is a <em>known device</em>: it
 * is not slowed by the failures of guessers elsewhere and has a password-check slot of its own,
 * so a staff member at their usual browser gets in while the account is under attack. A device
 * pays for its own wrong passwords, under its own id, with the same growing delays.
 *
 * <p>The signing key is kept in the server's own cache folder ({@link #kept}): made at the first
 * start was a key of that start alone, so a restart forgot every device, and the staff member's
 * usual browser was then as unknown as a guesser's; an independent tester's guesses for one
 * account from 2,000 addresses kept the right password from an unknown browser out 14 times in
 * 14, where a known device got in every time. Someone who can read that folder can make a
 * device cookie, which spares its bearer other people's failures, not the password.
 * The cookie holds nothing but random bytes and a MAC.
 */
final class KnownDevices {

    private static final Logger LOG = LoggerFactory.getLogger(KnownDevices.class);
    static final String COOKIE = "losen_device";
    /** How long a browser stays known without logging in again. */
    static final long MAX_AGE_SECONDS = 30L * 24 * 3600;
    /** The signing key's file in the cache folder. */
    static final String KEY_FILE = "staff-devices.key";
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Mac mac;

    /** With a key of this start alone: a restart forgets every device. */
    KnownDevices() {
        this(randomKey());
    }

    private KnownDevices(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * With the key kept in {@code dir} ({@value #KEY_FILE}, readable and writable by the server's user
     * only, made at the first start), so devices stay known across restarts. Without a folder (the cache
     * off), or when it cannot be read or written: a key of this start alone, said once in the log.
     */
    static KnownDevices kept(Path dir) {
        if (dir == null) {
            return new KnownDevices();
        }
        Path file = dir.resolve(KEY_FILE);
        try {
            DerivedCache.createPrivately(dir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                byte[] key = randomKey();
                Files.write(file, key);
                return new KnownDevices(key);
            } catch (FileAlreadyExistsException made) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != KEY_BYTES) {
                    Thread.sleep(100);   // another instance sharing the folder is writing it this moment
                    key = Files.readAllBytes(file);
                }
                if (key.length == KEY_BYTES) {
                    return new KnownDevices(key);
                }
                LOG.warn("event=staff.devices.key_unread reason=length hint=\"remove {} from the cache folder\"", KEY_FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("event=staff.devices.key_unkept cause={}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new KnownDevices();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
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
