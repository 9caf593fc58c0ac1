package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the index ranks by: the passage's own words, and the questions it answers in each language. */
class PassageIndexTest {

    private static final String HEALTH = "Personer uten lovlig opphold har rett til øyeblikkelig helsehjelp og helsehjelp som ikke kan vente.";
    private static final String WORK = "Arbeidstilsynet fører tilsyn med arbeidsmiljøet og kan stanse virksomheter.";
    private static final List<Passage> PASSAGES = List.of(new Passage(0, "h", "Arbeid", WORK, 0, 1),
            new Passage(1, "h", "Helse", HEALTH, 1, 2));
    private static final NorwegianAnalysis ANALYSIS = NorwegianAnalysis.fromCorpus(List.of(HEALTH, WORK));

    private static PassageIndex index(Map<Integer, PassageQuestions.Asked> asked) {
        return new PassageIndex(PASSAGES, Map.of("h", "Håndbok"), ANALYSIS, SynonymSets.of(List.of()), asked);
    }

    private static final PassageIndex WITH_QUESTIONS = index(Map.of(1, new PassageQuestions.Asked(Map.of(
            "nb", List.of("Kan jeg gå til lege når jeg er papirløs?"),
            "en", List.of("Can I see a doctor if I have no papers?"),
            "pl", List.of("Czy mogę iść do lekarza bez dokumentów?")))));

    @Test
    void aNorwegianQuestionInOtherWordsThanThePassagesFindsItThroughTheQuestionsItAnswers() {
        Map<String, Float> terms = Map.of("lege", 1f, "papirløs", 1f);
        assertThat(index(Map.of()).weighted(terms, 5)).isEmpty();
        assertThat(WITH_QUESTIONS.weighted(terms, 5)).extracting(PassageIndex.Hit::ordinal).containsExactly(1);
    }

    @Test
    void aQuestionInAnotherLanguageMeetsThatLanguagesQuestionsWithItsOwnWordsAsTyped() {
        assertThat(WITH_QUESTIONS.weighted(Map.of(), "en", "see a doctor without papers", 5))
                .extracting(PassageIndex.Hit::ordinal).containsExactly(1);
        assertThat(WITH_QUESTIONS.weighted(Map.of(), "pl", "lekarz bez dokumentow", 5))
                .extracting(PassageIndex.Hit::ordinal).containsExactly(1);
        assertThat(WITH_QUESTIONS.weighted(Map.of(), "fr", "médecin sans papiers", 5)).as("no French questions").isEmpty();
    }

    @Test
    void passagesOfEqualScoreRankInTheirOrderInTheCorpusHoweverTheBuildRan() {
        // The documents are added in parallel; ties between equal scores must not follow the threads.
        List<Passage> same = IntStream.range(0, 200)
                .mapToObj(i -> new Passage(i, "h", "Helse", HEALTH, i, i + 1)).toList();
        PassageIndex index = new PassageIndex(same, Map.of("h", "Håndbok"), ANALYSIS, SynonymSets.of(List.of()), Map.of());
        assertThat(index.weighted(Map.of("helsehjelp", 1f), 200)).extracting(PassageIndex.Hit::ordinal)
                .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
    }
}
