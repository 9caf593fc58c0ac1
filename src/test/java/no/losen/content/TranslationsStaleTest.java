package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A translation of an nb text that has since changed is stale, and (by default) not served. */
class TranslationsStaleTest {

    private static final Origin AT = Origin.UNKNOWN;

    private static Translations translations(Text fr) {
        Map<String, Language> langs = Map.of("nb", new Language("nb", "Norsk", "ltr", "reviewed"),
                "en", new Language("en", "English", "ltr", "reviewed"), "fr", new Language("fr", "Français", "ltr", "draft"));
        return new Translations(langs, Map.of(
                "nb", Map.of("k", new Text("Ny tekst", "reviewed", null, null, null, AT)),
                "en", Map.of("k", new Text("New text", "reviewed", Fingerprint.of("Ny tekst"), null, null, AT)),
                "fr", Map.of("k", fr)), List.of("en", "nb"));
    }

    @Test
    void aTranslationOfTheCurrentSourceIsServed() {
        Translations t = translations(new Text("Nouveau texte", "reviewed", Fingerprint.of("Ny tekst"), "r1", "2026-11-23", AT));
        assertThat(t.stale("fr", "k")).isFalse();
        assertThat(t.find("fr", "k").orElseThrow().lang()).isEqualTo("fr");
    }

    @Test
    void aTranslationOfAnOlderSourceIsStaleAndFallsBack() {
        Translations t = translations(new Text("Ancien texte", "reviewed", Fingerprint.of("Gammel tekst"), "r1", "2026-01-01", AT));
        assertThat(t.stale("fr", "k")).isTrue();
        assertThat(t.find("fr", "k").orElseThrow().lang()).isEqualTo("en");
    }

    @Test
    void withStaleFallbackOffTheStaleTextIsServed() {
        Translations t = translations(new Text("Ancien texte", "reviewed", Fingerprint.of("Gammel tekst"), null, null, AT))
                .withStaleFallback(false);
        assertThat(t.staleFallback()).isFalse();
        assertThat(t.find("fr", "k").orElseThrow().text().text()).isEqualTo("Ancien texte");
        assertThat(t.withFallback(List.of("nb")).staleFallback()).isFalse();
    }

    @Test
    void aTranslationWithoutARecordedSourceIsNotStale() {
        Translations t = translations(new Text("Texte", "draft", null, null, null, AT));
        assertThat(t.stale("fr", "k")).isFalse();
        assertThat(t.find("fr", "k").orElseThrow().lang()).isEqualTo("fr");
    }

    @Test
    void statusStaleInTheFileIsStale() {
        Translations t = translations(new Text("Texte", "stale", null, null, null, AT));
        assertThat(t.stale("fr", "k")).isTrue();
    }

    @Test
    void theSourceLanguageIsNeverStale() {
        Translations t = translations(new Text("Texte", "draft", null, null, null, AT));
        assertThat(t.stale("nb", "k")).isFalse();
        assertThat(t.sourceFingerprint("k")).contains(Fingerprint.of("Ny tekst"));
    }
}
