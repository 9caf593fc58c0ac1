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
 * Slows password guessing with growing delays, never a hard lock. Each key (the console keeps
 * one per account and client address, and one per client address) may fail {@code free} times;
 * after that each attempt must wait {@code first}, then twice that, and so on up to {@code max},
 * counted from the key's last attempt. Failures are forgotten after {@code window}.
 *
 * <p>Why keys per account <em>and address</em>: a limit per account alone let anyone lock a staff
 * member out by guessing wrong five times from anywhere; now a guesser slows only their own
 * address, and the right password from the staff member's own desk goes through.
 *
 * <p>An attempt is counted <em>before</em> the password is checked ({@link #attempt}): counting
 * after the (slow, parallel) hash check let forty simultaneous guesses all through a limit of five.
 * A successful log-in takes its attempt back ({@link #succeeded}).
 *
 * <p>Names and addresses are kept only as a keyed hash (a key made at start-up and never
 * stored), so neither memory dumps nor log lines hold them in clear.
 */
public final class LoginLimiter {

    /** Attempts remembered per key at most; beyond this the delay is at its cap anyway. */
    private static final int KEEP = 64;

    private final int free;
    private final Duration first;
    private final Duration max;
    private final Duration window;
    private final Ticker ticker;
    private final Cache<String, Deque<Long>> attempts;
    private final Mac mac;

    /**
     * @param free   failed attempts per key before delays begin
     * @param first  the first delay; each further failure doubles it
     * @param max    the longest delay
     * @param window how long a failure is remembered
     */
    public LoginLimiter(int free, Duration first, Duration max, Duration window, Ticker ticker) {
        this.free = free;
        this.first = first;
        this.max = max;
        this.window = window;
        this.ticker = ticker;
        this.attempts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).ticker(ticker).build();
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public LoginLimiter(int free, Duration first, Duration max, Duration window) {
        this(free, first, max, window, Ticker.systemTicker());
    }

    /** A short, keyed, one-way tag for a name or address: safe to keep in memory and to log. */
    public synchronized String tag(String kind, String value) {
        byte[] h = mac.doFinal((kind + ":" + (value == null ? "" : value)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 8);
    }

    /**
     * Counts an attempt for {@code tag} now, as a failure until {@link #succeeded} says otherwise,
     * and answers zero; or, when the key must wait, counts nothing and answers how long.
     */
    public synchronized Duration attempt(String tag) {
        long now = ticker.read();
        Deque<Long> d = attempts.get(tag, k -> new ArrayDeque<>());
        prune(d, now);
        long wait = waitNanos(d, now);
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        d.addLast(now);
        if (d.size() > KEEP) {
            d.pollFirst();
        }
        attempts.put(tag, d);
        return Duration.ZERO;
    }

    /** How long {@code tag} must wait before its next attempt; zero when it may try now. */
    public synchronized Duration retryAfter(String tag) {
        Deque<Long> d = attempts.getIfPresent(tag);
        if (d == null) {
            return Duration.ZERO;
        }
        long now = ticker.read();
        prune(d, now);
        return Duration.ofNanos(Math.max(0, waitNanos(d, now)));
    }

    /**
     * The attempt counted last for {@code tag} was not a guess (the password was right, or it was
     * never checked): it is taken back. With {@code forgetAll} the key's whole count goes too (the
     * account's owner at this address is not the guesser).
     */
    public synchronized void succeeded(String tag, boolean forgetAll) {
        if (forgetAll) {
            attempts.invalidate(tag);
            return;
        }
        Deque<Long> d = attempts.getIfPresent(tag);
        if (d != null) {
            d.pollLast();
        }
    }

    private long waitNanos(Deque<Long> d, long now) {
        int over = d.size() - free;
        if (over < 0) {
            return 0;
        }
        // Doubling past 2^30 (over 30 years from one second) would overflow; the cap is far below that.
        long delay = over > 30 ? max.toNanos() : Math.min(max.toNanos(), first.toNanos() << over);
        return d.peekLast() + delay - now;
    }

    private void prune(Deque<Long> d, long now) {
        while (!d.isEmpty() && now - d.peekFirst() >= window.toNanos()) {
            d.pollFirst();
        }
    }
}
