package no.losen.channel.ws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.losen.http.AddressCount;

/**
 * The open sockets of one server: how many each client address holds (so one address cannot
 * take every connection), and the conversations themselves (so idle ones can be closed and a
 * shutdown can reach them all). Sockets live on several event loops, hence the concurrent set.
 */
final class Connections {

    private final AddressCount perAddress;
    private final Set<Conversation> live = ConcurrentHashMap.newKeySet();

    Connections(int maxPerAddress) {
        this.perAddress = new AddressCount(maxPerAddress);
    }

    /** Counts a new socket from {@code address}; false (and not counted) when the address holds its maximum. */
    boolean admit(String address) {
        return perAddress.admit(address);
    }

    void add(Conversation c) {
        live.add(c);
    }

    /** The socket closed: forget it and give its address's slot back. */
    void remove(Conversation c, String address) {
        if (live.remove(c)) {
            perAddress.release(address);
        }
    }

    int size() {
        return live.size();
    }

    int addresses() {
        return perAddress.addresses();
    }

    Set<Conversation> all() {
        return live;
    }
}
