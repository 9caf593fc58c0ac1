package no.losen.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The questions each passage answers, asked the way people ask ({@code corpus/questions/<source>.yaml}),
 * indexed beside the passage: document expansion (doc2query), written by hand from each passage
 * alone.
 *
 * <p>Why: the answers a lexical ranker misses are passages that share no word with the question —
 * "can I see a doctor without papers" against "helsehjelp til personer uten lovlig opphold",
 * "henla saken" against "negativt vedtak" (docs/search.md). Synonym sets bridge general vocabulary;
 * questions written per passage bridge what that passage says, in the words of the people who
 * ask — and in English, so an English question meets English words instead of a word-by-word
 * translation. They are written from the passage, never from an evaluation question, so they hold
 * for questions nobody has seen; the measurements are in docs/search.md.
 *
 * <p>A passage is found by its {@code anchor}, exact text of it (whitespace aside), not by its
 * number: passages are cut at start-up and renumber when the corpus or the splitter changes, while
 * a sentence stays. Entries are in passage order, so each anchor is looked for from where the last
 * was found (the whole corpus in one pass); {@link #unplaced} checks, for tests and {@code validate},
 * that every anchor stands in exactly one passage.
 */
public final class PassageQuestions {

    /** The folder under {@code corpus/} that holds the files. */
    static final String FOLDER = "questions";

    /** One passage's questions, by language. */
    public record Asked(Map<String, List<String>> byLang) {
        public Asked {
            byLang = Map.copyOf(byLang);
        }

        public List<String> in(String lang) {
            return byLang.getOrDefault(lang, List.of());
        }

        Asked and(Asked other) {
            Map<String, List<String>> out = new java.util.TreeMap<>(byLang);
            other.byLang.forEach((l, q) -> out.merge(l, q, PassageQuestions::concat));
            return new Asked(out);
        }
    }

    /** One entry of a file: exact text of the passage and its questions. */
    record Entry(String source, String anchor, Asked asked) {
    }

    private PassageQuestions() {
    }

    /** The question files under {@code corpusDir}, in a fixed order (they are part of the corpus's hash). */
    static List<Path> files(Path corpusDir) {
        Path dir = corpusDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry of every file, in file order. */
    static List<Entry> entries(Path corpusDir) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Entry> out = new ArrayList<>();
        for (Path f : files(corpusDir)) {
            String source = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            try (InputStream in = Files.newInputStream(f)) {
                for (JsonNode p : yaml.readTree(in).path("passages")) {
                    Map<String, List<String>> byLang = new java.util.TreeMap<>();
                    p.fields().forEachRemaining(field -> {
                        if (!field.getKey().equals("anchor")) {
                            byLang.put(field.getKey(), strings(field.getValue()));
                        }
                    });
                    out.add(new Entry(source, normal(p.path("anchor").asText()), new Asked(byLang)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return out;
    }

    /** Each passage's questions, by passage ordinal; an anchor found nowhere is skipped. */
    public static Map<Integer, Asked> load(Path corpusDir, List<Passage> passages) {
        List<Entry> entries = entries(corpusDir);
        Map<String, List<Integer>> bySource = new HashMap<>();
        Map<Integer, String> texts = new HashMap<>();
        for (Passage p : passages) {
            bySource.computeIfAbsent(p.sourceId(), k -> new ArrayList<>()).add(p.ordinal());
            texts.put(p.ordinal(), normal(p.text()));
        }
        Map<Integer, Asked> out = new HashMap<>();
        Map<String, Integer> at = new HashMap<>();
        for (Entry e : entries) {
            List<Integer> ords = bySource.getOrDefault(e.source(), List.of());
            int from = at.getOrDefault(e.source(), 0);
            for (int k = 0; k < ords.size(); k++) {
                int i = (from + k) % ords.size();
                if (texts.get(ords.get(i)).contains(e.anchor())) {
                    out.merge(ords.get(i), e.asked(), Asked::and);
                    at.put(e.source(), i);
                    break;
                }
            }
        }
        return out;
    }

    /** Anchors that stand in no passage of their source, or in more than one: each needs mending. */
    public static List<String> unplaced(Path corpusDir, List<Passage> passages) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries(corpusDir)) {
            long n = passages.stream().filter(p -> p.sourceId().equals(e.source()) && normal(p.text()).contains(e.anchor())).count();
            if (n != 1) {
                out.add(e.source() + ": " + (n == 0 ? "not found" : "in " + n + " passages") + ": " + e.anchor());
            }
        }
        return out;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> {
            if (!x.asText().isBlank()) {
                out.add(x.asText().strip());
            }
        });
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
