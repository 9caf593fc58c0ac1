package no.losen.search.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises headings in extracted text, which has lost all font information. What is left:
 * headings are short, have no closing punctuation, do not end in a word that needs a
 * continuation ("og", "som", "for"), and are followed by a capitalised line. Numbered headings
 * ("5.6 Behov for et strukturert samarbeid") carry their level; unnumbered ones get it from
 * the indentation the extraction kept for chapter titles.
 */
final class Headings {

    /** A recognised heading: its text and nesting level (1 = chapter). */
    record Heading(String title, int level, Integer chapterNumber) {}

    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2}(?:\\.\\d{1,2})+)\\.?\\s+(\\p{Lu}.*)");
    private static final Pattern NUMERIC = Pattern.compile("[\\d%,.–-]*\\d[\\d%,.–-]*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern SINGLE = Pattern.compile("(\\d{1,2})\\.?\\s+(\\p{Lu}.*)");
    private static final Set<String> CONTINUATION = Set.of(
            "og", "i", "på", "som", "til", "for", "av", "med", "å", "at", "er", "en", "et", "ei", "det", "de",
            "om", "fra", "eller", "ved", "der", "har", "kan", "skal", "vil", "må", "den", "seg", "sin", "sine",
            "hos", "mot", "etter", "under", "over", "uten", "blir", "ble", "var", "ikke", "så", "men", "også",
            "the", "of", "and", "to", "in", "a", "with");

    private Headings() {}

    /** Whether the line ends in a word that needs a continuation ("Barn uten lovlig opphold i"). */
    static boolean endsWithContinuation(String t) {
        String[] words = t.split("\\s+");
        return CONTINUATION.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
    }

    /** The chapter number of a dotted section title ("6.5 Erfaringer" → 6), or null. */
    static Integer chapterOf(String title) {
        Matcher m = DOTTED.matcher(title);
        return m.matches() ? Integer.valueOf(m.group(1).substring(0, m.group(1).indexOf('.'))) : null;
    }

    /** Whether the line can be a heading by its own shape; context (next line) is checked by the caller. */
    static boolean looksLikeHeading(String t) {
        if (t.length() < 3 || t.length() > 90 || t.startsWith("Kilde") || t.contains("http") || t.contains("@") || t.contains(". ")) {
            return false;
        }
        char first = t.charAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '«')) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (".,;:-–—/(§".indexOf(last) >= 0) {
            return false;
        }
        String[] words = t.split("\\s+");
        if (words.length > 12 || CONTINUATION.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        int capitalised = 0;
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (NUMERIC.matcher(w).matches() && !YEAR.matcher(w).matches()) {
                return false; // a table row: "Legevakt og akuttmottak 86 18 % 29 34 %"
            }
            if (w.length() > 1 && Character.isUpperCase(w.charAt(0)) && Character.isLowerCase(w.charAt(1))) {
                capitalised++;
            }
        }
        // "Oslo Bergen Stavanger Trondheim" or "Risikofaktorer Beskyttelsesfaktorer": a table row
        return capitalised <= 1 && t.chars().filter(Character::isLetter).count() >= 3;
    }

    /**
     * Classifies a heading line. {@code indented}: the extraction kept a leading space, which it
     * does for chapter titles. {@code lastChapter}: the last accepted chapter number, so that a
     * footnote line such as "40 Barnetrygdloven" is not taken for chapter 40.
     */
    static Heading classify(String t, boolean indented, boolean numberedDocument, Integer lastChapter) {
        Matcher dotted = DOTTED.matcher(t);
        if (dotted.matches()) {
            int level = dotted.group(1).split("\\.").length;
            return new Heading(t, level, null);
        }
        Matcher single = SINGLE.matcher(t);
        if (single.matches()) {
            int number = Integer.parseInt(single.group(1));
            int previous = lastChapter == null ? 0 : lastChapter;
            if (indented && number <= 30 || number > previous && number <= previous + 2) {
                return new Heading(t, 1, number);
            }
            return null;
        }
        if (Character.isDigit(t.charAt(0))) {
            return null;
        }
        int level = numberedDocument ? 9 : indented ? 1 : 2;
        return new Heading(t, level, null);
    }
}
