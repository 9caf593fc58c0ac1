package no.losen.dialog;

/**
 * A request the engine refuses: the user (or a client) asked for something that does not
 * exist here. The message is safe to show: it names ids, never user text.
 */
public final class DialogException extends RuntimeException {

    private final ErrorCode code;

    public DialogException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
