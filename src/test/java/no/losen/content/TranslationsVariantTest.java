package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's SMS form ({@code k.sms}) is taken where the reader's language has it; else their own
 * language's full text; only a language that has neither falls back, again short form first.
 */
class TranslationsVariantTest {

    private static final Origin AT = Origin.UNKNOWN;

    private static Text t(String s) {
        return new Text(s, "reviewed", null, null, null, AT);
    }

    private static Translations translations(Map<String, Map<String, Text>> extra) {
        Map<String, Language> langs = Map.of("nb", new Language("nb", "Norsk", "ltr", "reviewed"),
                "en", new Language("en", "English", "ltr", "reviewed"), "fr", new Language("fr", "Français", "ltr", "draft"),
                "pl", new Language("pl", "Polski", "ltr", "draft"));
        Map<String, Map<String, Text>> texts = new HashMap<>();
        texts.put("nb", new HashMap<>(Map.of("k", t("Lang tekst"), "k.sms", t("Kort"))));
        texts.put("en", new HashMap<>(Map.of("k", t("Long text"), "k.sms", t("Short"))));
        texts.put("fr", new HashMap<>(Map.of("k", t("Texte long"))));
        texts.put("pl", new HashMap<>());
        extra.forEach((l, m) -> texts.get(l).putAll(m));
        return new Translations(langs, texts, List.of("en", "nb"));
    }

    @Test
    void theReadersOwnShortFormIsTakenAndMarkedAsAVariant() {
        Translations.Found f = translations(Map.of()).find("nb", "k", Translations.SMS).orElseThrow();
        assertThat(f.text().text()).isEqualTo("Kort");
        assertThat(f.lang()).isEqualTo("nb");
        assertThat(f.variant()).isTrue();
    }

    @Test
    void aLanguageWithoutAShortFormKeepsItsOwnFullTextRatherThanAnotherLanguagesShortForm() {
        Translations.Found f = translations(Map.of()).find("fr", "k", Translations.SMS).orElseThrow();
        assertThat(f.text().text()).isEqualTo("Texte long");
        assertThat(f.lang()).isEqualTo("fr");
        assertThat(f.variant()).isFalse();
    }

    @Test
    void aLanguageWithNeitherFallsBackAlongTheChainShortFormFirst() {
        Translations.Found f = translations(Map.of()).find("pl", "k", Translations.SMS).orElseThrow();
        assertThat(f.text().text()).isEqualTo("Short");
        assertThat(f.lang()).isEqualTo("en");
    }

    @Test
    void aStaleShortFormIsSkippedForTheFullTextOfTheSameLanguage() {
        Text stale = new Text("Court", "reviewed", Fingerprint.of("Gammel kort"), null, null, AT);
        Translations tr = translations(Map.of("fr", Map.of("k.sms", stale)));
        assertThat(tr.find("fr", "k", Translations.SMS).orElseThrow().text().text()).isEqualTo("Texte long");
    }

    @Test
    void anEmptySourceFormLeavesTheTextOutInEveryLanguage() {
        Translations tr = translations(Map.of("nb", Map.of("k.sms", t(""))));
        for (String lang : List.of("nb", "en", "fr", "pl")) {
            Translations.Found f = tr.find(lang, "k", Translations.SMS).orElseThrow();
            assertThat(f.text().text()).isEmpty();
            assertThat(f.lang()).isEqualTo(lang);
        }
        assertThat(tr.find("fr", "k").orElseThrow().text().text()).isEqualTo("Texte long");
    }

    @Test
    void withoutAVariantAndForTheWebTheFullTextIsFound() {
        Translations tr = translations(Map.of());
        assertThat(tr.find("nb", "k", null).orElseThrow().text().text()).isEqualTo("Lang tekst");
        assertThat(tr.find("nb", "k").orElseThrow().text().text()).isEqualTo("Lang tekst");
        assertThat(tr.find("nb", "other", Translations.SMS)).isEmpty();
    }

    @Test
    void aVariantKeyNamesTheKeyItShortens() {
        assertThat(Translations.variantOf("rights.asylum.text.sms")).isEqualTo("rights.asylum.text");
        assertThat(Translations.variantOf("sms.answer")).isNull();
        assertThat(Translations.variantOf(".sms")).isNull();
    }
}
