package no.losen.session;

/**
 * The shared session store is up, but this instance has more calls waiting for it than its client
 * queues: steps come faster than the store answers them. Not an outage, so the store is not marked
 * down (which would refuse everyone until a ping is answered); the channel answers the protocol's
 * {@code busy}, and the client tries again in a moment.
 */
public final class StoreBusyException extends RuntimeException {

    public StoreBusyException(Throwable cause) {
        super("the session store has too many calls waiting", cause, false, false);
    }
}
