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

    /**
     * How long a conversation that has only been started is kept ({@link #putStarted}), at most
     * the store's TTL. Why: such a conversation holds nothing the person chose or typed (starting
     * again loses nothing), yet counted against the maximum for the whole 30-minute TTL, so an
     * independent tester who sent {@code start} and dropped the socket from 340 addresses filled
     * the 100,000 sessions in some 40 s and kept every new visitor out for half an hour. Kept five
     * minutes, such a fill lasts minutes, and the per-client budget ({@code NewSessions}) cannot
     * refill it at the same rate; a person who reads the first answer for longer than this and then
     * answers is told {@code no_session}, and the widget starts anew.
     */
    Duration STARTED_TTL = Duration.ofMinutes(5);

    /**
     * The session under {@code token}. Reading renews a session's full TTL, but not a started-only
     * one's ({@link #putStarted}): resuming it again and again does not keep it.
     */
    Future<Optional<Session>> get(String token);

    /** Stores {@code session} under {@code token} for the full TTL. */
    Future<Void> put(String token, Session session);

    /**
     * Stores a conversation that has only been started, with nothing after its {@code start}, for
     * {@link #STARTED_TTL} (or the TTL, if that is shorter); its first step ({@link #replace}) gives
     * it the full TTL.
     */
    Future<Void> putStarted(String token, Session session);

    /**
     * Stores {@code session} under {@code token} only if a session is stored there now; false when none
     * is (ended or expired meanwhile). A step saves the session it loaded this way, so a step that ran
     * while another socket ended the same conversation cannot bring it back: "ended" stays erased (an
     * independent tester resumed an ended conversation in 11 of 20 such races, 18 of 20 with Redis).
     * The session stored is kept for the full TTL, whether or not the one it replaces was started-only.
     */
    Future<Boolean> replace(String token, Session session);

    /**
     * Erases the conversation under {@code token}; true when this call erased one that was there (not
     * when it had ended or expired already): an ended conversation gives its client's start back
     * ({@code step.NewSessions#giveBack}), exactly once.
     */
    Future<Boolean> remove(String token);

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
