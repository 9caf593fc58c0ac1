package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.losen.search.TestCorpus;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

    private static final Corpus CORPUS = Corpus.load(TestCorpus.ROOT);

    @Test
    void passagesAreAtMost1200CharactersAndNeverEmpty() {
        assertThat(CORPUS.passages()).hasSizeGreaterThan(500)
                .allSatisfy(p -> assertThat(p.text()).isNotBlank().hasSizeLessThanOrEqualTo(PassageSplitter.MAX_CHARS));
    }

    @Test
    void passagesCarrySourceSectionAndOffsetsIntoTheRawFile() throws Exception {
        Map<String, String> raw = CORPUS.sources().stream().collect(Collectors.toMap(SourceCatalog.Source::id, s -> {
            try {
                return Files.readString(s.file());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        for (Passage p : CORPUS.passages()) {
            String source = raw.get(p.sourceId());
            assertThat(p.start()).isBetween(0, p.end());
            assertThat(p.end()).isLessThanOrEqualTo(source.length());
            // the first characters match (a joined "Der-" / "som" starts "Dersom" in the passage)
            String head = p.text().replaceAll("[\\s\\p{Z}]+", "").substring(0, 2);
            String at = source.substring(p.start(), Math.min(source.length(), p.start() + 20)).replaceAll("[\\s\\p{Z}]+", "");
            assertThat(at).startsWith(head);
        }
        long withSection = CORPUS.passages().stream().filter(p -> !p.section().isBlank()).count();
        assertThat(withSection).isGreaterThan(CORPUS.passages().size() * 9L / 10);
    }

    @Test
    void longParagraphsAreCutBetweenSentencesAndOverlapBySentence() {
        int[] origins = new int[3000];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = i;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 2900; i++) {
            text.append("Setning nummer ").append(i).append(" handler om rettigheter for asylsøkere i mottak. ");
        }
        String t = text.toString().strip();
        Block block = new Block(Block.Kind.PARAGRAPH, t, java.util.Arrays.copyOf(origins, t.length()), List.of("Kapittel"));
        List<Passage> passages = PassageSplitter.split("test", List.of(block), 0);
        assertThat(passages).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            assertThat(p.text()).startsWith("Setning").endsWith("mottak.").hasSizeLessThanOrEqualTo(1200);
            assertThat(p.section()).isEqualTo("Kapittel");
            if (i > 0) {
                String previous = passages.get(i - 1).text();
                String lastSentence = previous.substring(previous.lastIndexOf("Setning"));
                assertThat(p.text()).startsWith(lastSentence);
            }
        }
    }
}
