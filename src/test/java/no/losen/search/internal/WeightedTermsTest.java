package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weighted search terms: phrases weigh each of their words, and what a person typed weighs nothing more. */
class WeightedTermsTest {

    @Test
    void eachWordOfAPhraseGetsThePhrasesWeightTheHighestWhereWordsMeet() {
        Map<String, Float> terms = new LinkedHashMap<>();
        terms.put("oppholdstillatelse", 1f);
        terms.put("gå av", 0.35f);
        terms.put("av", 0.6f);
        assertThat(WeightedTerms.words(terms)).containsExactly(Map.entry("oppholdstillatelse", 1f), Map.entry("gå", 0.35f),
                Map.entry("av", 0.6f));
    }

    @Test
    void whatAPersonTypedCarriesNoWeights() {
        assertThat(WeightedTerms.typed("asyl^1000 lege")).containsOnlyKeys("asyl", "1000", "lege")
                .allSatisfy((term, weight) -> assertThat(weight).isEqualTo(1f));
        assertThat(WeightedTerms.typed("Hva er NRM?")).containsEntry("Hva", 1f).containsEntry("NRM?", 1f);
    }
}
