package no.losen.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import no.losen.channel.ws.WsLimits;

/**
 * The operator's settings for running at scale and under abuse: where sessions live, how much
 * one connection or one address may take, how pages may be framed, how long a shutdown drains.
 *
 * @param sessionStore             {@code redis://host:port[/db]} for a store shared by several instances; null: memory
 * @param frameAncestors           sites allowed to frame our pages (CSP {@code frame-ancestors}); empty: none
 * @param shutdownGrace            how long a shutdown waits for connections to finish their step and leave
 * @param trustedProxies           addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param ws                       per-connection frame size, rate and idle limits, sockets per address
 * @param httpIdleTimeout          an HTTP connection with no traffic this long is closed (not WebSockets:
 *                                 they have their own idle limit), so silent connections cannot pile up
 */
public record Operations(String sessionStore, List<String> frameAncestors, Duration shutdownGrace,
                         List<String> trustedProxies, WsLimits ws, Duration httpIdleTimeout) {

    public static final Operations DEFAULT = new Operations(null, List.of(), Duration.ofSeconds(10), List.of(),
            WsLimits.DEFAULT, Duration.ofMinutes(1));

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

    public Operations withSessionStore(String uri) {
        return new Operations(uri, frameAncestors, shutdownGrace, trustedProxies, ws, httpIdleTimeout);
    }

    public Operations withFrameAncestors(List<String> a) {
        return new Operations(sessionStore, a, shutdownGrace, trustedProxies, ws, httpIdleTimeout);
    }

    public Operations withShutdownGrace(Duration d) {
        return new Operations(sessionStore, frameAncestors, d, trustedProxies, ws, httpIdleTimeout);
    }

    public Operations withTrustedProxies(List<String> p) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, p, ws, httpIdleTimeout);
    }

    public Operations withWs(WsLimits l) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, l, httpIdleTimeout);
    }

    public Operations withHttpIdleTimeout(Duration d) {
        return new Operations(sessionStore, frameAncestors, shutdownGrace, trustedProxies, ws, d);
    }
}
