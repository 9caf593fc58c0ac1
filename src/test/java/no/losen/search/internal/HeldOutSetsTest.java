package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.losen.search.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our held-out question sets (docs/search.md, "Question sets") stay answerable: every question's
 * snippet — or half of a long one, the evaluation tool's hit rule — stands whole in one passage of
 * the cleaned corpus. A change to cleaning or passage cutting that split an answer would otherwise
 * show up only as a lower recall, read as a worse method.
 */
class HeldOutSetsTest {

    private static final Corpus CORPUS = Corpus.load(TestCorpus.ROOT);
    private static final List<String> PASSAGES = CORPUS.passages().stream().map(p -> norm(p.text())).toList();

    @ParameterizedTest
    @ValueSource(strings = {"heldout-nb-en.jsonl", "heldout2-nb-en.jsonl", "heldout3-nb-en.jsonl", "heldout-other.jsonl"})
    void everySnippetIsFoundInOnePassage(String file) throws Exception {
        List<String> lost = new ArrayList<>();
        int questions = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/search", file))) {
            if (line.isBlank()) {
                continue;
            }
            questions++;
            JsonNode q = new ObjectMapper().readTree(line);
            for (JsonNode snippet : q.get("snippets")) {
                if (targets(snippet.asText()).stream().noneMatch(t -> PASSAGES.stream().anyMatch(p -> p.contains(t)))) {
                    lost.add(q.get("id").asText());
                }
            }
        }
        assertThat(questions).isGreaterThanOrEqualTo(30);
        assertThat(lost).isEmpty();
    }

    @Test
    void theNewHeldOutSetHasNorwegianAndEnglishQuestionsInEqualShare() throws Exception {
        List<String> langs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/search/heldout2-nb-en.jsonl"))) {
            langs.add(new ObjectMapper().readTree(line).get("lang").asText());
        }
        assertThat(langs).hasSize(38).containsOnly("nb", "en");
        assertThat(langs.stream().filter("nb"::equals).count()).isEqualTo(19);
    }

    /** The snippet, and for ten words or more its two halves (as {@code retrieval-eval}). */
    private static List<String> targets(String snippet) {
        String n = norm(snippet);
        List<String> out = new ArrayList<>(List.of(n));
        String[] w = n.split(" ");
        if (w.length >= 10) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, 0, w.length / 2)));
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, w.length / 2, w.length)));
        }
        return out;
    }

    private static String norm(String s) {
        s = s.toLowerCase().replaceAll("(\\w)-\\s+(\\w)", "$1$2").replaceAll("[^\\p{L}\\p{N}_]+", " ");
        return s.trim().replaceAll("\\s+", " ");
    }
}
