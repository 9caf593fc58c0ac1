package no.losen.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Cuts a passage into sentences (the same boundaries {@link PassageSplitter} cuts at: sentence
 * punctuation before a capital or digit, and line ends). A fragment shorter than
 * {@value #MIN_CHARS} characters (a list bullet's lead-in, "Tabell 3:") joins the next sentence,
 * so a sentence carries enough words to be scored on its own.
 */
public final class Sentences {

    /** One sentence: {@code [start, end)} in the passage text. */
    public record Span(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    static final int MIN_CHARS = 40;

    private Sentences() {}

    public static List<Span> split(String text) {
        List<Span> raw = new ArrayList<>();
        Matcher m = PassageSplitter.SENTENCE_END.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                raw.add(new Span(from, m.start()));
            }
            from = m.end();
        }
        if (from < text.length()) {
            raw.add(new Span(from, text.length()));
        }
        List<Span> out = new ArrayList<>();
        int start = -1;
        for (Span s : raw) {
            if (text.substring(s.start(), s.end()).isBlank()) {
                continue;
            }
            int st = start >= 0 ? start : s.start();
            if (s.end() - st < MIN_CHARS) {
                start = st; // too short alone: carry into the next
                continue;
            }
            out.add(new Span(st, s.end()));
            start = -1;
        }
        if (start >= 0) {
            if (out.isEmpty()) {
                out.add(new Span(start, text.length()));
            } else {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), text.length()));
            }
        }
        return out;
    }
}
