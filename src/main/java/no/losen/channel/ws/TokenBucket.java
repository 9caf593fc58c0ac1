package no.losen.channel.ws;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} frames a second on average, bursts up to {@code burst}. One per
 * connection, used from that connection's event-loop thread only, so it needs no locking.
 */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    TokenBucket(double rate, double burst, LongSupplier nanos) {
        this.rate = rate;
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    boolean tryTake() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the next token, from the last refill (zero when one is there). */
    long nanosUntilNext() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * 1e9);
    }
}
