package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A question typed as people type meets a question written with care in the same language. */
class AskedTermsTest {

    @Test
    void aPolishWordTypedWithoutDiacriticsMeetsItsWrittenForm() {
        Set<String> typed = AskedTerms.words("pl", "wyplata").get(0);
        Set<String> written = AskedTerms.words("pl", "wypłata").get(0);
        assertThat(typed).containsAnyElementsOf(written);
        assertThat(AskedTerms.words("pl", "moze ze")).as("function words, typed bare").isEmpty();
    }

    @Test
    void englishWordsAreStemmedAndFunctionWordsLeftOut() {
        assertThat(AskedTerms.words("en", "Can I see the doctors")).containsExactly(Set.of("can"), Set.of("i"), Set.of("see"),
                Set.of("doctor"));
    }

    @Test
    void functionWordsOfOtherLanguagesAreLeftOutToo() {
        assertThat(AskedTerms.words("so", "waa maxay xuquuqdayda")).extracting(k -> k.iterator().next())
                .doesNotContain("waa").contains("xuquuqdayda");
    }

    @Test
    void theIndexedTextHoldsEveryKeyOfEveryQuestion() {
        String indexed = AskedTerms.indexed("fr", List.of("Où trouver un médecin ?"));
        assertThat(indexed.split("\\s+")).contains("medecin");
    }
}
