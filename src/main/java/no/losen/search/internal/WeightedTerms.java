package no.losen.search.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weighted search terms (term → weight), as the translators give them and BM25 reads them. What a
 * person typed becomes terms through {@link #typed}, every word of weight 1: the terms travel as a
 * map, so nothing a user types can set a weight.
 */
public final class WeightedTerms {

    private WeightedTerms() {}

    /** Each word of each term with the term's weight, the highest where a word is in several ("uten lovlig opphold" weighs each word). */
    public static Map<String, Float> words(Map<String, Float> terms) {
        Map<String, Float> words = new LinkedHashMap<>();
        terms.forEach((t, w) -> {
            for (String word : t.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.merge(word, w, Math::max);
                }
            }
        });
        return words;
    }

    /** What a person typed, as terms of weight 1: its words, a {@code ^} read as a space. */
    public static Map<String, Float> typed(String text) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (String word : text.replace("^", " ").trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.put(word, 1f);
            }
        }
        return out;
    }
}
