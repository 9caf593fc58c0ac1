package no.losen.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * Direction checks for a right-to-left translation. The renderer isolates a fact's value that
 * has spaces (a phone number) itself, so what remains is literal left-to-right text a translator
 * typed: Latin words keep their order, but numbers with spaces or punctuation between them
 * ("22 33 11 60", "UDI 2014 12") are reordered by the bidi algorithm unless wrapped in
 * FSI (U+2068) … PDI (U+2069).
 *
 * <p>Errors (the import is refused): an isolate that is opened and not closed or closed and not
 * opened (it changes the rest of the message), and the old embedding and override controls
 * (U+202A–U+202E), which can turn text around unseen. Warnings: an unisolated mixed run, and a
 * target with no right-to-left letter at all (an English text pasted in by mistake?).
 */
final class Bidi {

    static final char FSI = '\u2068';
    static final char PDI = '\u2069';

    record Finding(boolean error, String message) {
    }

    private Bidi() {
    }

    /** {@code same} true: the text is kept as in the source (a name such as "ROSA"), so no RTL letter is expected. */
    static List<Finding> check(String text, boolean same) {
        List<Finding> out = new ArrayList<>();
        int depth = 0;
        boolean rtl = false;
        boolean letters = false;
        StringBuilder outside = new StringBuilder();
        String body = Note.PLACEHOLDER.matcher(text).replaceAll(" ");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '\u202A' && c <= '\u202E') {
                out.add(new Finding(true, String.format("embedding/override control U+%04X; use FSI (U+2068) … PDI (U+2069)", (int) c)));
            } else if (c == '\u2066' || c == '\u2067' || c == FSI) {
                depth++;
                outside.append(' ');
            } else if (c == PDI) {
                if (depth == 0) {
                    out.add(new Finding(true, "PDI (U+2069) closes an isolate that was never opened"));
                } else {
                    depth--;
                }
                outside.append(' ');
            } else {
                byte d = Character.getDirectionality(c);
                rtl |= d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
                letters |= Character.isLetter(c);
                outside.append(depth == 0 ? c : ' ');
            }
        }
        if (depth > 0) {
            out.add(new Finding(true, depth + " isolate(s) opened (FSI/LRI/RLI) and not closed with PDI (U+2069)"));
        }
        if (letters && !rtl && !same) {
            out.add(new Finding(false, "no right-to-left letter in the text: is it in the right language?"));
        }
        String run = mixedRun(outside.toString());
        if (run != null) {
            out.add(new Finding(false, "left-to-right run \"" + run + "\" is not isolated; wrap it as U+2068 … U+2069 "
                    + "so it keeps its order"));
        }
        return out;
    }

    /**
     * The first stretch outside isolates of two or more left-to-right words or numbers, at least one a
     * number, joined by spaces or punctuation: numbers take the paragraph's direction for the
     * neutrals between them (UAX #9, N1), so "22 33 11 60" would read "60 11 33 22". Latin words
     * alone keep their order, and "4.2" or "2014-031" are one number, so they are not reported.
     */
    private static String mixedRun(String s) {
        int start = -1;
        int lastStrong = -1;
        int tokens = 0;
        boolean numbers = false;
        boolean inToken = false;
        for (int i = 0; i <= s.length(); i++) {
            byte d = i == s.length() ? Character.DIRECTIONALITY_RIGHT_TO_LEFT : Character.getDirectionality(s.charAt(i));
            boolean ltr = d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
            boolean rtl = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || d == Character.DIRECTIONALITY_ARABIC_NUMBER || (i < s.length() && s.charAt(i) == '\n');
            if (ltr) {
                if (start < 0) {
                    start = i;
                }
                if (!inToken) {
                    tokens++;
                }
                numbers |= d == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
                inToken = true;
                lastStrong = i;
            } else {
                boolean joiner = !rtl && i + 1 < s.length() && ".,:/-+".indexOf(s.charAt(i)) >= 0
                        && Character.isDigit(s.charAt(i + 1)) && i > 0 && Character.isDigit(s.charAt(i - 1));
                if (joiner) {
                    continue;
                }
                inToken = false;
                if (rtl) {
                    if (tokens >= 2 && numbers) {
                        return s.substring(start, lastStrong + 1);
                    }
                    start = -1;
                    tokens = 0;
                    numbers = false;
                }
            }
        }
        return null;
    }
}
