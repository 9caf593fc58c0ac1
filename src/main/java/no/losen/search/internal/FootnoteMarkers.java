package no.losen.search.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes footnote reference numbers that the extraction glued to the preceding word
 * ("tolkeloven5", "kulturer.1", "retur20"): left in, they make unsearchable tokens and
 * noise in the quoted passage. A number after an abbreviation ("kap.12") is a real
 * reference and is only separated.
 */
final class FootnoteMarkers {

    private static final Pattern GLUED = Pattern.compile("(?<=(\\p{Ll}{3}))([.,;:»”)]?)(\\d{1,3})(?=[\\s.,;:)]|$)");
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}.]+)$");
    private static final Set<String> ABBREVIATIONS = Set.of("kap", "nr", "pkt", "jf", "jfr", "s", "side", "tab", "fig");

    private FootnoteMarkers() {}

    /** Appends {@code line} (source offset {@code start}) to {@code out} without footnote markers. */
    static void appendClean(String line, int start, MappedText out) {
        Matcher m = GLUED.matcher(line);
        int from = 0;
        while (m.find()) {
            String punct = m.group(2);
            Matcher w = WORD_BEFORE.matcher(line.substring(0, m.start()));
            String word = w.find() ? w.group(1).toLowerCase(Locale.ROOT) : "";
            String bare = word.substring(word.lastIndexOf('.') + 1);
            out.append(line.substring(from, m.start()), start + from);
            out.append(punct, start + m.start(2));
            if (".".equals(punct) && ABBREVIATIONS.contains(bare)) {
                out.insert(' ', start + m.start(3));
                out.append(m.group(3), start + m.start(3));
            }
            from = m.end();
        }
        out.append(line.substring(from), start + from);
    }

    /** Convenience for tests and for text without offsets. */
    static String strip(String line) {
        MappedText t = new MappedText();
        appendClean(line, 0, t);
        return t.toString();
    }
}
