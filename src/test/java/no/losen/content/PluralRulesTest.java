package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralRulesTest {

    @Test
    void norwegianAndEnglishHaveOneAndOther() {
        assertThat(PluralRules.category("nb", 1)).isEqualTo("one");
        assertThat(PluralRules.category("nb", 0)).isEqualTo("other");
        assertThat(PluralRules.category("en", 21)).isEqualTo("other");
    }

    @Test
    void arabicHasSixForms() {
        assertThat(PluralRules.category("ar", 0)).isEqualTo("zero");
        assertThat(PluralRules.category("ar", 1)).isEqualTo("one");
        assertThat(PluralRules.category("ar", 2)).isEqualTo("two");
        assertThat(PluralRules.category("ar", 5)).isEqualTo("few");
        assertThat(PluralRules.category("ar", 11)).isEqualTo("many");
        assertThat(PluralRules.category("ar", 100)).isEqualTo("other");
    }

    @Test
    void slavicLanguagesCountByTheLastDigits() {
        assertThat(PluralRules.category("ru", 21)).isEqualTo("one");
        assertThat(PluralRules.category("ru", 11)).isEqualTo("many");
        assertThat(PluralRules.category("uk", 3)).isEqualTo("few");
        assertThat(PluralRules.category("uk", 13)).isEqualTo("many");
        assertThat(PluralRules.category("pl", 1)).isEqualTo("one");
        assertThat(PluralRules.category("pl", 22)).isEqualTo("few");
        assertThat(PluralRules.category("pl", 21)).isEqualTo("many");
    }

    @Test
    void romanianFrenchAndTheOthers() {
        assertThat(PluralRules.category("ro", 0)).isEqualTo("few");
        assertThat(PluralRules.category("ro", 19)).isEqualTo("few");
        assertThat(PluralRules.category("ro", 20)).isEqualTo("other");
        assertThat(PluralRules.category("fr", 0)).isEqualTo("one");
        assertThat(PluralRules.category("am", 1)).isEqualTo("one");
        assertThat(PluralRules.category("ti", 2)).isEqualTo("other");
        assertThat(PluralRules.category("so", 1)).isEqualTo("one");
    }
}
