package no.losen.intent.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads digits and signs typed for letters ("h3 w1ll k1ll m3", "h3lp", "k!ll") as the letters they
 * stand for. People hide words this way from filters, and an independent tester hid danger from the
 * danger words with it. Only a word that begins with a letter and has a digit or sign in it is read
 * so: numbers ("112", "16"), amounts and ages ("500kr", "16år") stay as typed.
 *
 * <p>The result is a second reading for the danger check only, never the text the topics are chosen
 * from: in Arabizi and in Latin-letter Tigrinya or Persian the digits are letters of their own
 * ("3ayez", "te3atsiu"), and in product names they are just digits ("mp3", "covid19"). A second
 * reading can only add an alarm, and a false alarm costs a look at the emergency numbers.
 */
public final class Leetspeak {

    /** A word that begins with a letter and holds a digit, or a sign between letters. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\d@$!|]*");

    private Leetspeak() {
    }

    /** {@code text} with such words spelt in letters; the same string when it has none. */
    public static String letters(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String w = trimSigns(m.group());
            if (w.chars().allMatch(Character::isLetter)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(spell(w)).append(text, m.start() + w.length(), m.end());
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** Signs at the end are punctuation ("help!!", "kill$"), not letters. */
    private static String trimSigns(String w) {
        int end = w.length();
        while (end > 0 && "@$!|".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return w.substring(0, end);
    }

    private static String spell(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(switch (c) {
                case '0' -> 'o';
                case '1', '!', '|' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> c;
            });
        }
        return b.toString();
    }
}
