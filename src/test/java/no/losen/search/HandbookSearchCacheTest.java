package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.losen.cache.DerivedCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handbook search with the derived-content cache: read from the cache when the corpus is the one
 * it was built from, ranking exactly as the fresh build did; built again when the corpus changes or the
 * entry is damaged. Over two small sources of the real corpus, copied, so they can be edited.
 */
class HandbookSearchCacheTest {

    private static final List<String[]> QUESTIONS = List.of(
            new String[] {"Hvem kan få refleksjonsperiode?", "nb"},
            new String[] {"helsehjelp for irregulære migranter", "nb"},
            new String[] {"Who decides on the reflection period?", "en"},
            new String[] {"tvangsarbeid og utnytting", "nb"},
            new String[] {"Can I see a doctor without papers?", "en"});

    @TempDir
    Path tmp;
    private Path root;
    private DerivedCache cache;

    @BeforeEach
    void smallCorpus() throws IOException {
        root = tmp.resolve("content");
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        for (String f : List.of("udi-tiltakskort-menneskehandel.txt", "fafo-faktaflak-2021-irregulaere-migranter.txt")) {
            Files.copy(TestCorpus.ROOT.resolve("corpus").resolve(f), corpus.resolve(f));
        }
        Files.writeString(corpus.resolve("sources.yaml"), """
                sources:
                  - id: udi-tiltakskort-menneskehandel
                    file: udi-tiltakskort-menneskehandel.txt
                    title: "Tiltakskort – menneskehandel"
                    publisher: "UDI"
                    year: null
                    lang: nb
                  - id: fafo-faktaflak-2021-irregulaere-migranter
                    file: fafo-faktaflak-2021-irregulaere-migranter.txt
                    title: "Liv, helse og sikkerhet for irregulære migranter (faktaflak)"
                    publisher: "Fafo"
                    year: 2021
                    lang: nb
                """);
        cache = DerivedCache.at(tmp.resolve("cache"));
    }

    private static HandbookSearch build(Path root, DerivedCache cache) {
        return HandbookSearch.build(root, SearchConfig.defaults(), cache);
    }

    /** Every result of every question in both modes, as a user would see it (scores included). */
    private static List<String> answers(HandbookSearch s) {
        return QUESTIONS.stream().flatMap(q -> Stream.of(SearchMode.HYBRID, SearchMode.BM25)
                        .flatMap(mode -> s.search(new SearchRequest(q[0], q[1], 10, mode)).results().stream()
                                .map(r -> mode + " " + q[0] + " → " + r.source() + " " + r.start() + "-" + r.end() + " "
                                        + r.score() + " " + r.excerpt())))
                .toList();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("search-")).toList();
        }
    }

    @Test
    void theSearchReadFromTheCacheAnswersExactlyAsTheFreshBuild() throws IOException {
        HandbookSearch fresh = build(root, cache);
        assertThat(entries()).hasSize(1);
        long stored = Files.getLastModifiedTime(entries().get(0)).toMillis();
        HandbookSearch cached = build(root, cache);

        assertThat(answers(fresh)).isNotEmpty().hasSizeGreaterThan(QUESTIONS.size() * 2);
        assertThat(answers(cached)).isEqualTo(answers(fresh));
        assertThat(cached.passageCount()).isEqualTo(fresh.passageCount());
        assertThat(cached.corpusHash()).isEqualTo(fresh.corpusHash());
        assertThat(entries()).hasSize(1);
        assertThat(Files.getLastModifiedTime(entries().get(0)).toMillis()).as("read, not rewritten").isEqualTo(stored);
    }

    @Test
    void anEditedCorpusIsCleanedAndIndexedAgain() throws IOException {
        build(root, cache);
        Path source = root.resolve("corpus/fafo-faktaflak-2021-irregulaere-migranter.txt");
        Files.writeString(source, Files.readString(source)
                + "\n\nKvitteringsblankett\n\nEt nytt avsnitt om kvitteringsblanketter for utlånte sykler.\n");

        HandbookSearch edited = build(root, cache);
        assertThat(entries()).hasSize(2);
        assertThat(edited.search(new SearchRequest("kvitteringsblankett sykler", "nb", 3, SearchMode.HYBRID)).results())
                .first().satisfies(r -> assertThat(r.text()).contains("kvitteringsblanketter for utlånte sykler"));
    }

    @Test
    void aDamagedEntryIsRebuiltAndTheSearchAnswersAsBefore() throws IOException {
        HandbookSearch fresh = build(root, cache);
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] = 0;
        }
        Files.write(entry, bytes);

        HandbookSearch rebuilt = build(root, cache);
        assertThat(rebuilt.passageCount()).isEqualTo(fresh.passageCount());
        assertThat(rebuilt.search(new SearchRequest("Hvem kan få refleksjonsperiode?", "nb", 5, SearchMode.HYBRID)).results())
                .isNotEmpty();
        assertThat(Files.readAllBytes(entry)).as("the entry was written again").isNotEqualTo(bytes);
        assertThat(answers(build(root, cache))).isEqualTo(answers(rebuilt));
    }

    @Test
    void aSearchBuiltWithoutTheCacheFindsTheSamePassages() {
        // Documents are indexed in parallel, so two fresh builds may order passages of equal score apart;
        // the passages found and their scores are the same.
        List<String> cached = answers(build(root, cache)).stream().sorted().toList();
        List<String> uncached = answers(build(root, DerivedCache.off())).stream().sorted().toList();
        assertThat(cached).isEqualTo(uncached);
    }
}
