package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.search.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions each passage answers are found by their anchor, whatever the passages' numbers. */
class PassageQuestionsTest {

    private static final Passage FIRST = new Passage(0, "h", "Helse", "Legevakten gir hjelp til alle.\nOgså papirløse.", 0, 10);
    private static final Passage SECOND = new Passage(1, "h", "Arbeid", "Arbeidstilsynet fører tilsyn med lønn.", 10, 20);

    @Test
    void aPassageGetsTheQuestionsWhoseAnchorItHoldsWhitespaceAside(@TempDir Path dir) {
        Fixtures.write(dir.resolve("questions/h.yaml"), """
                meta:
                  status: draft
                passages:
                  - anchor: "alle. Også   papirløse"
                    nb: [kan jeg gå til lege uten papirer]
                    en: [can I see a doctor without papers]
                    pl: [lekarz bez dokumentow]
                  - anchor: "tilsyn med lønn"
                    nb: [sjefen betaler ikke]
                  - anchor: "stands in no passage"
                    nb: [lost]
                """);
        Map<Integer, PassageQuestions.Asked> asked = PassageQuestions.load(dir, List.of(FIRST, SECOND));

        assertThat(asked.get(0).in("nb")).containsExactly("kan jeg gå til lege uten papirer");
        assertThat(asked.get(0).in("en")).containsExactly("can I see a doctor without papers");
        assertThat(asked.get(0).in("pl")).containsExactly("lekarz bez dokumentow");
        assertThat(asked.get(1).in("nb")).containsExactly("sjefen betaler ikke");
        assertThat(asked).hasSize(2);
        assertThat(PassageQuestions.unplaced(dir, List.of(FIRST, SECOND))).singleElement().asString()
                .contains("not found").contains("stands in no passage");
    }

    @Test
    void everyAnchorOfTheShippedQuestionsStandsInExactlyOnePassage() {
        Corpus corpus = Corpus.load(TestCorpus.ROOT);
        Path dir = Corpus.corpusDir(TestCorpus.ROOT);
        assertThat(PassageQuestions.files(dir)).hasSize(corpus.sources().size());
        assertThat(PassageQuestions.unplaced(dir, corpus.passages())).isEmpty();
        assertThat(PassageQuestions.load(dir, corpus.passages()).size()).isGreaterThan(corpus.passages().size() * 9 / 10);
    }

    @Test
    void editingAQuestionFileChangesTheCorpusHashSoTheCachedIndexIsBuiltAgain(@TempDir Path dir) {
        Fixtures.copyTree(Corpus.corpusDir(TestCorpus.ROOT), dir.resolve("corpus"));
        String before = Corpus.hashOf(dir);
        Fixtures.write(dir.resolve("corpus/questions/extra.yaml"), "passages: []\n");
        assertThat(Corpus.hashOf(dir)).isNotEqualTo(before);
    }
}
