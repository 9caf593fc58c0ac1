package no.losen.step;

import no.losen.dialog.Session;

/**
 * What one step does: the answer for the channel to render, and what becomes of the stored
 * session: kept as {@code keep}, erased, or left as it was.
 *
 * @param answer what the channel renders (a reply, SMS text blocks)
 * @param keep   the session to store; null: the stored one is left as it is (or erased)
 * @param erase  the stored session is deleted ({@code keep} must be null)
 */
public record Outcome<R>(R answer, Session keep, boolean erase) {

    public Outcome {
        if (erase && keep != null) {
            throw new IllegalArgumentException("an outcome cannot both keep and erase the session");
        }
    }

    /** Answers and stores {@code session}. */
    public static <R> Outcome<R> keep(R answer, Session session) {
        return new Outcome<>(answer, session, false);
    }

    /** Answers and leaves the store as it is. */
    public static <R> Outcome<R> answer(R answer) {
        return new Outcome<>(answer, null, false);
    }

    /** Answers and deletes the stored session. */
    public static <R> Outcome<R> erase(R answer) {
        return new Outcome<>(answer, null, true);
    }
}
