package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedTermsTest {

    @Test
    void roundTripsWeightsAndGivesEachWordOfAPhraseItsWeight() {
        Map<String, Float> terms = new LinkedHashMap<>();
        terms.put("oppholdstillatelse", 1f);
        terms.put("gå av", 0.35f);
        Map<String, Float> parsed = WeightedTerms.parse(WeightedTerms.format(terms));
        assertThat(parsed).containsEntry("oppholdstillatelse", 1f).containsEntry("gå", 0.35f).containsEntry("av", 0.35f);
    }

    @Test
    void readsAPlainQuestionAsWordsOfWeightOne() {
        assertThat(WeightedTerms.parse("Hva er NRM?")).containsEntry("Hva", 1f).containsEntry("NRM?", 1f);
        assertThat(WeightedTerms.parse("x^y")).containsEntry("x^y", 1f);
    }

    @Test
    void whatAPersonTypedCarriesNoWeights() {
        assertThat(WeightedTerms.typed("asyl^1000 lege")).containsOnlyKeys("asyl", "1000", "lege")
                .allSatisfy((term, weight) -> assertThat(weight).isEqualTo(1f));
        assertThat(WeightedTerms.parse(WeightedTerms.format(WeightedTerms.typed("asyl^1000")))).containsEntry("asyl", 1f);
    }
}
