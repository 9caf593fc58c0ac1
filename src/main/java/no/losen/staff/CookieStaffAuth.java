package no.losen.staff;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.function.Consumer;
import no.losen.http.Origins;

/**
 * Staff log-in as the WebSocket channel sees it: the {@code losen_staff} cookie of the handshake
 * names a live {@link StaffSessions} login with the {@link Role#STAFF} role, and the socket was opened by a page of this server
 * (an allowed widget host on the same site would otherwise carry the SameSite cookie along).
 */
public final class CookieStaffAuth implements StaffAuth {

    public static final String COOKIE = "losen_staff";

    private final StaffSessions sessions;
    private final Origins origins;

    public CookieStaffAuth(StaffSessions sessions, Origins origins) {
        this.sessions = sessions;
        this.origins = origins;
    }

    @Override
    public Optional<String> login(HttpServerRequest req) {
        // The cookie AND this server's Origin (docs/staff-console.md). A socket without Origin may
        // still be public, but it gets no staff rights: a script outside a browser that got hold of
        // the cookie must not skip the Origin check that every browser's request passes.
        if (!origins.self(req)) {
            return Optional.empty();
        }
        return cookie(req.headers().getAll("Cookie")).flatMap(sessions::find).map(StaffSessions.Login::id);
    }

    /** The staff dialogs are the STAFF role's: a counsellor-only log-in gets no staff rights on a socket. */
    @Override
    public boolean staffDialogs(String loginId) {
        return sessions.peek(loginId).map(l -> l.has(Role.STAFF)).orElse(false);
    }

    @Override
    public Optional<StaffSessions.Login> session(String loginId) {
        return sessions.peek(loginId);
    }

    @Override
    public void onLogout(Consumer<String> ended) {
        sessions.onRemove(ended);
    }

    /** The value of our cookie among the request's Cookie headers. */
    static Optional<String> cookie(Iterable<String> cookieHeaders) {
        return cookie(cookieHeaders, COOKIE);
    }

    /** The value of the cookie {@code name} among the request's Cookie headers (the staff cookies share it). */
    static Optional<String> cookie(Iterable<String> cookieHeaders, String name) {
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(name + "=")) {
                    return Optional.of(p.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
