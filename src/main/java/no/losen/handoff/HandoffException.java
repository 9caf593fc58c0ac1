package no.losen.handoff;

import java.util.Locale;

/** A hand-off request that cannot be done, with a stable code the channels send on (never the message). */
public final class HandoffException extends RuntimeException {

    /** Why. Clients match on {@link #code()}. */
    public enum Problem {
        /** Outside opening hours, or no counsellor connected: the contacts are the answer. */
        NOT_ON_DUTY,
        /** No such ticket: it ended, expired or was never there. */
        GONE,
        /** Another counsellor took it first. */
        TAKEN,
        /** This session was blocked by a counsellor. */
        BLOCKED,
        /** Already in the queue or in a conversation. */
        ALREADY,
        /** Too many messages this minute. */
        RATE_LIMITED,
        /** A message longer than a message may be. */
        TOO_LONG,
        /** Not this counsellor's conversation. */
        FORBIDDEN,
        /** Hand back to a node the dialog does not have. */
        UNKNOWN_NODE,
        /** The instances cannot reach each other (Redis is away). */
        UNAVAILABLE,
        /**
         * The other side has no open connection right now (the counsellor closed the tab, lost the
         * network or logged out; the person is between sockets or their instance is restarting):
         * the message is refused rather than lost, so the sender knows; a person is told so with the
         * around-the-clock contacts.
         */
        AWAY,
        /** Too many people from one client address are waiting already. */
        CROWDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Problem problem;

    public HandoffException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }
}
