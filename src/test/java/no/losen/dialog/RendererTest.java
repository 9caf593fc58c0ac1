package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.content.Origin;
import no.losen.content.Text;
import no.losen.content.Translations;
import org.junit.jupiter.api.Test;

/** Placeholders, facts and plurals, as one reader sees them. */
class RendererTest {

    private final DialogSet fixture = Fixtures.basic().set();

    private Renderer renderer(String lang, String key, String text, Map<String, Object> vars) {
        Translations t = fixture.translations();
        Map<String, Map<String, Text>> texts = new HashMap<>();
        for (String l : t.codes()) {
            texts.put(l, new HashMap<>(t.keys(l)));
        }
        texts.get(lang).put(key, new Text(text, "reviewed", null, null, null, Origin.UNKNOWN));
        DialogSet set = new DialogSet(fixture.dialogs(), new Translations(t.languages(), texts, t.fallback()), fixture.facts());
        return new Renderer(set, set.dialog("demo").orElseThrow(), lang, vars);
    }

    @Test
    void aPluralTakesTheFormItsCountNeedsWithTheNumberForHash() {
        String en = "{signs, plural, one {# sign} other {# signs}} ticked";
        assertThat(renderer("en", "x", en, Map.of("signs", List.of("debt"))).text("x")).isEqualTo("1 sign ticked");
        assertThat(renderer("en", "x", en, Map.of("signs", List.of("debt", "fixer"))).text("x")).isEqualTo("2 signs ticked");
        assertThat(renderer("en", "x", en, Map.of()).text("x")).isEqualTo("0 signs ticked");
    }

    @Test
    void arabicPluralsUseTheirOwnFormsAndFallBackToOther() {
        String ar = "{n, plural, zero {لا أيام} one {يوم واحد} two {يومان} few {# أيام} other {# يومًا}}";
        assertThat(renderer("ar", "x", ar, Map.of("n", 2)).text("x")).isEqualTo("يومان");
        assertThat(renderer("ar", "x", ar, Map.of("n", "7")).text("x")).isEqualTo("7 أيام");
        assertThat(renderer("ar", "x", ar, Map.of("n", 11)).text("x")).isEqualTo("11 يومًا");
    }

    @Test
    void factsAndVariablesFillTheirPlaceholders() {
        assertThat(renderer("en", "x", "Call {@rosa} ({@rosa.url}), {note}", Map.of("note", "today")).text("x"))
                .isEqualTo("Call 22 33 11 60 (https://rosa-help.no), today");
        assertThat(renderer("en", "x", "Note: {note}", Map.of()).text("x")).isEqualTo("Note: not asked");
    }
}
