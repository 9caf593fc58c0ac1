package no.losen.staff;

import io.vertx.core.MultiMap;

/**
 * Tells whether a request comes from a logged-in staff member. The WebSocket channel asks it
 * at the handshake, so a staff dialog can never be started from an anonymous connection.
 */
@FunctionalInterface
public interface StaffAuth {

    /** No staff log-in configured: every request is anonymous. */
    StaffAuth NONE = headers -> false;

    boolean isStaff(MultiMap requestHeaders);
}
