package no.losen.session;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import no.losen.dialog.Session;

/**
 * Where sessions live between steps. Asynchronous because a shared store (Redis) is a network
 * call away; the in-memory store simply answers at once. A store keeps a session for its idle
 * TTL at most and forgets it on {@link #remove}: there is no other copy anywhere.
 */
public interface SessionStore {

    Future<Optional<Session>> get(String token);

    Future<Void> put(String token, Session session);

    /**
     * Stores {@code session} under {@code token} only if a session is stored there now; false when none
     * is (ended or expired meanwhile). A step saves the session it loaded this way, so a step that ran
     * while another socket ended the same conversation cannot bring it back: "ended" stays erased (an
     * independent tester resumed an ended conversation in 11 of 20 such races, 18 of 20 with Redis).
     */
    Future<Boolean> replace(String token, Session session);

    Future<Void> remove(String token);

    /** Sessions held now (approximate), for health and metrics. */
    long size();

    Duration ttl();

    /** Whether the store can be used now; a shared store may be down. */
    default Future<Boolean> ready() {
        return Future.succeededFuture(true);
    }

    /**
     * Whether the store is known to be down right now, so a caller should fail at once rather than
     * queue a call that will time out. A shared store finds out by itself when it is back.
     */
    default boolean down() {
        return false;
    }

    /** Releases connections; the sessions themselves stay where they are (Redis) or go (memory). */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
