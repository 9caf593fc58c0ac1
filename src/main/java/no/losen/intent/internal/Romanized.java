package no.losen.intent.internal;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.Optional;

/**
 * Russian and Ukrainian as people type them in Latin letters, on a phone without a Cyrillic keyboard:
 * "ne hochu zhit", "ne xochu jit'", "kto-to lomaet dver". There is no one spelling (ж is zh, j or z; х is
 * kh, h or x; я is ya, ja or ia), so both sides are brought to one rough form: a word written in Cyrillic
 * is transliterated by ICU's BGN rules ("не хочу жить" → "ne khochu zhitʹ"), then it and the typed Latin
 * text are {@link #fold folded} alike ("ne hocu zit"). A list of hand-written Latin spellings of every
 * danger word would never be complete; measured on danger lines nobody here had seen, the Russian ones in
 * Latin letters were missed while their Cyrillic twins were found.
 */
public final class Romanized {

    /** The transliteration of each language written in Cyrillic that Losen serves. */
    private static final Map<String, String> RULES = Map.of("ru", "Russian-Latin/BGN", "uk", "Ukrainian-Latin/BGN");

    /** Longest first: "shch" before "sh", "kh" before a lone "h". */
    private static final String[][] SPELLINGS = {
        {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"kh", "h"}, {"x", "h"}, {"ch", "c"}, {"tz", "c"},
        {"ts", "c"}, {"yu", "u"}, {"ju", "u"}, {"iu", "u"}, {"ya", "a"}, {"ja", "a"}, {"ia", "a"}, {"ye", "e"},
        {"je", "e"}, {"yo", "o"}, {"jo", "o"}, {"y", "i"}, {"j", "i"}, {"w", "v"},
    };

    private Romanized() {
    }

    /** {@code cyrillic} in Latin letters, folded; empty when {@code lang} is not written in Cyrillic. */
    public static Optional<String> of(String cyrillic, String lang) {
        String id = RULES.get(lang);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(fold(Transliterator.getInstance(id).transliterate(cyrillic)));
    }

    /**
     * One rough form of Latin-letter Russian or Ukrainian: {@link Normalizer#fold}, the soft sign's
     * apostrophe dropped, each of the common spellings of a sound made one, doubled letters made single.
     */
    public static String fold(String latin) {
        String s = Normalizer.fold(latin.replace("ʹ", "").replace("'", "").replace("’", ""));
        for (String[] r : SPELLINGS) {
            s = s.replace(r[0], r[1]);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1) || !Character.isLetter(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
