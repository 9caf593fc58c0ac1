package no.losen.intent.internal;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Languages of another script as people type them in Latin letters, on a phone without the keyboard:
 * "ne hochu zhit", "bdi mot", "sa3idouni", "komak konid", "kimut delye". There is no one spelling, so both
 * sides are brought to one rough form: a word written in its own script is transliterated by ICU, then it
 * and the typed Latin text are {@link #fold folded} alike. A list of hand-written Latin spellings of every
 * danger word would never be complete; measured on danger lines nobody here had seen, and by an
 * independent tester, lines in Latin letters were missed while their twins in the script were found.
 *
 * <ul>
 *   <li>Russian and Ukrainian (BGN rules, "не хочу жить" → "ne khochu zhitʹ"): the common spellings of a
 *       sound made one (kh/h/x, zh/z, ya/ja/ia, ye/ie, y/i) → "ne hocu zit".</li>
 *   <li>Arabic and Persian (ICU's Arabic-Latin, which writes the letters, not the vowels: "بدي موت" →
 *       "bdy mwt"): consonants only, since Arabizi writes the vowels the script leaves out and leaves out
 *       the long ones it writes ("bdi mot"); its digits read as the letters they stand for (3 ʿayn, 7 ḥa,
 *       5 kha; 2 and q, hamza and qaf, dropped) → "bd mt".</li>
 *   <li>Amharic and Tigrinya (SERA, the scheme Ethiopic keyboards and chats follow: "ክሞት ደልየ" → "kmot
 *       delye"): consonants only, since the sixth-order vowel is written or not at will ("kimut", "kmot")
 *       → "kmt dly".</li>
 * </ul>
 * A consonant form is coarse: it is used for danger words only, in sessions of the word's own language,
 * where a false alarm costs a look at the emergency numbers.
 */
public final class Romanized {

    private enum Form { CYRILLIC, ABJAD, ETHIOPIC }

    private record Rule(String transliterator, Form form) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "ru", new Rule("Russian-Latin/BGN", Form.CYRILLIC), "uk", new Rule("Ukrainian-Latin/BGN", Form.CYRILLIC),
            "ar", new Rule("Arabic-Latin", Form.ABJAD), "fa", new Rule("Any-Latin", Form.ABJAD),
            "am", new Rule("Ethiopic-Latin/SERA", Form.ETHIOPIC), "ti", new Rule("Ethiopic-Latin/SERA", Form.ETHIOPIC));

    /** Longest first: "shch" before "sh", "kh" before a lone "h". */
    private static final String[][] CYRILLIC_SPELLINGS = {
        {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"kh", "h"}, {"x", "h"}, {"ch", "c"}, {"tz", "c"},
        {"ts", "c"}, {"yu", "u"}, {"ju", "u"}, {"iu", "u"}, {"ya", "a"}, {"ja", "a"}, {"ia", "a"}, {"ye", "e"}, {"ie", "e"},
        {"je", "e"}, {"yo", "o"}, {"jo", "o"}, {"y", "i"}, {"j", "i"}, {"w", "v"},
    };

    /**
     * Arabizi's digits and the letter pairs both sides write for one sound, before the vowels go. Qaf is
     * dropped like hamza: most dialects say it as a glottal stop and type it 2 ("a2tel", "il7a2ouni").
     */
    private static final String[][] ABJAD_SPELLINGS = {
        {"ʿ", "3"}, {"ʾ", ""}, {"2", ""}, {"7", "h"}, {"5", "h"}, {"kh", "h"}, {"sh", "s"}, {"ch", "s"}, {"gh", "g"},
        {"th", "t"}, {"dh", "d"}, {"q", ""}, {"ou", "u"},
    };

    /**
     * SERA's ñ (ኝ) is typed gn or ny, its x (ሽ) sh (it was read as its c, ቸ, until 2026-12-06, and "egedilishalehu",
     * I will kill you, was not found); its capitals (ejectives, glottal vowels) are typed as the plain letter.
     */
    private static final String[][] ETHIOPIC_SPELLINGS = {
        {"gn", "n"}, {"ny", "n"}, {"q", "k"}, {"x", "s"}, {"ch", "c"}, {"sh", "s"}, {"ts", "s"}, {"'", ""},
    };

    private Romanized() {
    }

    /**
     * What writes words of {@code lang} (in its own script) in Latin letters, folded; empty when
     * {@code lang} has no rule. One ICU transliterator each: building one costs a quarter of a
     * millisecond, and a danger list has hundreds of words. Not for several threads at once (ICU's
     * transliterators are not all safe to share).
     */
    public static Optional<UnaryOperator<String>> in(String lang) {
        Rule r = RULES.get(lang);
        if (r == null) {
            return Optional.empty();
        }
        Transliterator t = Transliterator.getInstance(r.transliterator());
        return Optional.of(written -> fold(t.transliterate(written), lang));
    }

    /**
     * The name of the rough form {@link #fold} brings {@code lang}'s Latin-letter text to ("CYRILLIC" for
     * ru and uk): languages of one form fold a text alike. Empty when {@code lang} has no rule.
     */
    public static Optional<String> form(String lang) {
        return Optional.ofNullable(RULES.get(lang)).map(r -> r.form().name());
    }

    /** Whether {@code lang} is written in a script this class writes in Latin letters. */
    public static boolean has(String lang) {
        return RULES.containsKey(lang);
    }

    /** Latin-letter text of a session in {@code lang} ({@link #has} a rule) in the rough form {@link #in} writes its words in. */
    public static String fold(String latin, String lang) {
        Rule r = RULES.get(lang);
        if (r == null) {
            throw new IllegalArgumentException("no Latin-letter form for " + lang);
        }
        Form form = r.form();
        String s = latin.replace("ʹ", "").replace("’", "").replace("ʼ", "");
        if (form == Form.ABJAD) {
            s = s.replace("'", "");   // before the fold, which would split "ma'a" at it
        }
        s = Normalizer.fold(form == Form.CYRILLIC ? s.replace("'", "") : s);
        // doubled letters made single before the vowels go: a consonant repeated across a vowel stays two
        // ("dihnuni", save me, is "dhnn"; the greeting "dehan" is "dhn" and read as that cry while it was one)
        return switch (form) {
            case CYRILLIC -> single(replace(s, CYRILLIC_SPELLINGS));
            case ABJAD -> consonants(single(replace(s, ABJAD_SPELLINGS)), "aeiouwy");
            case ETHIOPIC -> consonants(single(replace(s, ETHIOPIC_SPELLINGS)), "aeiou");
        };
    }

    private static String replace(String s, String[][] spellings) {
        for (String[] r : spellings) {
            s = s.replace(r[0], r[1]);
        }
        return s;
    }

    /** Drops {@code vowels} from Latin words (a word of vowels only keeps its first letter). */
    private static String consonants(String s, String vowels) {
        StringBuilder b = new StringBuilder(s.length());
        for (String word : s.split(" ")) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (vowels.indexOf(c) < 0 || c > 'z') {
                    w.append(c);
                }
            }
            if (w.length() == 0 && !word.isEmpty()) {
                w.append(word.charAt(0));
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(w);
        }
        return b.toString();
    }

    /** Doubled letters made single ("baddi", "sa3dooni"). */
    private static String single(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1) || !Character.isLetter(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
