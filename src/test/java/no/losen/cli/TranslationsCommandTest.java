package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losen translations …} as a coordinator types it. */
class TranslationsCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportEditImportReport() throws Exception {
        Path root = Fixtures.copyOfBasic(dir.resolve("content"));
        Path csv = dir.resolve("ar.csv");
        CliRun export = CliRun.of("translations", "export", "ar", "--format", "csv", "--only", "missing", "-o", csv.toString(),
                "--content", root.toString());
        assertThat(export.code()).isZero();
        assertThat(export.out()).startsWith("wrote ").contains(" keys to ");
        String text = Files.readString(csv);
        assertThat(text).startsWith("\uFEFF\"key\",\"nb\",\"en\",\"target:ar\",");
        // The translator fills in one text in the spreadsheet.
        String line = text.lines().filter(l -> l.startsWith("\"demo.adult\",")).findFirst().orElseThrow();
        Files.writeString(csv, text.replace(line, line.replace(",\"\",\"missing\",", ",\"أنا بالغ\",\"draft\",")));
        CliRun imp = CliRun.of("translations", "import", csv.toString(), "--content", root.toString());
        assertThat(imp.err()).isEmpty();
        assertThat(imp.code()).isZero();
        assertThat(imp.out()).contains("added     demo.adult (draft, translations/demo/ar.yaml)").contains("imported 1 texts");
        assertThat(Files.readString(root.resolve("translations/demo/ar.yaml"))).contains("demo.adult: {text: \"أنا بالغ\"");

        CliRun report = CliRun.of("translations", "report", "--content", root.toString());
        assertThat(report.code()).isZero();
        assertThat(report.out()).contains("lang  name").containsPattern("ar +العربية +\\d+ +5 ");
    }

    @Test
    void aRefusedImportExitsOneAndNamesFileAndLine() throws Exception {
        Path root = Fixtures.copyOfBasic(dir.resolve("content"));
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "key,target:ar,status\ndemo.health.call,اتصل,draft\n");
        CliRun r = CliRun.of("translations", "import", csv.toString(), "--content", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(csv + ":2: 'demo.health.call': placeholders differ").contains("nothing imported");
    }

    @Test
    void pruneAndStamp() throws Exception {
        Path root = Fixtures.copyOfBasic(dir.resolve("content"));
        Fixtures.write(root.resolve("translations/ar.yaml"), Files.readString(root.resolve("translations/ar.yaml"))
                + "  demo.gone: ذهب\n");
        CliRun dry = CliRun.of("translations", "prune", "--dry-run", "--content", root.toString());
        assertThat(dry.out()).contains("orphan   translations/ar.yaml:7: ar 'demo.gone'").contains("1 orphaned keys");
        assertThat(Files.readString(root.resolve("translations/ar.yaml"))).contains("demo.gone");
        assertThat(CliRun.of("translations", "prune", "--content", root.toString()).out()).contains("1 orphaned keys removed");
        assertThat(Files.readString(root.resolve("translations/ar.yaml"))).doesNotContain("demo.gone").contains("demo.slip: ورقة");

        CliRun stamp = CliRun.of("translations", "stamp", "ar", "--content", root.toString());
        assertThat(stamp.out()).contains("ar: stamped 4 translations in 1 files");
        assertThat(Files.readString(root.resolve("translations/ar.yaml"))).contains("demo.slip: {text: \"ورقة\", source: \"");
        assertThat(CliRun.of("translations", "report", "--content", root.toString()).out()).containsPattern("ar .* 0\\n");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("translations", "import", dir.resolve("nope.csv").toString(), "--content", Fixtures.BASIC.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("losen: no such file: ").doesNotContain("Exception");
        CliRun bad = CliRun.of("translations", "export", "ar", "--only", "old", "--content", Fixtures.BASIC.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--only takes missing, stale, draft, reviewed");
    }

    @Test
    void validatePrintsTheTranslationReport() {
        CliRun r = CliRun.of("validate", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("translated").contains("reviewed").contains("stale").contains("unverified");
    }
}
