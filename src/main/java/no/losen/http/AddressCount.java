package no.losen.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something each client address holds, capped, so one address cannot take them all
 * (TCP connections before the upgrade, WebSockets after it). Connections live on several event
 * loops, hence the concurrent map; the check and the count happen in one {@code compute}, so two
 * connections arriving at once cannot both take the last slot. Addresses are keys in memory only:
 * never logged, gone when their count drops to zero.
 */
public final class AddressCount {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final int max;

    public AddressCount(int max) {
        this.max = max;
    }

    /** Counts one more for {@code address}; false (and not counted) when it holds its maximum. */
    public boolean admit(String address) {
        boolean[] ok = {false};
        counts.compute(address, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            if (c.get() < max) {
                c.incrementAndGet();
                ok[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return ok[0];
    }

    /** Gives one of {@code address}'s slots back. */
    public void release(String address) {
        counts.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** How many {@code address} holds now. */
    public int of(String address) {
        AtomicInteger n = counts.get(address);
        return n == null ? 0 : n.get();
    }

    /** Addresses holding at least one. */
    public int addresses() {
        return counts.size();
    }
}
