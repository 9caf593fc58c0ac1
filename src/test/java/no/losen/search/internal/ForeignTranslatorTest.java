package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignTranslatorTest {

    private final QueryTranslator english = new QueryTranslator(Glossary.load(), Optional.empty());

    @Test
    void glossaryPhrasesFirstThenTransliteratedLoanwords() {
        LanguageForms ru = LanguageForms.of("ru");
        ForeignTranslator t = new ForeignTranslator(ru, ForeignGlossary.load(ru), List.of(), List.of(), english, new Transliteration());
        assertThat(t.translate("Нужен ли мне вид на жительство?")).containsEntry("oppholdstillatelse", ForeignTranslator.GLOSSARY); // one word: full weight
        assertThat(t.translate("паспорт")).containsKey("pass");
        assertThat(t.translate("интернет")).containsKey("internet"); // transliterated; the search keeps it only if the index knows it
    }

    @Test
    void withoutAnyDictionaryInstalledEveryLanguageStillTranslatesFromItsGlossary(@TempDir Path empty) {
        Translators all = Translators.load(empty, english);
        for (String lang : Translators.LANGUAGES) {
            assertThat(all.get(lang)).as(lang).isPresent();
        }
        assertThat(all.get("ti").orElseThrow().translate("ሆስፒታል")).containsKey("sykehus");
        assertThat(all.get("so").orElseThrow().translate("isbitaalka")).containsKey("sykehus");
    }

    @Test
    void pivotsThroughEnglishWhenAnEnglishDictionaryIsInstalled() {
        Optional<FreeDict> fraEng = FreeDict.load(FreeDict.DEFAULT_DIR, "freedict-fra-eng");
        org.junit.jupiter.api.Assumptions.assumeTrue(fraEng.isPresent(), "dict-freedict-fra-eng not installed");
        LanguageForms fr = LanguageForms.of("fr");
        ForeignTranslator t = new ForeignTranslator(fr, Optional.empty(), List.of(),
                List.of(new ForeignTranslator.Lexicon(fraEng.get(), fr)), english, new Transliteration());
        // "hôpital" → hospital → sykehus through the English glossary
        assertThat(t.translate("l'hôpital")).containsKey("sykehus");
    }

    @Test
    void theFrenchWayToAskIsNotReadAsTheEast() {
        Optional<FreeDict> engNor = FreeDict.load(FreeDict.DEFAULT_DIR);
        org.junit.jupiter.api.Assumptions.assumeTrue(engNor.isPresent()
                && FreeDict.load(FreeDict.DEFAULT_DIR, "freedict-fra-eng").isPresent(), "FreeDict fra-eng, eng-nor not installed");
        ForeignTranslator fr = Translators.load(FreeDict.DEFAULT_DIR, new QueryTranslator(Glossary.load(), engNor)).get("fr").orElseThrow();
        // "est" is "east" too ("øst"), and Lucene's French list does not hold it; in a question it is "is"
        assertThat(fr.translate("Est-ce que l'hôpital est ouvert ?")).containsKey("sykehus").doesNotContainKey("øst");
    }
}
