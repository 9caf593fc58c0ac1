package no.losen.channel.ws;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.util.List;

/**
 * Which client a socket belongs to, for the per-address connection limit only. The socket's peer,
 * unless the peer is a reverse proxy we were told to trust: then the address that proxy appended
 * to {@code X-Forwarded-For} (the rightmost one; anything left of it the client could have forged).
 * The result is a counter key in memory: never logged, never stored.
 */
final class ClientAddress {

    private final List<String> trustedProxies;

    /** @param trustedProxies proxy addresses, or {@code *} when every peer is a proxy (a private network behind a balancer) */
    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    String of(SocketAddress peer, MultiMap headers) {
        String p = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        if (!trustedProxies.contains(p) && !trustedProxies.contains("*")) {
            return p;
        }
        List<String> all = headers.getAll("X-Forwarded-For");
        if (all.isEmpty()) {
            return p;
        }
        String last = all.get(all.size() - 1);
        String client = last.substring(last.lastIndexOf(',') + 1).trim();
        // A header value is not an address we can trust to be short; a key must stay small.
        return client.isEmpty() || client.length() > 64 ? p : client;
    }
}
