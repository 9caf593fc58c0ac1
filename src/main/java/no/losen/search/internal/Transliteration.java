package no.losen.search.internal;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * Latin spelling of a word in another script (ICU4J's {@code Any-Latin; Latin-ASCII}), for loanwords
 * and names the handbook also uses: "паспорт" → "pasport", "ناو" → "naw", "ቪዛ" → "viza". Only
 * spellings the index knows are kept (the caller filters), so a wrong guess costs nothing.
 * ICU transliterators are not thread-safe for all transforms; one per call site under a lock is
 * cheap at the lengths of a question.
 */
public final class Transliteration {

    private final Transliterator toLatin;

    public Transliteration() {
        this.toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    }

    public synchronized String latin(String word) {
        return toLatin.transliterate(word).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }

    /** Whether the word is written in Latin letters already. */
    public static boolean isLatin(String word) {
        return word.codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }
}
