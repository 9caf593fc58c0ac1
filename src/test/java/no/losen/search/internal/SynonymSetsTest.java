package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymSetsTest {

    private final SynonymSets sets = SynonymSets.of(List.of(
            List.of("papirløs*", "irregulære migrant*", "uten lovlig opphold"),
            List.of("lovlig opphold", "oppholdstillatelse*")));

    @Test
    void tagsEveryVariantOfASetWithTheSameConcept() {
        assertThat(sets.tag("Papirløse kan få hjelp")).isEqualTo("syn0");
        assertThat(sets.tag("irregulære migranter i Oslo")).isEqualTo("syn0");
        assertThat(sets.tag("personer uten lovlig opphold")).isEqualTo("syn0");
    }

    @Test
    void aLongerVariantCoversTheWordsItUses() {
        // "uten lovlig opphold" is not also "lovlig opphold"
        assertThat(sets.tag("uten lovlig opphold")).isEqualTo("syn0");
        assertThat(sets.tag("med lovlig opphold og oppholdstillatelsen")).isEqualTo("syn1 syn1");
    }

    @Test
    void theBundledSetsLoad() {
        SynonymSets bundled = SynonymSets.load();
        assertThat(bundled.size()).isGreaterThan(40);
        assertThat(bundled.tag("fastlegen")).isEqualTo(bundled.tag("legevakten")).isNotEmpty();
    }
}
