package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a translated text must satisfy: placeholders, SMS budget, direction. */
class TextChecksTest {

    @TempDir
    Path dir;

    private Catalog c;

    @BeforeEach
    void load() {
        c = TrFixture.catalog(TrFixture.root(dir));
    }

    private List<TextChecks.Finding> check(String key, String lang, String target) {
        boolean rtl = c.set().translations().language(lang).orElseThrow().rtl();
        return new TextChecks(c.set()).check(c.entry(key, lang), target, rtl);
    }

    @Test
    void keepingThePlaceholdersPasses() {
        assertThat(check("demo.health.call", "fr", "Appelez {who} au {@rosa}.")).isEmpty();
    }

    @Test
    void aLostOrAddedPlaceholderIsAnError() {
        assertThat(check("demo.health.call", "fr", "Appelez {qui} au {@rosa}.")).singleElement().satisfies(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.message()).contains("missing {who}").contains("not in the source {qui}");
        });
    }

    @Test
    void aTextOverTheSmsBudgetIsAnErrorWhenTheSourceFits() {
        String over = "Vous pouvez être aidé. ".repeat(10);   // ê: UCS-2, 230 characters, 4 segments
        assertThat(check("demo.health", "fr", over)).singleElement().satisfies(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.message()).contains("too long for SMS: 4 segments").contains("budget is 3");
        });
        assertThat(check("demo.health", "fr", "Vous pouvez etre aide. ".repeat(10))).isEmpty();   // GSM-7: 2 segments
    }

    @Test
    void anSmsFormLongerThanTheRoomItsNodeLeavesIsAWarning() throws Exception {
        Path root = TrFixture.root(dir.resolve("short"));
        Files.createDirectories(root.resolve("translations/sms"));
        for (String lang : new String[] {"nb", "en", "ar"}) {
            Files.copy(Path.of("translations/sms/" + lang + ".yaml"), root.resolve("translations/sms/" + lang + ".yaml"));
        }
        TrFixture.edit(root.resolve("translations/demo/nb.yaml"), "  demo.emergency: Ring 112.\n",
                "  demo.emergency: Ring 112.\n  demo.health.sms: Helsehjelp.\n");
        Catalog shortForms = TrFixture.catalog(root);
        TextChecks t = new TextChecks(shortForms.set());
        // ar (UCS-2): 3 × 67 = 201 units for the whole node, of which its other lines take about a hundred.
        assertThat(t.check(shortForms.entry("demo.health.sms", "ar"), "مساعدة صحية.", true)).isEmpty();
        String over = "مساعدة صحية. ".repeat(12).strip();   // 155 units: 3 segments alone, too long beside the rest
        assertThat(t.check(shortForms.entry("demo.health.sms", "ar"), over, true)).singleElement().satisfies(f -> {
            assertThat(f.error()).isFalse();
            assertThat(f.message()).startsWith("the SMS form is 155 characters; about ").contains("validate says");
        });
    }

    @Test
    void factsAreCountedAtTheirLengthInSms() {
        TextChecks t = new TextChecks(c.set());
        assertThat(t.filled("Ring {who} på {@rosa}.")).isEqualTo("Ring {who} på 22 33 11 60.");
    }

    @Test
    void rightToLeftChecksRunOnlyForRightToLeftLanguages() {
        assertThat(check("demo.health", "ar", "يمكنك \u2068الحصول")).anySatisfy(f -> assertThat(f.error()).isTrue());
        assertThat(check("demo.health", "fr", "Vous \u2068pouvez")).isEmpty();
    }
}
