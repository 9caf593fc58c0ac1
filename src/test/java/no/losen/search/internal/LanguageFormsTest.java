package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A language's words and their lookup keys. */
class LanguageFormsTest {

    @Test
    void aWordsKeysComeAsTypedFirstThenTheAnalysersFormsInTheSameOrderInEveryProcess() {
        // A lookup takes the first key a dictionary holds: an order that changed with every start of the JVM
        // translated the same question differently after a restart.
        List<LanguageForms.Word> words = LanguageForms.of("pl").words("mam pracy");
        assertThat(words).extracting(LanguageForms.Word::surface).containsExactly("mam", "pracy");
        assertThat(words.get(0).keys()).containsExactly("mam", "mama", "mamić", "mieć");
        assertThat(words.get(1).keys()).containsExactly("pracy", "praca");
    }
}
