package no.losen.intent.internal;

/**
 * The consonant skeleton of a word typed in Latin letters, so that the many ways a language without
 * a Latin spelling of its own is romanized meet in one form. Arabic written in Latin letters
 * (Arabizi) spells its sounds with digits ("3ndi", "7abibi", "hala2", "5alas") or leaves them out
 * ("andi", "habibi", "halla", "khalas"); Tigrinya, Amharic and Somali typed in Latin letters, and
 * Persian in "Finglish", write the same word with different vowels and doubled letters ("ydrbni",
 * "yedrabni", "yidribni"; "ykasser", "ikaser"). Their skeletons agree: "drbn", "ksr", "nd".
 *
 * <p>Digits inside a word are read as the Arabic letters they stand for (3 ع and 2 ء as nothing,
 * 7 ح as h, 5 خ as k (kh, whose h is dropped), 9 ق as q, 6 ط as t, 8 غ as gh); then a digraph's h is dropped (kh, sh, gh, th,
 * dh, ch), q and c read as k, x as h (Somali x is Arabic ح), vowels and y, w dropped, doubled letters
 * made one. The skeleton is an extra feature beside the word's own grams, never instead of them.
 */
public final class Skeleton {

    private Skeleton() {
    }

    /** The skeleton of a folded word, or null when the word is not Latin letters (with digits) or too short. */
    public static String of(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        if (!letter || word.length() < 3) {
            return null;
        }
        StringBuilder b = new StringBuilder(word.length());
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char out = switch (c) {
                case '7', 'x' -> 'h';
                case '5' -> 'k';
                case '9', 'q', 'c' -> 'k';
                case '6' -> 't';
                case '8' -> 'g';
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w', '3', '2', '0', '1', '4' -> 0;
                default -> c;
            };
            if (out == 'h' && c == 'h' && last != 0 && "kstgdcz".indexOf(last) >= 0) {
                continue; // kh, sh, th, gh, dh, ch, zh: the h only marks the sound
            }
            if (out == 0) {
                continue;
            }
            if (out != last) {
                b.append(out);
            }
            last = out;
        }
        return b.length() >= 2 ? b.toString() : null;
    }
}
