package no.losen.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a longer message that the danger model also reads on their own. Danger told as a
 * story ("came from Bulgaria to work, the boss keeps my passport, … tonight he hit me and I am
 * locked in") is a few words of danger among many of something else: read as one message, its
 * features are scaled to unit length with all the others, and the danger words weigh little. Read
 * clause by clause, and in windows of a few words, the part that is about danger now scores as a
 * short danger message does. The message's danger probability is the highest of the whole and its
 * parts; the topic model still reads the whole.
 */
final class Parts {

    /** Messages of at most this many words are read only whole. */
    static final int LONG = 8;
    /** Words in a window, and the step between windows. */
    static final int WINDOW = 6;
    static final int STEP = 3;
    /** A clause needs this many words to be read alone (fewer say too little: "ok", "and then"). */
    static final int CLAUSE = 3;
    /**
     * A part counts only at this danger probability: read alone at the whole message's low bar, the
     * parts sent 13 % of topic examples to emergency help in cross-validation (8 % without them).
     */
    static final double BAR = 0.5;

    /** Clause ends in the twelve languages' scripts: Latin, Arabic (، ؛ ؟) and Ethiopic (። ፣ ፤ ፡ ፧). */
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;:,\\n\\u060C\\u061B\\u061F\\u1361-\\u1367]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Parts() {
    }

    static List<String> of(String text) {
        String[] words = SPACE.split(text.strip());
        List<String> out = new ArrayList<>();
        if (words.length <= LONG) {
            return out;
        }
        String[] clauses = CLAUSE_END.split(text);
        if (clauses.length > 1) {
            for (String c : clauses) {
                if (SPACE.split(c.strip()).length >= CLAUSE) {
                    out.add(c.strip());
                }
            }
        }
        // Windows of WINDOW words, STEP apart, the last one ending at the last word.
        for (int i = 0; i < words.length; i += STEP) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + WINDOW))));
            if (i + WINDOW >= words.length) {
                break;
            }
        }
        return out;
    }
}
