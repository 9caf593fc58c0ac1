package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.losen.content.Fingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import's rules, one at a time. */
class ImporterTest {

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void setUp() {
        root = TrFixture.root(dir);
    }

    private Importer.Result plan(String lang, String reviewer, Row... rows) {
        return new Importer(root, TrFixture.catalog(root), reviewer, LocalDate.of(2026, 11, 23))
                .plan(new Exchange(lang, List.of(rows), List.of()), "in.csv");
    }

    private static Row row(String key, String target, String status, int line) {
        return new Row(key, "", "", target, status, "", Fingerprint.of(nb(key)), "", line);
    }

    private static String nb(String key) {
        return switch (key) {
            case "demo.hello" -> "Hei! Hva gjelder det?";
            case "demo.slip" -> "Lapp";
            default -> "Du kan få helsehjelp.";
        };
    }

    @Test
    void anEmptyTargetNeverRemovesATranslation() {
        Importer.Result r = plan("ar", null, row("demo.slip", "  ", "draft", 2));
        assertThat(r.ok()).isTrue();
        assertThat(r.writes()).isEmpty();
        assertThat(r.kept()).singleElement().asString().startsWith("demo.slip");
    }

    @Test
    void returningATextUnchangedChangesNothing() {
        Importer.Result r = plan("ar", null, new Row("demo.slip", "", "", "ورقة", "draft", "", Fingerprint.of("Lapp"), "", 2));
        assertThat(r.changes()).isEmpty();
        assertThat(r.writes()).isEmpty();
    }

    @Test
    void aReviewedTextIsNotDowngradedByAFileThatSaysDraft() {
        Importer.Result first = plan("fr", "coord", row("demo.health", "Soins.", "reviewed", 2));
        Importer.write(first);
        Importer.Result again = plan("fr", null, row("demo.health", "Soins.", "draft", 2));
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void reviewedNeedsAReviewerTagAndRecordsTheDate() {
        Importer.Result none = plan("fr", null, row("demo.health", "Soins.", "reviewed", 7));
        assertThat(none.errors()).singleElement().asString().startsWith("in.csv:7: 'demo.health' is marked reviewed");
        Importer.Result ok = plan("fr", "team-fr", row("demo.health", "Soins.", "final", 7));
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.writes().values()).singleElement().asString()
                .contains("demo.health: {text: \"Soins.\", status: reviewed, source: \"" + Fingerprint.of(nb("demo.health"))
                        + "\", reviewer: \"team-fr\", reviewed: \"2026-11-23\"}");
    }

    @Test
    void everyProblemIsListedAndNothingIsWritten() {
        Importer.Result r = plan("fr", null,
                row("demo.nope", "x", "draft", 2),
                row("demo.health", "Soins.", "draft", 3),
                row("demo.health", "Soins!", "draft", 4),
                row("demo.hello", "Salut", "done", 5),
                new Row("demo.slip", "", "", "Fiche", "draft", "", "12345", "", 6),
                row("", "x", "draft", 8));
        assertThat(r.ok()).isFalse();
        assertThat(r.writes()).isEmpty();
        assertThat(r.errors()).containsExactly(
                "in.csv:2: 'demo.nope' is not a key of the Norwegian source (deleted or renamed?); export again",
                "in.csv:4: 'demo.health' appears twice in the file",
                "in.csv:5: status 'done' is not draft or reviewed",
                "in.csv:6: 'demo.slip': fingerprint '12345' is damaged (12 characters 0-9 a-f); export again",
                "in.csv:8: a row without a key");
    }

    @Test
    void aTranslationOfAnOlderSourceIsImportedAsStaleWithAWarning() {
        Importer.Result r = plan("fr", null, new Row("demo.health", "", "", "Soins.", "draft", "", Fingerprint.of("Gammel"), "", 3));
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains("changed after this file was exported");
        Importer.write(r);
        assertThat(TrFixture.catalog(root).entry("demo.health", "fr").state()).isEqualTo(State.STALE);
    }

    @Test
    void aMissingFingerprintIsTakenAsTheCurrentSourceWithAWarning() {
        Importer.Result r = plan("fr", null, new Row("demo.health", "", "", "Soins.", "draft", "", "", "", 3));
        assertThat(r.warnings()).singleElement().asString().contains("has no fingerprint");
        Importer.write(r);
        assertThat(TrFixture.catalog(root).entry("demo.health", "fr").state()).isEqualTo(State.DRAFT);
    }

    @Test
    void theSourceLanguageAndUnknownLanguagesAreRefused() {
        assertThat(plan("nb", null).errors()).singleElement().asString().contains("nb is the source language");
        assertThat(plan("xx", null).errors()).singleElement().asString().contains("add translations/xx.yaml");
    }

    @Test
    void newKeysGoBesideTheNorwegianFileAndExistingOnesStayWhereTheyAre() {
        Importer.Result r = plan("ar", null, row("demo.hello", "أهلا", "draft", 2), row("demo.health", "صحة", "draft", 3));
        assertThat(r.writes().keySet()).extracting(p -> root.relativize(p).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("translations/ar.yaml", "translations/demo/ar.yaml");
        Importer.write(r);
        assertThat(TrFixture.read(root.resolve("translations/ar.yaml"))).contains("demo.hello: {text: \"أهلا\"")
                .startsWith("meta: {name: العربية, dir: rtl, status: draft}\nkeys:\n");
        assertThat(TrFixture.read(root.resolve("translations/demo/ar.yaml"))).startsWith("# العربية (ar): words written by");
    }
}
