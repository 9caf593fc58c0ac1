package no.losen.session;

/**
 * The shared session store cannot be reached. The channel answers with the protocol's
 * {@code unavailable} code and keeps the connection: the store comes back by itself.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(Throwable cause) {
        super("the session store cannot be reached", cause, false, false);
    }
}
