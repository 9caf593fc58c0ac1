package no.losen.intent.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a message to the letters that carry its meaning, the way people type on whatever phone they
 * have: lower case, no diacritics ("lonn" = "lønn", "ecole" = "école"), one form for letters that
 * keyboards mix up (Arabic and Persian yeh and kaf, alef with or without hamza, Eastern Arabic
 * digits), no punctuation; "aa" and "oe", how Norwegian å and ø are typed without them, read as a and o.
 * Digits stay: Arabizi writes letters with them ("3ayez", "7abibi"). The Persian verb prefix
 * {@code می} / {@code نمی} is joined to its verb however it was typed ("می کشد", "می‌کشد" with a
 * zero-width non-joiner, "میکشد"): formal writing and phones separate it, colloquial typing does not.
 */
public final class Normalizer {

    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\u0640]+");
    /**
     * Invisible characters that never part two words: zero-width space, word joiner, BOM, soft hyphen.
     * Read as spaces they cut a word into letters, and one between every letter hid "he is hitting me"
     * from the danger words (an independent tester). The zero-width non-joiner stays: Persian writes it
     * inside words and between a verb and its prefix, which {@link #fold} joins.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PERSIAN_PREFIX = Pattern.compile("(?<=^|\\s)(ن?می) (?=\\p{L})");

    private Normalizer() {
    }

    public static String fold(String text) {
        String n = java.text.Normalizer.normalize(INVISIBLE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT),
                java.text.Normalizer.Form.NFKD);
        n = MARKS.matcher(n).replaceAll("");
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case 'ø' -> b.append('o');
                case 'æ' -> b.append("ae");
                case 'ł' -> b.append('l');
                case 'ß' -> b.append("ss");
                case 'đ' -> b.append('d');
                case 'ı' -> b.append('i');
                case 'ي', 'ى', 'ئ' -> b.append('ی');
                case 'ك' -> b.append('ک');
                case 'ة' -> b.append('ه');
                case 'ؤ' -> b.append('و');
                case 'ٱ' -> b.append('ا');
                default -> {
                    if (c >= '٠' && c <= '٩') {
                        b.append((char) ('0' + c - '٠'));
                    } else if (c >= '۰' && c <= '۹') {
                        b.append((char) ('0' + c - '۰'));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        String words = NON_WORD.matcher(b.toString().replace("aa", "a").replace("oe", "o")).replaceAll(" ").strip();
        return PERSIAN_PREFIX.matcher(words).replaceAll("$1");
    }
}
