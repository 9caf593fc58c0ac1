package no.losen.channel.ws;

import java.util.Optional;
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

    /**
     * When sockets hold their share of all connections: the socket a newcomer from {@code address} takes the place
     * of — of the address holding the most sockets, when that is more than {@code address} holds, the one that took
     * a step least lately (never staff's, nor one with a counsellor); empty when {@code address} holds as many.
     * Why: closing only sockets that took no step for two minutes left sockets that keep stepping, from a few
     * addresses, holding every place: an independent tester's 20 addresses of up to 50 sockets, a step every 30 s
     * each, kept every new person out (1013) for as long as they went on. Now a person holding fewer sockets than
     * the biggest holder always gets in, at the cost of that holder ("drop from the longest queue", as the text
     * workers do); the displaced socket's conversation stays and resumes at its next step. One walk over the open
     * sockets, with the counts per address already kept, only when they are full.
     */
    Optional<Conversation> displaceableFor(String address) {
        int most = perAddress.of(address);   // a holder must hold more than the newcomer's address does
        Conversation stalest = null;
        for (Conversation c : live) {
            if (c.login() != null || c.withAPerson()) {
                continue;
            }
            int held = perAddress.of(c.address());
            if (held > most || held == most && stalest != null && c.lastStep() < stalest.lastStep()) {
                most = held;
                stalest = c;
            }
        }
        return Optional.ofNullable(stalest);
    }

    int addresses() {
        return perAddress.addresses();
    }

    Set<Conversation> all() {
        return live;
    }
}
