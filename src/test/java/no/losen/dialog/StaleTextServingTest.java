package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a translation is stale, and how facts sit inside right-to-left text. */
class StaleTextServingTest {

    @TempDir
    Path dir;

    private Engine engine(boolean staleFallback) {
        Path root = Fixtures.copyOfBasic(dir.resolve(staleFallback ? "on" : "off"));
        // The Arabic greeting was translated from an older Norwegian text.
        Fixtures.write(root.resolve("translations/ar.yaml"), """
                meta: {name: العربية, dir: rtl, status: draft}
                keys:
                  demo.hello: {text: "مرحبا", status: reviewed, source: "000000000000", reviewer: "t"}
                  demo.health.call: "اتصل بـ {who} على {@rosa}."
                  demo.summary: "العلامات: {signs}"
                  demo.slip: ورقة
                  fact.rosa.name: روزا
                """);
        Loaded l = ContentLoader.load(root);
        assertThat(l.errors()).isEmpty();
        DialogSet set = new DialogSet(l.set().dialogs(), l.set().translations().withStaleFallback(staleFallback), l.set().facts());
        return new Engine(set, Map.of());
    }

    @Test
    void aStaleTranslationIsReplacedByTheFallbackLanguage() {
        Reply r = engine(true).start("demo", "ar", false).reply();
        assertThat(r.text()).contains("Hello! What is it about?").doesNotContain("مرحبا");
        assertThat(r.fallbacks()).contains("demo.hello@en");
    }

    @Test
    void servedAnywayAStaleTranslationIsMarkedAsNotReviewed() {
        Reply r = engine(false).start("demo", "ar", false).reply();
        assertThat(r.text()).contains("مرحبا");
        assertThat(r.draft()).isTrue();
    }

    @Test
    void aPhoneNumberInsideRightToLeftTextIsIsolated() {
        Engine e = engine(true);
        Engine.Turn t = e.start("demo", "ar", false);
        Reply r = e.apply(t.session(), Command.Choose.one("adult")).reply();
        assertThat(r.text()).contains("على \u206822 33 11 60\u2069.");
    }
}
