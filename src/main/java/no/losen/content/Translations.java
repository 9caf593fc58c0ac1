package no.losen.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every text in every language, with the fallback chain that decides what a user sees when
 * their language lacks a key. A raw key never reaches a user: the last resort is the first
 * language of the chain that has the key, and the validator makes sure nb and en have all.
 */
public final class Translations {

    /** A text found for a request, and the language it actually came from. */
    public record Found(Text text, String lang) {
    }

    private final Map<String, Language> languages;
    private final Map<String, Map<String, Text>> texts;
    private final List<String> fallback;

    public Translations(Map<String, Language> languages, Map<String, Map<String, Text>> texts, List<String> fallback) {
        this.languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        Map<String, Map<String, Text>> copy = new LinkedHashMap<>();
        texts.forEach((lang, keys) -> copy.put(lang, Map.copyOf(keys)));
        this.texts = Collections.unmodifiableMap(copy);
        this.fallback = List.copyOf(fallback);
    }

    public Translations withFallback(List<String> chain) {
        return new Translations(languages, texts, chain);
    }

    public Optional<Language> language(String code) {
        return Optional.ofNullable(languages.get(code));
    }

    public Map<String, Language> languages() {
        return languages;
    }

    public List<String> fallback() {
        return fallback;
    }

    /** The keys defined in one language (not following the fallback chain). */
    public Map<String, Text> keys(String lang) {
        return texts.getOrDefault(lang, Map.of());
    }

    public boolean has(String lang, String key) {
        return keys(lang).containsKey(key);
    }

    /** True when any language defines the key; params and variable values use this to tell keys from values. */
    public boolean isKey(String key) {
        for (Map<String, Text> byKey : texts.values()) {
            if (byKey.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The text for {@code key} in {@code lang}, else along the fallback chain. */
    public Optional<Found> find(String lang, String key) {
        for (String l : chain(lang)) {
            Text t = keys(l).get(key);
            if (t != null) {
                return Optional.of(new Found(t, l));
            }
        }
        return Optional.empty();
    }

    /** The languages tried for a request, in order, without repeats. */
    public List<String> chain(String lang) {
        List<String> out = new ArrayList<>();
        out.add(lang);
        for (String l : fallback) {
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    public Set<String> codes() {
        return languages.keySet();
    }
}
