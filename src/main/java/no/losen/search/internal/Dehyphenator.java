package no.losen.search.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a hyphen at the end of a line was. The PDF extraction leaves both typesetting
 * breaks ("kompetansesen-" / "trene") and real hyphens ("EØS-" / "borgere", "helse- og
 * omsorgstjenester") at line ends; joining all of them corrupts names and suspended compounds,
 * keeping all of them splits a tenth of the long words. The corpus itself is the arbiter: a
 * word that occurs unbroken elsewhere is joined, one that occurs hyphenated keeps its hyphen.
 */
final class Dehyphenator {

    enum Join { DROP_HYPHEN, KEEP_HYPHEN, KEEP_HYPHEN_AND_SPACE }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*");
    /** Words that follow a suspended compound: "helse- og", "asyl- eller". */
    private static final Set<String> SUSPENSION = Set.of("og", "eller", "samt", "and", "or");

    private final Set<String> vocabulary;

    private Dehyphenator(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Builds the vocabulary from every source text, so a word broken in one file is checked against all. */
    static Dehyphenator fromTexts(Iterable<String> texts) {
        Set<String> vocab = new HashSet<>();
        for (String text : texts) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                // a word right before a line-end hyphen is a fragment, not vocabulary
                int end = m.end();
                if (end < text.length() && text.charAt(end) == '-') {
                    continue;
                }
                vocab.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return new Dehyphenator(vocab);
    }

    /**
     * @param left  the word fragment before the line-end hyphen (without the hyphen)
     * @param right the first word of the next line
     */
    Join decide(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Join.KEEP_HYPHEN_AND_SPACE;
        }
        String rightLower = right.toLowerCase(Locale.ROOT);
        String leftLower = left.toLowerCase(Locale.ROOT);
        String tail = leftLower.substring(leftLower.lastIndexOf('-') + 1);
        if (vocabulary.contains(tail + rightLower) && !SUSPENSION.contains(rightLower)) {
            return Join.DROP_HYPHEN; // "der-" + "som": "dersom" occurs unbroken
        }
        if (SUSPENSION.contains(rightLower)) {
            return Join.KEEP_HYPHEN_AND_SPACE;
        }
        char last = left.charAt(left.length() - 1);
        if (Character.isUpperCase(last) || Character.isDigit(last) || Character.isUpperCase(right.charAt(0))
                || Character.isDigit(right.charAt(0))) {
            return Join.KEEP_HYPHEN; // "EØS-borgere", "Nord-Norge", "2021-tallene"
        }
        String rightWord = rightLower.replaceAll("[^\\p{L}\\d-].*$", "");
        String joined = tail + rightWord;
        if (vocabulary.contains(joined) || vocabulary.contains(leftLower + rightWord)) {
            return Join.DROP_HYPHEN;
        }
        if (vocabulary.contains(tail + "-" + rightWord)) {
            return Join.KEEP_HYPHEN;
        }
        return Join.DROP_HYPHEN; // typesetting breaks far outnumber real hyphens at line ends
    }
}
