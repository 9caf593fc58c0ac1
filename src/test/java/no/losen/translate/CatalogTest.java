package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where keys are used, what each language needs, and what is orphaned. */
class CatalogTest {

    @TempDir
    Path dir;

    @Test
    void usesNameDialogNodeChannelAndResidentReading() {
        Catalog c = new Catalog(Fixtures.basic().set());
        Usage u = c.usage();
        assertThat(u.of("demo.health.call")).extracting(Use::toString)
                .containsExactly("demo/health (web widget and SMS)");
        assertThat(u.of("demo.who")).isNotEmpty();       // a parameter's value is a key that is shown
        assertThat(u.of("demo.summary")).extracting(Use::toString).contains("demo/summary (web widget and SMS, read by the resident)");
        assertThat(u.of("demo.slip")).extracting(Use::channel).contains("printed card");
        assertThat(u.of("common.choose-one")).extracting(Use::dialog).containsExactly("engine");
        assertThat(u.of("fact.rosa.name")).extracting(Use::dialog).containsExactly("facts");
        assertThat(u.sms("demo.hello")).isTrue();
        assertThat(u.of("demo.note.ask").get(0).sms()).isTrue();
        assertThat(u.sms("demo.title")).isFalse();
    }

    @Test
    void aLanguageNeedsTheKeysOfTheDialogsItIsOfferedIn() {
        Path root = Fixtures.copyOfBasic(dir);
        // With demo offered in nb and en only, ar needs just what demo-staff reads to the resident (demo.hello).
        TrFixture.edit(root.resolve("dialogs/demo.yaml"), "languages: [nb, en, ar]", "languages: [nb, en]");
        Catalog c = TrFixture.catalog(root);
        assertThat(c.usage().neededIn("demo.adult", "ar")).isFalse();
        assertThat(c.usage().neededIn("demo.adult", "en")).isTrue();
        assertThat(c.usage().neededIn("demo.hello", "ar")).isTrue();
        assertThat(c.entries("ar")).extracting(Entry::key).doesNotContain("demo.adult");
        TrFixture.edit(root.resolve("dialogs/demo.yaml"), "languages: [nb, en]", "languages: [nb, en, ar]");
        c = TrFixture.catalog(root);
        assertThat(c.usage().neededIn("demo.adult", "ar")).isTrue();
        assertThat(c.entries("ar")).extracting(Entry::key).contains("demo.hello", "common.choose-one");
        assertThat(c.entries("ar")).filteredOn(e -> e.key().equals("demo.hello")).singleElement()
                .satisfies(e -> {
                    assertThat(e.state()).isEqualTo(State.DRAFT);
                    assertThat(e.unverified()).isTrue();
                    assertThat(e.nbFile()).isEqualTo("translations/demo/nb.yaml");
                    assertThat(e.area()).isEqualTo("demo");
                });
        assertThat(c.entry("common.choose-one", "ar").area()).isEqualTo("shared");
        assertThat(c.entry("demo.adult", "ar").state()).isEqualTo(State.MISSING);
    }

    @Test
    void orphansAreDialogKeysNoDialogUsesAndTranslationsWithoutSource() {
        Catalog c = TrFixture.catalog(TrFixture.root(dir));
        assertThat(c.orphans()).extracting(o -> o.lang() + " " + o.key()).containsExactlyInAnyOrder(
                "nb demo.old-step", "fr demo.old-step", "ar demo.removed");
        assertThat(c.orphans()).filteredOn(o -> o.lang().equals("ar")).singleElement().asString()
                .startsWith("translations/ar.yaml:6: ar 'demo.removed': no Norwegian source text");
        assertThat(c.entries("fr")).extracting(Entry::key).doesNotContain("demo.old-step");
        assertThat(c.orphanSource("common.choose-one")).isFalse();
    }

    @Test
    void theSmsChannelsOwnWordsHaveAnSmsBudget() {
        Path root = Fixtures.copyOfBasic(dir);
        Fixtures.write(root.resolve("translations/sms/nb.yaml"), "keys:\n  sms.help: Svar med et tall.\n");
        Catalog c = TrFixture.catalog(root);
        assertThat(c.usage().of("sms.help")).extracting(Use::toString).containsExactly("sms (SMS channel)");
        assertThat(c.entry("sms.help", "ar").smsBudget()).isTrue();
        assertThat(c.orphans()).isEmpty();
    }

    @Test
    void aShortSmsFormIsUsedWhereItsFullTextTravelsBySmsAndATranslatorIsToldItsRoom() {
        Path root = TrFixture.root(dir);
        TrFixture.edit(root.resolve("translations/demo/nb.yaml"), "  demo.emergency: Ring 112.\n",
                "  demo.emergency: Ring 112.\n  demo.health.sms: Helsehjelp.\n");
        Catalog c = TrFixture.catalog(root);
        assertThat(c.usage().of("demo.health.sms")).extracting(Use::toString)
                .containsExactly("demo/health (SMS only, short form of demo.health)");
        assertThat(c.usage().sms("demo.health.sms")).isTrue();
        assertThat(c.usage().sms("demo.health")).isFalse();   // SMS sends the short form instead
        assertThat(c.orphans()).extracting(Catalog.Orphan::key).doesNotContain("demo.health.sms");

        Entry e = c.entry("demo.health.sms", "fr");
        assertThat(e.state()).isEqualTo(State.MISSING);
        assertThat(e.shortens()).isEqualTo("demo.health");
        assertThat(c.entries("fr")).extracting(Entry::key).contains("demo.health.sms");
        assertThat(Note.of(e, c.set())).containsPattern("SMS form of demo\\.health, at most \\d{3} characters");
        assertThat(Note.of(c.entry("demo.health", "fr"), c.set())).contains("SMS sends its short form demo.health.sms instead.");
        String xliff = new Exporter(c).export("fr", Exporter.Format.XLIFF, java.util.Set.of(State.MISSING));
        assertThat(xliff).contains("demo.health.sms").contains("Helsehjelp.").contains("SMS form of demo.health, at most ");
    }

    @Test
    void anEmptySmsFormLeavesTheTextOutEverywhereSoNoLanguageNeedsIt() {
        Path root = TrFixture.root(dir);
        TrFixture.edit(root.resolve("translations/demo/nb.yaml"), "  demo.emergency: Ring 112.\n",
                "  demo.emergency: Ring 112.\n  demo.health.minor.sms: \"\"\n");
        Catalog c = TrFixture.catalog(root);
        assertThat(c.usage().leftOut("demo.health.minor.sms")).isTrue();
        assertThat(c.usage().neededIn("demo.health.minor.sms", "fr")).isFalse();
        assertThat(c.entries("fr")).extracting(Entry::key).doesNotContain("demo.health.minor.sms");
        assertThat(c.orphans()).extracting(Catalog.Orphan::key).doesNotContain("demo.health.minor.sms");
    }

    @Test
    void theShippedContentHasNoOrphans() {
        Catalog c = new Catalog(no.losen.dialog.load.ContentLoader.load(Fixtures.REPO).set());
        assertThat(c.orphans()).isEmpty();
    }
}
