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
    private final int longestKey;

    private Glossary(Map<String, List<String>> terms) {
        this.terms = Map.copyOf(terms);
        this.longestKey = terms.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    public static Glossary load() {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("glossary resource missing: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, List<String>> terms = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("terms").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> nb = Arrays.asList(e.getValue().asText().trim().split("\\s+"));
                for (String variant : e.getKey().split("\\|")) {
                    terms.merge(key(EnglishWords.tokens(variant)), nb,
                            (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
                }
            }
            return new Glossary(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary " + RESOURCE, e);
        }
    }

    /** Norwegian terms for the folded phrase {@code words}, or null. */
    public List<String> lookup(List<String> words) {
        return terms.get(key(words));
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
