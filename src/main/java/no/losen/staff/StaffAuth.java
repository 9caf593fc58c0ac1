package no.losen.staff;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells whether a request comes from a logged-in staff member. The WebSocket channel asks it
 * at the handshake, so a staff dialog can never be started from an anonymous connection, and
 * is told when a log-in ends, so a socket does not keep staff rights after its log-out.
 */
public interface StaffAuth {

    /** No staff log-in configured: every request is anonymous. */
    StaffAuth NONE = req -> Optional.empty();

    /** The id of the live log-in (staff or counsellor) this request carries (from a page of this server), if any. */
    Optional<String> login(HttpServerRequest req);

    /** The live log-in with this id (who, which roles), without counting as use; empty when it ended. */
    default Optional<StaffSessions.Login> session(String loginId) {
        return Optional.empty();
    }

    /**
     * Whether the log-in with this id may run the staff dialogs: the STAFF role. A counsellor-only
     * log-in opens the inbox on a socket but never starts a staff dialog.
     */
    default boolean staffDialogs(String loginId) {
        return true;
    }

    /** {@code ended} is told the id of each log-in that ends: logged out, or idle for the idle time. */
    default void onLogout(Consumer<String> ended) {
    }
}
