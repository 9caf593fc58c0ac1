package no.losen.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import no.losen.channel.ws.WsLimits;
import no.losen.http.ConnectionRate;
import no.losen.http.OpenConnections;
import no.losen.http.UnsentAnswers;

/**
 * The operator's settings for running at scale and under abuse: where sessions live, how much
 * one connection or one address may take, how pages may be framed, how long a shutdown drains.
 *
 * @param sessionStore             {@code redis://host:port[/db]} for a store shared by several instances; null: memory
 * @param frameAncestors           sites allowed to frame our pages (CSP {@code frame-ancestors}); empty: none
 * @param shutdownGrace            how long a shutdown waits for connections to finish their step and leave
 * @param trustedProxies           addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param ws                       per-connection frame size, rate and idle limits, sockets per address, the pace
 *                                 of new sockets per address
 * @param httpIdleTimeout          an HTTP connection with no traffic this long is closed (not WebSockets:
 *                                 they have their own idle limit), so silent connections cannot pile up
 * @param httpHeadTimeout          a request (line, headers and body) must be complete this long after its first
 *                                 byte, and a connection's first request this long after it opens, so a client
 *                                 that trickles a header line now and then (slowloris), or connects and never
 *                                 asks, cannot hold a connection past this
 * @param connectionsPerAddress    TCP connections one peer address may hold at once, before any upgrade
 *                                 (WebSockets included); peers that are trusted proxies are not limited
 * @param managementPort           the port of /metrics and the detailed /health; -1: none (then /metrics answers
 *                                 only loopback clients on the main port)
 * @param managementHost           the interface the management port listens on
 * @param newConnections           how fast one client address may open new TCP connections (behind a trusted
 *                                 proxy: new WebSockets), so a client cannot make the server parse requests and
 *                                 complete handshakes in a tight loop
 * @param maxConnections           TCP connections held at once from everyone, WebSockets included; at the cap,
 *                                 idle HTTP connections are closed for newcomers; 0: the process's file-handle
 *                                 limit less a tenth ({@link OpenConnections#fromFileLimit()})
 * @param maxUnsentBytes           bytes of HTTP answers written but not yet read by their clients, all connections
 *                                 together; 0: a quarter of the direct memory ({@link UnsentAnswers#defaultBudget()})
 */
public record Operations(String sessionStore, List<String> frameAncestors, Duration shutdownGrace,
                         List<String> trustedProxies, WsLimits ws, Duration httpIdleTimeout, Duration httpHeadTimeout,
                         int connectionsPerAddress, int managementPort, String managementHost,
                         ConnectionRate.Limit newConnections, int maxConnections, long maxUnsentBytes) {

    public static final Operations DEFAULT = new Operations(null, List.of(), Duration.ofSeconds(10), List.of(),
            WsLimits.DEFAULT, Duration.ofMinutes(1), Duration.ofSeconds(10), 2 * WsLimits.DEFAULT.maxPerAddress(), -1,
            "127.0.0.1", ConnectionRate.Limit.DEFAULT, 0, 0);

    public Operations {
        frameAncestors = List.copyOf(frameAncestors);
        trustedProxies = List.copyOf(trustedProxies);
        if (sessionStore != null && !sessionStore.isBlank() && !sessionStore.equals("memory")) {
            URI u;
            try {
                u = URI.create(sessionStore);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("LOSEN_SESSION_STORE is not a URI: use redis://host:port");
            }
            if (!"redis".equals(u.getScheme()) && !"rediss".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("LOSEN_SESSION_STORE must be 'memory' or redis://host:port");
            }
        }
        if (httpIdleTimeout.isNegative() || httpIdleTimeout.isZero() || httpIdleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LOSEN_HTTP_IDLE_TIMEOUT must be positive (and under 24 days)");
        }
        if (httpHeadTimeout.isNegative() || httpHeadTimeout.isZero()) {
            throw new IllegalArgumentException("LOSEN_HTTP_HEAD_TIMEOUT must be positive");
        }
        if (connectionsPerAddress < 1) {
            throw new IllegalArgumentException("LOSEN_MAX_HTTP_CONNECTIONS_PER_ADDRESS must be positive");
        }
        if (managementPort < -1 || managementPort > 65_535) {
            throw new IllegalArgumentException("LOSEN_MANAGEMENT_PORT must be a port number");
        }
        if (newConnections == null) {
            throw new IllegalArgumentException("the new-connection budget must be set");
        }
        if (maxUnsentBytes < 0) {
            throw new IllegalArgumentException("the budget of unsent answers must not be negative (0: the default)");
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("LOSEN_MAX_CONNECTIONS must not be negative (0: from the file-handle limit)");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("LOSEN_SHUTDOWN_GRACE must not be negative");
        }
        for (String a : frameAncestors) {
            // A CSP source with ';' or spaces would let a setting inject other directives.
            if (a.isBlank() || a.chars().anyMatch(c -> c == ';' || c == ',' || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("LOSEN_FRAME_ANCESTORS: '" + a + "' is not a CSP source");
            }
        }
    }

    /** Whether sessions go to Redis. */
    public boolean redis() {
        return sessionStore != null && !sessionStore.isBlank() && !sessionStore.equals("memory");
    }

    /** Whether /metrics and the detailed health have a port of their own. */
    public boolean management() {
        return managementPort >= 0;
    }

    public Operations withSessionStore(String uri) {
        return new Operations(uri, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout, httpHeadTimeout,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withFrameAncestors(List<String> a) {
        return new Operations(sessionStore, a, shutdownGrace, trustedProxies, ws, httpIdleTimeout, httpHeadTimeout,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withShutdownGrace(Duration d) {
        return new Operations(sessionStore, frameAncestors, d, trustedProxies, ws, httpIdleTimeout, httpHeadTimeout,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withTrustedProxies(List<String> p) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, p, ws, httpIdleTimeout, httpHeadTimeout,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withWs(WsLimits l) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, l, httpIdleTimeout,
                httpHeadTimeout, connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withHttpIdleTimeout(Duration d) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, d, httpHeadTimeout,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withHttpHeadTimeout(Duration d) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout, d,
                connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withConnectionsPerAddress(int n) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout,
                httpHeadTimeout, n, managementPort, managementHost, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withManagement(int port, String host) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout,
                httpHeadTimeout, connectionsPerAddress, port, host, newConnections, maxConnections, maxUnsentBytes);
    }

    public Operations withMaxConnections(int n) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout,
                httpHeadTimeout, connectionsPerAddress, managementPort, managementHost, newConnections, n, maxUnsentBytes);
    }

    public Operations withMaxUnsentBytes(long n) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout,
                httpHeadTimeout, connectionsPerAddress, managementPort, managementHost, newConnections, maxConnections, n);
    }

    /** The budget of unsent answers: as set, or a quarter of the direct memory. */
    public long unsentBudget() {
        return maxUnsentBytes > 0 ? maxUnsentBytes : UnsentAnswers.defaultBudget();
    }

    /** The cap on connections held at once: as set, or from the file-handle limit. */
    public int connectionCap() {
        return maxConnections > 0 ? maxConnections : OpenConnections.fromFileLimit();
    }

    public Operations withNewConnections(ConnectionRate.Limit l) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout,
                httpHeadTimeout, connectionsPerAddress, managementPort, managementHost, l, maxConnections, maxUnsentBytes);
    }
}
