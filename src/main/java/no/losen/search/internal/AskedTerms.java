package no.losen.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The terms by which a question in a language other than Norwegian meets the questions passages
 * answer in that language ({@link PassageQuestions}): the same reduction on both sides, so a question
 * typed as people type still meets one written with care. Each word gives a set of keys — its forms
 * from {@link LanguageForms} (Polish and Ukrainian lemmas, the light stemmers of French, Russian,
 * Romanian, Arabic and Persian, lower case for Somali, Tigrinya and Amharic) and each of those without
 * diacritics ("moze" for "może", "sanatate" for "sănătate": phones often type none); English words are
 * Lucene's English analysis (stop words out, Porter stems). Function words are left out.
 */
final class AskedTerms {

    /** Languages that may have a field of their own. Norwegian questions are in the Norwegian chain's field. */
    static final List<String> LANGUAGES = List.of("en", "ar", "fa", "fr", "pl", "ro", "ru", "so", "ti", "am", "uk");

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Map<String, LanguageForms> FORMS = new ConcurrentHashMap<>();

    private AskedTerms() {
    }

    /** The field that holds a language's questions. */
    static String field(String lang) {
        return "asked_" + lang;
    }

    static boolean has(String lang) {
        return LANGUAGES.contains(lang);
    }

    /** Each word's keys, in order. */
    static List<Set<String>> words(String lang, String text) {
        List<Set<String>> out = new ArrayList<>();
        if ("en".equals(lang)) {
            NorwegianAnalysis.tokens(ENGLISH, text).forEach(t -> out.add(Set.of(t.term())));
            return out;
        }
        LanguageForms forms = FORMS.computeIfAbsent(lang, LanguageForms::of);
        for (LanguageForms.Word w : forms.words(text)) {
            if (forms.isStopWordTypedBare(w.surface())) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>(w.keys());
            w.keys().forEach(k -> keys.add(LanguageForms.bare(k)));
            out.add(keys);
        }
        return out;
    }

    /** The text indexed for a passage's questions in {@code lang}: every key of every word, space-separated. */
    static String indexed(String lang, List<String> questions) {
        StringBuilder b = new StringBuilder();
        for (String q : questions) {
            for (Set<String> keys : words(lang, q)) {
                keys.forEach(k -> b.append(k).append(' '));
            }
            b.append('\n');
        }
        return b.toString();
    }

}
