package no.losen.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The curated English → Norwegian domain glossary ({@code search/glossary-en-nb.yaml}).
 * Keys are folded English phrases (plurals folded word by word), so "reception centres"
 * finds the entry written "reception centre".
 */
public final class Glossary {

    public static final String RESOURCE = "/search/glossary-en-nb.yaml";

    private final Map<String, List<String>> terms;
    /** Each Norwegian word of the glossary, lower case, with the first English phrase of the first entry giving it. */
    private final Map<String, String> english;
    private final int longestKey;

    private Glossary(Map<String, List<String>> terms, Map<String, String> english) {
        this.terms = Map.copyOf(terms);
        this.english = Map.copyOf(english);
        this.longestKey = terms.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    public static Glossary load() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("glossary resource missing: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, List<String>> terms = new HashMap<>();
            Map<String, String> english = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("terms").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> nb = Arrays.asList(e.getValue().asText().trim().split("\\s+"));
                nb.forEach(w -> english.putIfAbsent(w.toLowerCase(java.util.Locale.ROOT), e.getKey().split("\\|")[0].strip()));
                for (String variant : e.getKey().split("\\|")) {
                    terms.merge(key(EnglishWords.tokens(variant)), nb,
                            (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
                }
            }
            return new Glossary(terms, english);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary " + RESOURCE, e);
        }
    }

    /** Norwegian terms for the folded phrase {@code words}, or null. */
    public List<String> lookup(List<String> words) {
        return terms.get(key(words));
    }

    /**
     * Norwegian search terms read back into English through this glossary, the heaviest first, each English
     * phrase once: a question in another language, translated word by word into Norwegian, becomes English
     * the English sentence model can read ({@link QuestionVectors}). Terms the glossary does not give are left
     * out (a dictionary's or a transliteration's); none given: empty.
     */
    public String inEnglish(Map<String, Float> norwegian) {
        return norwegian.entrySet().stream().sorted(Map.Entry.<String, Float>comparingByValue().reversed())
                .map(t -> english.get(t.getKey().toLowerCase(java.util.Locale.ROOT))).filter(java.util.Objects::nonNull)
                .distinct().collect(Collectors.joining(" "));
    }

    public int longestKey() {
        return longestKey;
    }

    public int size() {
        return terms.size();
    }

    static String key(List<String> words) {
        return words.stream().map(EnglishWords::fold).collect(Collectors.joining(" "));
    }
}
