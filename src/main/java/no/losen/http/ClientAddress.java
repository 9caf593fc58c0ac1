package no.losen.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;

/**
 * Which client a request comes from, for limits only: the one answer every part of the server
 * uses ({@code /ws}'s sockets per address, the staff log-in's delays, the text workers' share,
 * who may read {@code /metrics}). The connection's peer, unless the peer is a reverse proxy we
 * were told to trust ({@code LOSEN_TRUSTED_PROXY}): then the address that proxy appended to
 * {@code X-Forwarded-For} (the rightmost one; anything left of it the client could have forged).
 * The result is a counter key in memory: never logged, never stored.
 */
public final class ClientAddress {

    private final List<String> trustedProxies;

    /** @param trustedProxies proxy addresses, or {@code *} when every peer is a proxy (a private network behind a balancer) */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** No proxy trusted: the peer is the client. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    public String of(HttpServerRequest req) {
        return of(req.remoteAddress(), req.headers());
    }

    public String of(SocketAddress peer, MultiMap headers) {
        String p = peer(peer);
        if (!trusted(p)) {
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

    /** Whether connections from this peer come through a trusted proxy (so the peer says nothing about the client). */
    public boolean trusted(String peer) {
        return trustedProxies.contains("*") || trustedProxies.contains(peer);
    }

    /** The peer's address as text ({@code unknown} when the transport has none). */
    public static String peer(SocketAddress peer) {
        return peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    }
}
