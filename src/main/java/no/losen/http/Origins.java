package no.losen.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which web origins the server trusts, in one place for {@code /ws} and the staff routes, so they
 * cannot disagree: this server's own origin, and the sites that embed the widget
 * ({@code LOSEN_ALLOWED_ORIGINS}). An origin is compared whole (scheme, host, port): a page on
 * {@code http://} is not the {@code https://} site.
 *
 * <p>The server's own origin is {@code LOSEN_PUBLIC_URL}'s when it is set (behind a proxy), and
 * also the request's own scheme and {@code Host}, so an operator can reach an instance directly
 * on the internal network. The request's scheme is https when it came over TLS, or from a
 * trusted proxy that says so in {@code X-Forwarded-Proto}.
 *
 * <p>With a public URL, the {@code Host} of every request must name it, or be an address or
 * {@code localhost} (what load balancers and operators use): a page on a domain the attacker
 * points at our address (DNS rebinding) then cannot talk to us as a same-origin page.
 */
public final class Origins {

    private final String publicOrigin;
    private final String publicHost;
    private final List<String> allowed;
    private final boolean anyAllowed;
    private final ClientAddress clients;

    /**
     * @param publicUrl {@code LOSEN_PUBLIC_URL}, or null
     * @param allowed   origins of sites that embed the widget; {@code *} allows any (development)
     * @throws IllegalArgumentException for an entry that no page's origin can match ("127.0.0.1:8081" without
     *         its scheme, "http://host:*"): taken without a word, it refused the site it was written for
     *         (an independent tester)
     */
    public Origins(String publicUrl, List<String> allowed, ClientAddress clients) {
        for (String a : allowed) {
            if (!a.strip().equals("*") && origin(a) == null) {
                throw new IllegalArgumentException("LOSEN_ALLOWED_ORIGINS: '" + a + "' is not an origin: write the scheme, host "
                        + "and port the page is served from, such as https://ngo.example or http://127.0.0.1:8081 (* allows any site)");
            }
        }
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : origin(publicUrl);
        this.publicHost = publicOrigin == null ? null : URI.create(publicOrigin).getHost();
        this.anyAllowed = allowed.contains("*");
        this.allowed = allowed.stream().map(Origins::origin).filter(Objects::nonNull).toList();
        this.clients = clients;
    }

    /** Whether the public URL is https: then cookies carry the Secure flag. */
    public boolean publicHttps() {
        return publicOrigin != null && publicOrigin.startsWith("https://");
    }

    /** Whether the request's {@code Origin} is this server (a missing or opaque one is not). */
    public boolean self(HttpServerRequest req) {
        return self(req.getHeader("Origin"), host(req), https(req));
    }

    /** Whether a page at the request's {@code Origin} may open a socket; no Origin: not a browser, allowed. */
    public boolean socketAllowed(HttpServerRequest req) {
        return socketAllowed(req.getHeader("Origin"), host(req), https(req));
    }

    public boolean socketAllowed(String origin, String host, boolean https) {
        if (origin == null || anyAllowed) {
            return true;
        }
        String o = origin(origin);
        return o != null && allowed.contains(o) || self(origin, host, https);
    }

    /** Whether the request's {@code Host} may be served (always, without a public URL). */
    public boolean hostAllowed(HttpServerRequest req) {
        return hostAllowed(host(req));
    }

    public boolean hostAllowed(String host) {
        if (publicHost == null) {
            return true;
        }
        if (host == null) {
            return true;   // HTTP/1.0 without Host: no browser sends that
        }
        String name = hostName(host);
        return name.equalsIgnoreCase(publicHost) || name.equals("localhost") || literal(name);
    }

    /** The check itself, for tests and callers that have the parts. */
    public boolean self(String origin, String host, boolean https) {
        if (origin == null || origin.equals("null")) {
            return false;
        }
        String o = origin(origin);
        if (o == null) {
            return false;
        }
        if (o.equals(publicOrigin)) {
            return true;
        }
        return host != null && o.equals(origin((https ? "https://" : "http://") + host));
    }

    private boolean https(HttpServerRequest req) {
        if (req.isSSL()) {
            return true;
        }
        return clients.trusted(ClientAddress.peer(req.remoteAddress()))
                && "https".equalsIgnoreCase(req.getHeader("X-Forwarded-Proto"));
    }

    /** {@code Host}, or HTTP/2's authority. */
    private static String host(HttpServerRequest req) {
        HostAndPort a = req.authority();
        if (a != null) {
            return a.port() < 0 ? a.host() : a.host() + ":" + a.port();
        }
        return req.getHeader("Host");
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static boolean literal(String name) {
        return name.startsWith("[") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** {@code scheme://host[:port]}, lower case, default port dropped; null when not an http(s) URL. */
    public static String origin(String url) {
        try {
            URI u = URI.create(url.strip());
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
                return null;
            }
            int port = u.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
