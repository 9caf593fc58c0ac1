package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The English → Norwegian glossary, read both ways. */
class GlossaryTest {

    private final Glossary glossary = Glossary.load();

    @Test
    void findsTheNorwegianOfAnEnglishPhraseWithItsPluralFolded() {
        assertThat(glossary.lookup(EnglishWords.tokens("physicians"))).containsExactly("lege");
    }

    @Test
    void readsNorwegianTermsBackIntoEnglishHeaviestFirstEachPhraseOnce() {
        Map<String, Float> terms = new LinkedHashMap<>();
        terms.put("papirløse", 0.5f);
        terms.put("Lege", 1.0f);           // case does not matter
        terms.put("uten", 0.4f);           // "uten lovlig opphold" comes from the same first entry as "papirløse"
        terms.put("pasport", 0.9f);        // a transliteration, no glossary word: left out
        assertThat(glossary.inEnglish(terms)).isEqualTo("doctor without legal residence");
    }

    @Test
    void givesNothingForTermsItDoesNotHold() {
        assertThat(glossary.inEnglish(Map.of("pasport", 1f))).isEmpty();
        assertThat(glossary.inEnglish(Map.of())).isEmpty();
        assertThat(glossary.inEnglish(Map.of("lege", 1f))).isEqualTo("doctor");
    }
}
