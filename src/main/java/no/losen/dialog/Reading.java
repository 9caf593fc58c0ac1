package no.losen.dialog;

import java.util.List;

/**
 * What a message was recognised as.
 *
 * @param danger  the node of emergency help when the message is about danger now, else null; it wins
 *                over every topic, however high that scored
 * @param kind    how sure the recognition is about {@code guesses}
 * @param guesses topics (their target nodes) best first with a confidence in [0, 1]: one to go to
 *                when {@link Kind#SURE}, two or three to offer when {@link Kind#UNSURE}, none when
 *                {@link Kind#UNKNOWN} or {@link Kind#NO_TOPIC}; beside danger, the best other topic if there is one
 */
public record Reading(String danger, Kind kind, List<Guess> guesses) {

    /** How the engine may use the guesses. */
    public enum Kind {
        /** Go to the first guess. */
        SURE,
        /** Offer the guesses as choices ("Did you mean …?"). */
        UNSURE,
        /** Not about a topic: the handbook answer and the menu. */
        UNKNOWN,
        /**
         * Most like the examples of no topic, and surely so ("good night"): as {@link #UNKNOWN}, and a topic
         * keyword does not decide either ("night" is one of the shelter's).
         */
        NO_TOPIC
    }

    /** A topic (the node it goes to) and how confident the recognition is. */
    public record Guess(String target, double confidence) {
    }

    public Reading {
        guesses = List.copyOf(guesses);
    }

    public static final Reading UNKNOWN = new Reading(null, Kind.UNKNOWN, List.of());
    public static final Reading NO_TOPIC = new Reading(null, Kind.NO_TOPIC, List.of());

    public boolean dangerous() {
        return danger != null;
    }
}
