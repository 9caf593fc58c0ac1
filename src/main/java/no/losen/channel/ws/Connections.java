package no.losen.channel.ws;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open sockets of one server: how many each client address holds (so one address cannot
 * take every connection), and the conversations themselves (so idle ones can be closed and a
 * shutdown can reach them all). Sockets live on several event loops, hence the concurrent maps.
 * Addresses are counter keys in memory only: never logged, gone when the count drops to zero.
 */
final class Connections {

    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Conversation> live = ConcurrentHashMap.newKeySet();
    private final int maxPerAddress;

    Connections(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new socket from {@code address}; false (and not counted) when the address holds its maximum. */
    boolean admit(String address) {
        boolean[] ok = {false};
        perAddress.compute(address, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            if (c.get() < maxPerAddress) {
                c.incrementAndGet();
                ok[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return ok[0];
    }

    void add(Conversation c) {
        live.add(c);
    }

    /** The socket closed: forget it and give its address's slot back. */
    void remove(Conversation c, String address) {
        if (live.remove(c)) {
            perAddress.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    int size() {
        return live.size();
    }

    int addresses() {
        return perAddress.size();
    }

    Set<Conversation> all() {
        return live;
    }
}
