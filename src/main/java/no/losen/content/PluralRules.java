package no.losen.content;

import java.util.regex.Pattern;

/**
 * Which plural form a whole number takes in a language: the CLDR categories (zero, one, two,
 * few, many, other) for the languages Losen ships, integers only (counts of things). A language
 * not listed here uses "one" for 1 and "other" for the rest, and any form a text lacks falls back
 * to {@code other}, so a missing rule costs grammar, never a broken text.
 *
 * <p>Written out rather than taken from ICU4J: these few lines are the whole of what a count of
 * ticked items or days needs, where ICU4J would add 14 MB to the jar. The rules are CLDR's
 * (unicode.org/cldr/charts, "Language Plural Rules") restricted to integers.
 */
public final class PluralRules {

    /** ICU MessageFormat's plural, which CAT tools know: {@code {n, plural, one {# tegn} other {# tegn}}}. */
    public static final Pattern BLOCK = Pattern.compile(
            "\\{([A-Za-z0-9_-]+),\\s*plural,((?:\\s*[a-z]+\\s*\\{[^{}]*})+)\\s*}");
    /** One form inside a block: its category and its words. */
    public static final Pattern FORM = Pattern.compile("([a-z]+)\\s*\\{([^{}]*)}");

    private PluralRules() {
    }

    public static String category(String lang, long n) {
        long mod10 = n % 10;
        long mod100 = n % 100;
        switch (lang) {
            case "ar":
                if (n == 0) {
                    return "zero";
                }
                if (n == 1) {
                    return "one";
                }
                if (n == 2) {
                    return "two";
                }
                if (mod100 >= 3 && mod100 <= 10) {
                    return "few";
                }
                return mod100 >= 11 ? "many" : "other";
            case "ru":
            case "uk":
                if (mod10 == 1 && mod100 != 11) {
                    return "one";
                }
                return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
            case "pl":
                if (n == 1) {
                    return "one";
                }
                return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
            case "ro":
                if (n == 1) {
                    return "one";
                }
                return n == 0 || mod100 >= 1 && mod100 <= 19 ? "few" : "other";
            case "fr":
                if (n == 0 || n == 1) {
                    return "one";
                }
                return n % 1_000_000 == 0 ? "many" : "other";
            case "fa":
            case "am":
            case "ti":
                return n == 0 || n == 1 ? "one" : "other";
            default:
                return n == 1 ? "one" : "other";
        }
    }
}
