package no.losen.search.internal;

import java.util.List;
import java.util.Set;

/**
 * Guesses a query's language when the caller gives none. Queries are short, so statistics are
 * weak; function words and script are strong: "hva/hvor/jeg/ikke" or æøå say Norwegian,
 * "what/the/is" say English, and Arabic, Cyrillic or Ethiopic script say the rest.
 */
public final class LanguageDetector {

    private static final Set<String> NORWEGIAN = Set.copyOf(java.util.Arrays.asList(
            "og", "i", "jeg", "det", "at", "en", "et", "den", "til", "er", "som", "på", "de", "med", "han", "av",
            "ikke", "der", "så", "var", "meg", "seg", "men", "ett", "har", "om", "vi", "min", "mitt", "ha", "hadde",
            "hun", "nå", "over", "da", "ved", "fra", "du", "ut", "sin", "dem", "oss", "opp", "man", "kan", "hans",
            "hvor", "eller", "hva", "skal", "selv", "sjøl", "her", "alle", "vil", "bli", "ble", "blitt", "kunne",
            "inn", "når", "være", "kom", "noen", "noe", "ville", "dere", "hvem", "hvordan", "hvorfor", "hvilke",
            "må", "få", "får", "etter", "uten", "hos", "mitt", "mye", "bare", "også"));

    private LanguageDetector() {}

    /** A BCP-47 primary tag: "nb", "en", or a script-based guess ("ar", "ru", "uk", "am"). */
    public static String detect(String text) {
        for (char c : text.toCharArray()) {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            switch (s) {
                case ARABIC: return text.matches(".*[پچژگی].*") ? "fa" : "ar";
                case CYRILLIC: return text.matches(".*[іїєґІЇЄҐ].*") ? "uk" : "ru";
                case ETHIOPIC: return "am";
                default: break;
            }
        }
        List<String> words = EnglishWords.tokens(text);
        int nb = 0;
        int en = 0;
        for (String w : words) {
            if (NORWEGIAN.contains(w)) {
                nb++;
            }
            if (EnglishWords.STOP.contains(w)) {
                en++;
            }
        }
        if (text.chars().anyMatch(c -> "æøåÆØÅ".indexOf(c) >= 0)) {
            nb += 2;
        }
        return en > nb ? "en" : "nb";
    }
}
