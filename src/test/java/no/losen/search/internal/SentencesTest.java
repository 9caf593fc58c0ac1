package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void cutsAtSentenceEndsAndLineEnds() {
        String t = "Refleksjonsperioden varer i seks måneder. Den gir rett til arbeid, bolig og helsehjelp i Norge.\nNeste avsnitt handler om helsehjelp for papirløse.";
        List<String> s = Sentences.split(t).stream().map(x -> x.of(t).strip()).toList();
        assertThat(s).containsExactly("Refleksjonsperioden varer i seks måneder.", "Den gir rett til arbeid, bolig og helsehjelp i Norge.",
                "Neste avsnitt handler om helsehjelp for papirløse.");
    }

    @Test
    void aShortFragmentJoinsTheNextSentence() {
        String t = "Tabell 3:\nAntall personer uten lovlig opphold som fikk helsehjelp i 2020.";
        assertThat(Sentences.split(t)).singleElement().satisfies(x -> assertThat(x.of(t)).startsWith("Tabell 3:"));
    }
}
