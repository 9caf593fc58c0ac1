package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import no.losen.content.Fingerprint;
import no.losen.content.Text;
import no.losen.content.Translations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coordinator's whole cycle, for a left-to-right (fr) and a right-to-left (ar) language in
 * both formats: export what is missing, have it translated, import (refused whole while a
 * placeholder is lost or an SMS text is over budget), fix and import, edit the Norwegian source
 * so a translation goes stale, export the stale keys, translate again, and prune the orphans.
 */
class RoundTripTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("fr", Exporter.Format.CSV), Arguments.of("fr", Exporter.Format.XLIFF),
                Arguments.of("ar", Exporter.Format.CSV), Arguments.of("ar", Exporter.Format.XLIFF));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void exportTranslateImportStalePrune(String lang, Exporter.Format format) {
        Path root = TrFixture.root(dir);
        String fileName = "losen-" + lang + (format == Exporter.Format.CSV ? ".csv" : ".xlf");
        String prefix = lang.equals("fr") ? "(fr) " : "بالعربية: ";

        // 1. Export what is missing. Orphans are not offered for translation.
        Catalog c = TrFixture.catalog(root);
        String exported = new Exporter(c).export(lang, format, EnumSet.of(State.MISSING));
        List<Row> rows = read(exported, format).rows();
        assertThat(rows).extracting(Row::key).contains("demo.health", "demo.health.call")
                .doesNotContain("demo.old-step", "demo.removed");
        assertThat(rows).allMatch(r -> r.status().equals("missing") && r.target().isEmpty());
        assertThat(rows).allMatch(r -> r.fingerprint().equals(Fingerprint.of(c.set().translations().keys("nb").get(r.key()).text())));
        Row call = rows.stream().filter(r -> r.key().equals("demo.health.call")).findFirst().orElseThrow();
        assertThat(call.note()).contains("demo/health").contains("{@rosa} is").contains("SMS");
        assertThat(call.en()).isEqualTo("Call {who} on {@rosa}.");

        // 2. The translator returns it with two mistakes: a lost placeholder, and a text far over the SMS budget.
        String longText = prefix + "ê ".repeat(300);
        List<Row> translated = edit(rows, r -> switch (r.key()) {
            case "demo.health.call" -> with(r, prefix + "{who}", "draft");
            case "demo.health" -> with(r, longText, "draft");
            default -> with(r, prefix + r.nb(), "draft");
        });
        String returned = write(lang, translated, format);
        Map<Path, String> before = snapshot(root);
        Importer.Result refused = importer(root).plan(read(returned, format), fileName);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.writes()).isEmpty();
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e)
                .startsWith(fileName + ":" + line(read(returned, format), "demo.health.call") + ": 'demo.health.call'")
                .contains("placeholders differ").contains("missing {@rosa}"));
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e)
                .startsWith(fileName + ":" + line(read(returned, format), "demo.health") + ": 'demo.health'")
                .contains("too long for SMS"));
        Importer.write(refused);
        assertThat(snapshot(root)).isEqualTo(before);

        // 3. Fixed, it imports; new keys go beside the nb key's file, existing ones stay where they are.
        List<Row> fixed = edit(translated, r -> switch (r.key()) {
            case "demo.health.call" -> with(r, prefix + "{who} {@rosa}", "draft");
            case "demo.health" -> with(r, prefix + r.nb(), "draft");
            default -> r;
        });
        Importer.Result ok = importer(root).plan(read(write(lang, fixed, format), format), fileName);
        assertThat(ok.errors()).isEmpty();
        assertThat(ok.changes()).hasSize(fixed.size()).allMatch(s -> s.startsWith("added"));
        Importer.write(ok);
        Catalog after = TrFixture.catalog(root);
        Text hello = after.set().translations().keys(lang).get("demo.hello");
        if (lang.equals("ar")) {
            // ar had demo.hello in its shared file; it was not one of the missing keys, so it is untouched.
            assertThat(hello.origin().file()).isEqualTo("translations/ar.yaml");
            assertThat(hello.text()).isEqualTo("مرحبا");
        }
        Text health = after.set().translations().keys(lang).get("demo.health");
        assertThat(health.origin().file()).isEqualTo("translations/demo/" + lang + ".yaml");
        assertThat(health.text()).isEqualTo(prefix + "Du kan få helsehjelp.");
        assertThat(health.status()).isEqualTo("draft");
        assertThat(health.source()).isEqualTo(Fingerprint.of("Du kan få helsehjelp."));
        assertThat(after.entry("demo.health", lang).state()).isEqualTo(State.DRAFT);
        assertThat(after.entries(lang)).noneMatch(e -> e.state() == State.MISSING && e.key().startsWith("demo."));

        // 4. The Norwegian source changes: the translation is stale, reported, and served from the fallback.
        TrFixture.edit(root.resolve("translations/demo/nb.yaml"), "demo.health: Du kan få helsehjelp.",
                "demo.health: Du kan få gratis helsehjelp.");
        no.losen.dialog.load.Loaded reloaded = TrFixture.load(root);
        assertThat(reloaded.problems()).anySatisfy(p -> assertThat(p.toString())
                .startsWith("translations/demo/" + lang + ".yaml:").contains("warning: " + lang + " 'demo.health' is stale"));
        Catalog edited = new Catalog(reloaded.set());
        assertThat(edited.entry("demo.health", lang).state()).isEqualTo(State.STALE);
        Report.Line line = new Report(edited).lines().stream().filter(l -> l.lang().equals(lang)).findFirst().orElseThrow();
        assertThat(line.stale()).isEqualTo(1);
        Translations tr = edited.set().translations();
        assertThat(tr.find(lang, "demo.health").orElseThrow().lang()).isEqualTo("en");
        assertThat(tr.withStaleFallback(false).find(lang, "demo.health").orElseThrow().lang()).isEqualTo(lang);
        String staleExport = new Exporter(edited).export(lang, format, EnumSet.of(State.STALE));
        List<Row> staleRows = read(staleExport, format).rows();
        assertThat(staleRows).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("demo.health");
            assertThat(r.status()).isEqualTo("stale");
            assertThat(r.nb()).isEqualTo("Du kan få gratis helsehjelp.");
            assertThat(r.target()).isEqualTo(prefix + "Du kan få helsehjelp.");
        });
        // Returned untouched, a stale text stays stale: nobody said it still fits.
        Importer.Result untouched = importer(root).plan(read(staleExport, format), fileName);
        assertThat(untouched.changes()).isEmpty();
        // Translated again and marked reviewed, it is current.
        List<Row> retranslated = edit(staleRows, r -> new Row(r.key(), r.nb(), r.en(), prefix + "gratis " + r.nb(), "reviewed",
                r.note(), r.fingerprint(), "coord-" + lang, 0));
        Importer.Result again = importer(root).plan(read(write(lang, retranslated, format), format), fileName);
        assertThat(again.errors()).isEmpty();
        assertThat(again.changes()).singleElement().asString().startsWith("updated").contains("demo.health");
        Importer.write(again);
        Catalog fresh = TrFixture.catalog(root);
        Entry e = fresh.entry("demo.health", lang);
        assertThat(e.state()).isEqualTo(State.REVIEWED);
        assertThat(e.target().reviewer()).isEqualTo("coord-" + lang);
        assertThat(e.target().reviewed()).isEqualTo("2026-11-23");

        // 5. Orphans: reported, refused on import, removed by prune without touching anything else.
        assertThat(fresh.orphans()).extracting(o -> o.lang() + " " + o.key())
                .contains("nb demo.old-step", "fr demo.old-step", "ar demo.removed");
        List<Row> orphanRow = List.of(new Row("demo.removed", "", "", prefix + "x", "draft", "", "", "", 0));
        assertThat(importer(root).plan(read(write(lang, orphanRow, format), format), fileName).errors())
                .anySatisfy(m -> assertThat(m).contains("'demo.removed' is not a key of the Norwegian source"));
        Map<Path, String> pruned = new Maintenance(root, fresh).prune(fresh.orphans());
        Maintenance.write(pruned);
        Catalog clean = TrFixture.catalog(root);
        assertThat(clean.orphans()).isEmpty();
        assertThat(clean.entry("demo.health", lang).state()).isEqualTo(State.REVIEWED);
        assertThat(TrFixture.read(root.resolve("translations/fr.yaml"))).contains("# Français: métadonnées et mots partagés.")
                .contains("common.choose-one: Choisissez une option.").doesNotContain("old-step");
    }

    private Importer importer(Path root) {
        return new Importer(root, TrFixture.catalog(root), null, TODAY);
    }

    static Exchange read(String text, Exporter.Format format) {
        return format == Exporter.Format.CSV ? CsvFormat.read(text, null) : XliffFormat.read(text);
    }

    static String write(String lang, List<Row> rows, Exporter.Format format) {
        if (format == Exporter.Format.CSV) {
            return CsvFormat.write(lang, rows);
        }
        Map<String, List<Row>> byArea = new LinkedHashMap<>();
        byArea.put("demo", rows);
        return XliffFormat.write(lang, byArea);
    }

    static List<Row> edit(List<Row> rows, Function<Row, Row> f) {
        List<Row> out = new ArrayList<>();
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }

    static Row with(Row r, String target, String status) {
        return new Row(r.key(), r.nb(), r.en(), target, status, r.note(), r.fingerprint(), r.reviewer(), 0);
    }

    private static int line(Exchange x, String key) {
        return x.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().line();
    }

    private static Map<Path, String> snapshot(Path root) {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = java.nio.file.Files.walk(root.resolve("translations"))) {
            s.filter(java.nio.file.Files::isRegularFile).sorted().forEach(p -> out.put(p, TrFixture.read(p)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
