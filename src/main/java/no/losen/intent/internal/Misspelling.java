package no.losen.intent.internal;

import java.util.Random;

/**
 * An example as it might be typed in a hurry on a phone: in some of its longer words one letter is
 * dropped, two neighbours are swapped or one is doubled ("pasport", "lnøn", "leege"). Training on such
 * a copy beside each example teaches the model the character grams of misspellings nobody wrote down,
 * and spreads the weight of a word over more of its grams, so one wrong letter costs a message less.
 *
 * <p>The positions are drawn from the text itself: the same example always gives the same copy, so a
 * model trained twice from the same examples is the same model (the intent cache relies on it).
 */
public final class Misspelling {

    /** The share of words of {@link #MIN_LENGTH} letters or more that get one slip. */
    static final double RATE = 0.4;
    /** Shorter words are left alone: a slip in "nav" or "lege" makes another word, not a misspelling. */
    static final int MIN_LENGTH = 4;

    private Misspelling() {
    }

    /** The text with slips in some of its words (possibly none: then the text itself). */
    public static String of(String text) {
        Random r = new Random(text.hashCode());
        String[] words = text.split(" ");
        StringBuilder b = new StringBuilder(text.length() + 4);
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            if (w.length() >= MIN_LENGTH && r.nextDouble() < RATE) {
                int i = 1 + r.nextInt(w.length() - 2);
                w = switch (r.nextInt(3)) {
                    case 0 -> w.substring(0, i) + w.substring(i + 1);
                    case 1 -> w.substring(0, i - 1) + w.charAt(i) + w.charAt(i - 1) + w.substring(i + 1);
                    default -> w.substring(0, i) + w.charAt(i) + w.substring(i);
                };
            }
            b.append(w);
        }
        return b.toString();
    }
}
