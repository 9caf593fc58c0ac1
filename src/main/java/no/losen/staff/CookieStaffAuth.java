package no.losen.staff;

import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * Staff log-in as the WebSocket channel sees it: the {@code losen_staff} cookie of the handshake
 * names a live {@link StaffSessions} login, and the socket was opened by a page of this server
 * (an allowed widget host on the same site would otherwise carry the SameSite cookie along).
 */
public final class CookieStaffAuth implements StaffAuth {

    public static final String COOKIE = "losen_staff";

    private final StaffSessions sessions;
    private final SameOrigin origin;

    public CookieStaffAuth(StaffSessions sessions, SameOrigin origin) {
        this.sessions = sessions;
        this.origin = origin;
    }

    @Override
    public boolean isStaff(MultiMap headers) {
        String o = headers.get("Origin");
        // No Origin: not a browser, so no ambient cookie was sent for it; the cookie was given on purpose.
        if (o != null && !origin.matches(o, headers.get("Host"))) {
            return false;
        }
        return cookie(headers.getAll("Cookie")).flatMap(sessions::find).isPresent();
    }

    /** The value of our cookie among the request's Cookie headers. */
    static Optional<String> cookie(Iterable<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return Optional.of(p.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
