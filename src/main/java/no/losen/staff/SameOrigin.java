package no.losen.staff;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a request's {@code Origin} is this server. With a public URL configured (behind a
 * proxy) that URL's origin is the server's; the request's own {@code Host} is accepted too, so
 * the console also works when reached directly (an operator on the internal network).
 */
public final class SameOrigin {

    private final String publicOrigin;

    /** @param publicUrl {@code LOSEN_PUBLIC_URL}, or null */
    public SameOrigin(String publicUrl) {
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : origin(publicUrl);
    }

    /** Whether the public URL is https: then cookies carry the Secure flag. */
    public boolean publicHttps() {
        return publicOrigin != null && publicOrigin.startsWith("https://");
    }

    public boolean matches(String origin, String host) {
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
        if (host == null) {
            return false;
        }
        String authority = o.substring(o.indexOf("://") + 3);
        return authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(withoutDefaultPort(host, o));
    }

    /** {@code scheme://host[:port]}, lower case, default port dropped; null when not an http(s) URL. */
    static String origin(String url) {
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

    private static String withoutDefaultPort(String host, String origin) {
        String h = host.toLowerCase(Locale.ROOT);
        if (origin.startsWith("https://") && h.endsWith(":443")) {
            return h.substring(0, h.length() - 4);
        }
        if (origin.startsWith("http://") && h.endsWith(":80")) {
            return h.substring(0, h.length() - 3);
        }
        return h;
    }
}
