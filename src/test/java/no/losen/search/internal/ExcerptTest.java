package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExcerptTest {

    private static final String TEXT = "Dette kapitlet handler om rettigheter for personer i ulike situasjoner i Norge. "
            + "Mange tjenester er åpne for alle, uansett oppholdsstatus og bakgrunn. "
            + "Legevakten skal gi øyeblikkelig hjelp til alle som trenger det, også papirløse. "
            + "Helsehjelp som kan vente, må som regel betales av pasienten selv. "
            + "Frivillige organisasjoner driver egne helsesentre i Oslo og Bergen for dem som mangler fastlege. "
            + "Til slutt kommer en oversikt over nyttige adresser og telefonnumre for hjelpeapparatet i kommunene.";

    private final Passage passage = new Passage(0, "s", "Helse", TEXT, 0, TEXT.length());
    private final NorwegianAnalysis analysis = NorwegianAnalysis.fromCorpus(List.of(TEXT));
    private final PassageIndex index = new PassageIndex(List.of(passage), Map.of("s", "Kilde"), analysis,
            SynonymSets.of(List.of()));
    private final Excerpt excerpts = new Excerpt(index, analysis);

    @Test
    void takesTheSentenceWithTheQuestionsWordsAndItsNeighboursWithin300Characters() {
        Excerpt.Text e = excerpts.of(passage, index.analysed(Map.of("legevakt", 1f, "papirløse", 1f)));
        assertThat(e.text()).contains("Legevakten skal gi øyeblikkelig hjelp").hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS)
                .doesNotContain("Dette kapitlet");
    }

    @Test
    void marksTheQuestionsWordsInTheirInflectedForms() {
        Excerpt.Text e = excerpts.of(passage, index.analysed(Map.of("legevakt", 1f, "pasient", 1f)));
        List<String> marked = e.marks().stream().map(m -> e.text().substring(m[0], m[1])).toList();
        assertThat(marked).contains("Legevakten", "pasienten");
    }

    @Test
    void aRowOfFiguresIsNotTheAnswerWhenASentenceOfWordsHasTheWordsToo() {
        String text = "Søkere fra Eritrea 2019 2020 2021 2022 7 16 16 7 148 44 31 24. "
                + "Asylsøkere fra Eritrea får ofte beskyttelse i Norge etter intervjuet.";
        Passage table = new Passage(0, "s", "Statistikk", text, 0, text.length());
        NorwegianAnalysis a = NorwegianAnalysis.fromCorpus(List.of(text));
        PassageIndex i = new PassageIndex(List.of(table), Map.of("s", "Kilde"), a, SynonymSets.of(List.of()));

        Excerpt.Text e = new Excerpt(i, a).of(table, i.analysed(Map.of("eritrea", 1f, "søkere", 1f)));

        assertThat(e.text()).startsWith("Asylsøkere fra Eritrea").doesNotContain("148");
    }

    @Test
    void aSpanIsFiguresWhenMostOfItsWordsHoldNoLetter() {
        String row = "7 16 16 7 148 Eritrea 44 31 24";
        String words = "Legevakten gir hjelp til alle, 24 timer i døgnet.";
        assertThat(Excerpt.figures(row, new Sentences.Span(0, row.length()))).isTrue();
        assertThat(Excerpt.figures(words, new Sentences.Span(0, words.length()))).isFalse();
        assertThat(Excerpt.figures("Ring 112.", new Sentences.Span(0, 9))).as("too short to tell").isFalse();
    }
}
