package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.cache.DerivedCache;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslatorsTest {

    private static final Map<String, List<String>> QUESTIONS = Map.of(
            "pl", List.of("Czy mogę dostać pozwolenie na pracę?", "gdzie jest szpital", "zabrali mi paszport"),
            "fr", List.of("Est-ce que j'ai droit à un médecin sans papiers ?", "mon patron garde mon passeport"),
            "ar", List.of("هل يمكنني الحصول على طبيب إذا لم يكن لدي أوراق؟", "أين أجد محامي"),
            "ru", List.of("Можно ли работать без разрешения?", "мне нужен адвокат"));

    private final QueryTranslator english = new QueryTranslator(Glossary.load(), Optional.empty());

    @Test
    void translatorsReadFromTheCacheTranslateAsTheOnesBuilt(@TempDir Path cacheDir) {
        Assumptions.assumeTrue(Files.exists(FreeDict.DEFAULT_DIR.resolve("freedict-pol-nor.index")), "FreeDict not installed");
        DerivedCache cache = DerivedCache.at(cacheDir);
        Translators built = Translators.load(FreeDict.DEFAULT_DIR, english, cache);
        Translators read = Translators.load(FreeDict.DEFAULT_DIR, english, cache);
        Translators uncached = Translators.load(FreeDict.DEFAULT_DIR, english);

        assertThat(cache.file("dictionaries", Translators.key(FreeDict.DEFAULT_DIR))).exists();
        QUESTIONS.forEach((lang, questions) -> questions.forEach(q -> {
            Map<String, Float> expected = uncached.get(lang).orElseThrow().translate(q);
            assertThat(built.get(lang).orElseThrow().translate(q)).as(lang + ": " + q).isEqualTo(expected);
            assertThat(read.get(lang).orElseThrow().translate(q)).as(lang + ": " + q).isEqualTo(expected);
        }));
        assertThat(read.get("pl").orElseThrow().describe()).isEqualTo(uncached.get("pl").orElseThrow().describe());
    }

    @Test
    void anUpgradedOrRemovedDictionaryIsANewKey(@TempDir Path dictDir) throws Exception {
        Path index = Files.writeString(dictDir.resolve("freedict-fra-eng.index"), "x\tA\tB\n");
        Files.writeString(dictDir.resolve("freedict-fra-eng.dict.dz"), "");
        var before = Translators.key(dictDir);

        Files.setLastModifiedTime(index, FileTime.fromMillis(Files.getLastModifiedTime(index).toMillis() + 60_000));
        var touched = Translators.key(dictDir);
        Files.delete(index);
        var removed = Translators.key(dictDir);

        assertThat(Translators.key(dictDir)).isEqualTo(removed);
        assertThat(List.of(before, touched, removed)).doesNotHaveDuplicates();
    }
}
