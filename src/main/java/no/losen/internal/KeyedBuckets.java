package no.losen.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Token buckets by key (a client address, a phone key): a burst, then so many a second. The
 * budgets of new connections ({@code http.ConnectionRate}) and of new conversations
 * ({@code step.NewSessions}) are this one mechanism over different keys. A bucket is kept only
 * until it would be full again (a full bucket is the same as none), and at most {@code keep} of
 * them, the idlest going first, so memory stays bounded whoever knocks.
 */
public final class KeyedBuckets {

    /** Tokens left at the last take, and when (ticker nanos). */
    private record Bucket(double tokens, long at) {
    }

    private final int burst;
    private final double perNano;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    /** @param burst at least 1; {@code perSecond} positive */
    public KeyedBuckets(int burst, double perSecond, int keep, Ticker ticker) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.ticker = ticker;
        // An untouched bucket is full again after burst / perSecond seconds; it can be forgotten then.
        long refillNanos = (long) Math.ceil(Math.max(1, burst) / perSecond * 1e9);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofNanos(Math.max(1, refillNanos)))
                .maximumSize(keep).ticker(ticker).executor(Runnable::run).build();
    }

    /** Takes one token from {@code key}'s bucket; false: it has none left now. */
    public boolean take(String key) {
        return take(key, 1);
    }

    /**
     * Takes {@code cost} tokens (a part of one for something cheaper than the budget's unit) from {@code key}'s
     * bucket; false: it has fewer left now.
     */
    public boolean take(String key, double cost) {
        boolean[] taken = {false};
        long now = ticker.read();
        buckets.asMap().compute(key == null ? "" : key, (k, b) -> {
            double tokens = level(b, now);
            if (tokens >= cost - 1e-9) {   // not refused for a rounding error of the parts taken before
                taken[0] = true;
                tokens -= cost;
            }
            return new Bucket(tokens, now);
        });
        return taken[0];
    }

    /** The tokens {@code key} has now, without taking one. */
    public double tokens(String key) {
        return level(buckets.getIfPresent(key == null ? "" : key), ticker.read());
    }

    /** The tokens of bucket {@code b} (none yet: full) refilled until {@code now}. */
    private double level(Bucket b, long now) {
        return b == null ? burst : Math.min(burst, b.tokens() + (now - b.at()) * perNano);
    }

    /**
     * Returns a token {@link #take} gave {@code key} for something that no longer holds anything (never more
     * than the burst): a conversation ended by its client frees the place it took.
     */
    public void giveBack(String key) {
        giveBack(key, 1);
    }

    /** Returns the {@code cost} a {@link #take(String, double)} took. */
    public void giveBack(String key, double cost) {
        long now = ticker.read();
        buckets.asMap().computeIfPresent(key == null ? "" : key,
                (k, b) -> new Bucket(Math.min(burst, level(b, now) + cost), now));
    }
}
