package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The glossaries carry a message in another language to the Norwegian words its examples would use. */
class NorwegianTermsTest {

    private final NorwegianTerms terms = NorwegianTerms.glossaries();

    @Test
    void glossaryPhrasesBecomeNorwegianWords() {
        assertThat(terms.of("szef zabrał mi paszport", "pl")).contains("pass");
        assertThat(terms.of("nie mam pieniedzy na jedzenie", "pl")).contains("mat");
        assertThat(terms.of("I need a doctor", "en")).contains("lege");
    }

    @Test
    void norwegianAndUnknownLanguagesGetNoWordsAndNothingIsTransliterated() {
        assertThat(terms.of("jeg trenger lege", "nb")).isEmpty();
        assertThat(terms.of("hello", "xx")).isEmpty();
        // a recipe has no word of the field: no transliterated Latin letters either
        assertThat(terms.of("دستور پخت کباب", "fa")).isEmpty();
    }

    @Test
    void theRoutingBridgeReadsTheSharedTermsOfAGlossaryNotItsSearchTerms() {
        // "război" (war) stands under the Romanian glossary's search terms only
        assertThat(terms.of("război", "ro")).doesNotContain("krig");
        assertThat(no.losen.search.internal.ForeignGlossary.load(no.losen.search.internal.LanguageForms.of("ro")).orElseThrow()
                .match(no.losen.search.internal.LanguageForms.of("ro").words("război"), 0)).isNotNull();
    }

    @Test
    void englishWordsAlreadyInTheMessageAreNotRepeated() {
        assertThat(terms.of("NAV", "en")).doesNotContain("nav");
    }
}
