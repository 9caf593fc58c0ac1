package no.losen.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slows password guessing: after {@code maxFailures} failed log-ins within {@code window} for
 * one key, further attempts are refused until the oldest failure leaves the window. The console
 * keeps two: per account (5 per 15 minutes) stops a guess at one person's password from many
 * addresses; per client address (20) stops one client trying many names.
 *
 * <p>Names and addresses are kept only as a keyed hash (a key made at start-up and never
 * stored), so neither memory dumps nor log lines hold them in clear.
 */
public final class LoginLimiter {

    private final int maxFailures;
    private final Duration window;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> failures;
    private final Mac mac;

    public LoginLimiter(int maxFailures, Duration window, Ticker ticker) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).ticker(ticker).build();
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public LoginLimiter(int maxFailures, Duration window) {
        this(maxFailures, window, Ticker.systemTicker());
    }

    /** A short, keyed, one-way tag for a name or address: safe to keep in memory and to log. */
    public synchronized String tag(String kind, String value) {
        byte[] h = mac.doFinal((kind + ":" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 8);
    }

    /** How long until another attempt is allowed for any of these tags; zero when allowed now. */
    public synchronized Duration retryAfter(String... tags) {
        long now = ticker.read();
        long longest = 0;
        for (String t : tags) {
            Deque<Long> d = failures.getIfPresent(t);
            if (d == null) {
                continue;
            }
            prune(d, now);
            if (d.size() >= maxFailures) {
                longest = Math.max(longest, d.peekFirst() + window.toNanos() - now);
            }
        }
        return Duration.ofNanos(longest);
    }

    public synchronized void failed(String... tags) {
        long now = ticker.read();
        for (String t : tags) {
            Deque<Long> d = failures.get(t, k -> new ArrayDeque<>());
            prune(d, now);
            d.addLast(now);
            failures.put(t, d);
        }
    }

    /** A successful log-in clears the account's count: its owner is not the guesser. */
    public synchronized void succeeded(String tag) {
        failures.invalidate(tag);
    }

    private void prune(Deque<Long> d, long now) {
        while (!d.isEmpty() && now - d.peekFirst() >= window.toNanos()) {
            d.pollFirst();
        }
    }
}
