package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryTranslatorTest {

    private final QueryTranslator translator = new QueryTranslator(Glossary.load(), Optional.empty());

    @Test
    void glossaryHasSeveralHundredEntries() {
        assertThat(Glossary.load().size()).isGreaterThan(500);
    }

    @Test
    void translatesDomainPhrasesLongestFirst() {
        Map<String, Float> nb = translator.translate("Can I get a residence permit?");
        assertThat(nb).containsKey("oppholdstillatelse").doesNotContainKey("permit");
        assertThat(translator.translate("emergency health care")).containsKeys("øyeblikkelig", "akutt", "helsehjelp");
    }

    @Test
    void foldsPluralsAndCase() {
        assertThat(translator.translate("Reception Centres")).containsKeys("asylmottak", "mottak");
        assertThat(translator.translate("asylum seekers")).containsKey("asylsøker");
    }

    @Test
    void translatesNegationSoWithoutPapersMeetsUtenLovligOpphold() {
        assertThat(translator.translate("i dont have a residence permit")).containsKeys("uten", "oppholdstillatelse");
    }

    @Test
    void keepsUntranslatedWordsAtLowerWeightSinceEnglishQuestionsCarryNorwegianNames() {
        Map<String, Float> nb = translator.translate("What does ROSA do?");
        assertThat(nb).containsKey("rosa");
        Map<String, Float> kept = translator.translate("a GP (fastlege)");
        // from "GP": a glossary term's Norwegian words share its weight (1/√n each), still above a dictionary sense
        assertThat(kept.get("fastlege")).isGreaterThan(QueryTranslator.DICTIONARY).isLessThanOrEqualTo(QueryTranslator.GLOSSARY);
        assertThat(translator.translate("zzyzx").get("zzyzx")).isEqualTo(QueryTranslator.KEPT);
    }

    @Test
    void dropsEnglishStopWords() {
        assertThat(translator.translate("would they be there for who")).isEmpty();
        assertThat(translator.translate("What's that?")).isEmpty();
    }
}
