package no.losen.search.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code term^weight} text a translated {@link dev.langchain4j.rag.query.Query} carries
 * between the query transformer and the retriever (langchain4j queries are plain text). Only
 * {@link #format} writes it; what a person typed becomes terms through {@link #typed}, which gives
 * every word weight 1 — a {@code ^} typed by a user is no weight (else {@code asyl^1000} would be).
 */
public final class WeightedTerms {

    private WeightedTerms() {}

    public static String format(Map<String, Float> terms) {
        Map<String, Float> words = new LinkedHashMap<>(); // "uten lovlig opphold" weighs each word
        terms.forEach((t, w) -> {
            for (String word : t.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.merge(word, w, Math::max);
                }
            }
        });
        return words.entrySet().stream()
                .map(e -> e.getKey().replace("^", "") + "^" + String.format(Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** What a person typed, as terms of weight 1: its words, with any {@code ^} dropped. */
    public static Map<String, Float> typed(String text) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (String word : text.replace("^", " ").trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.put(word, 1f);
            }
        }
        return out;
    }

    /** Parses {@code term^weight} pairs written by {@link #format}; words without a weight count 1. */
    public static Map<String, Float> parse(String text) {
        Map<String, Float> out = new LinkedHashMap<>();
        for (String item : text.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            int hat = item.lastIndexOf('^');
            float w = 1f;
            String term = item;
            if (hat > 0) {
                try {
                    w = Float.parseFloat(item.substring(hat + 1));
                    term = item.substring(0, hat);
                } catch (NumberFormatException e) {
                    term = item;
                }
            }
            out.merge(term, w, Math::max);
        }
        return out;
    }
}
