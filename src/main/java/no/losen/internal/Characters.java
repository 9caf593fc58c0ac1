package no.losen.internal;

import java.text.Normalizer;

/**
 * How long typed text is, for the limits on it (a typed message, a search question, a message to a
 * counsellor): characters as they are read, after Unicode compatibility normalisation (NFKC). What
 * reads typed text folds it the same way first, so a limit counted before it did not hold: one
 * ligature, U+FDFA, is 18 letters once folded, and a message of a thousand of them passed the
 * 1,000-character limit as 18,000 letters, read for words of danger on an event loop (an independent
 * tester stalled every conversation with them). An emoji or "𝔡" is one character, not two UTF-16 units.
 */
public final class Characters {

    private Characters() {
    }

    /** The characters of {@code text} as read. */
    public static int count(String text) {
        String n = folded(text);
        return n.codePointCount(0, n.length());
    }

    /**
     * The last {@code chars} characters of {@code text} as read (folded as {@link #count} counts): a
     * bound on what is read of a long text that holds after folding, which a cut before it would not.
     */
    public static String last(String text, int chars) {
        String n = folded(text);
        int total = n.codePointCount(0, n.length());
        return total <= chars ? n : n.substring(n.offsetByCodePoints(0, total - chars));
    }

    /** The first {@code chars} characters of {@code text} as read. */
    public static String first(String text, int chars) {
        String n = folded(text);
        return n.codePointCount(0, n.length()) <= chars ? n : n.substring(0, n.offsetByCodePoints(0, chars));
    }

    /**
     * {@code text} as read when it has at most {@code chars} characters; else its first and its last
     * {@code chars / 2}, a line apart: what is read of a long text for danger, which a person may tell
     * first ("he cut me with a knife", then how it came to that) or last.
     */
    public static String ends(String text, int chars) {
        String n = folded(text);
        int total = n.codePointCount(0, n.length());
        return total <= chars ? n
                : n.substring(0, n.offsetByCodePoints(0, chars / 2)) + "\n" + n.substring(n.offsetByCodePoints(0, total - (chars - chars / 2)));
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
