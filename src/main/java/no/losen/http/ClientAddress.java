package no.losen.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import no.losen.internal.ClientNetwork;

/**
 * Which client a request comes from, for limits only: the one answer every part of the server
 * uses ({@code /ws}'s sockets per address, the staff log-in's delays, the text workers' share,
 * who may read {@code /metrics}). The connection's peer, unless the peer is a reverse proxy we
 * were told to trust ({@code LOSEN_TRUSTED_PROXY}): then the address that proxy appended to
 * {@code X-Forwarded-For} (the rightmost one; anything left of it the client could have forged),
 * past entries naming proxies listed by address, and in one form however the proxy wrote it
 * ({@link #canonical}). The result is a counter key in memory: never logged, never stored.
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
        List<String> entries = new ArrayList<>();
        for (String h : headers.getAll("X-Forwarded-For")) {
            entries.addAll(List.of(h.split(",", -1)));
        }
        // Right to left: the rightmost entry a proxy we trust appended. One that names a proxy listed by address is a
        // hop before it on the same path (two proxies on one host), and the client is further left. Not with "*":
        // then every entry would be passed, and the leftmost is whatever the client wrote.
        for (int i = entries.size() - 1; i >= 0 && i >= entries.size() - MAX_HOPS; i--) {
            String client = canonical(entries.get(i));
            // A header value is not an address we can trust to be short; a key must stay small.
            if (client.isEmpty() || client.length() > 64) {
                return p;
            }
            if (i == 0 || !trustedProxies.contains(client)) {
                return client;
            }
        }
        return p;
    }

    /** Entries of {@code X-Forwarded-For} read from the right at most: proxies in a row on one path are few. */
    static final int MAX_HOPS = 8;

    /**
     * One form for each address a proxy may write: without a port ({@code 198.51.100.9:51234},
     * {@code [2001:db8::1]:443}: a proxy that writes the client's port made every connection a new client),
     * an IPv4 address mapped into IPv6 as IPv4, leading zeros dropped ({@code 198.051.100.09}). An entry that is
     * no address literal stays as it is (a key like any other); none is ever looked up as a name.
     */
    static String canonical(String entry) {
        String e = entry.trim();
        int colon = e.indexOf(':');
        if (e.startsWith("[") && e.indexOf(']') > 0) {
            e = e.substring(1, e.indexOf(']'));
        } else if (colon > 0 && colon == e.lastIndexOf(':')) {
            e = e.substring(0, colon);   // one colon: an IPv4 address (or a name) and a port
        }
        String v4 = ipv4(e);
        if (v4 != null) {
            return v4;
        }
        if (ClientNetwork.ipv6Literal(e)) {
            try {
                return InetAddress.getByName(e).getHostAddress();   // a literal with a colon: never a name look-up
            } catch (UnknownHostException ex) {
                return e;
            }
        }
        return e;
    }

    /** An IPv4 address of four decimal numbers, written plainly; null when {@code e} is none. */
    private static String ipv4(String e) {
        String[] parts = e.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        StringBuilder b = new StringBuilder(15);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int n = Integer.parseInt(part);
            if (n > 255) {
                return null;
            }
            b.append(b.length() == 0 ? "" : ".").append(n);
        }
        return b.toString();
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
