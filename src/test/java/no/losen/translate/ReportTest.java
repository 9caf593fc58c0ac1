package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator's table. */
class ReportTest {

    @TempDir
    Path dir;

    @Test
    void countsPerLanguageAddUp() {
        Path root = TrFixture.root(dir);
        // One fr text reviewed for the current source, one made from an older source.
        TrFixture.edit(root.resolve("translations/fr.yaml"), "keys:\n", "keys:\n"
                + "  demo.hello: {text: \"Salut\", status: reviewed, source: \"" + no.losen.content.Fingerprint.of("Hei! Hva gjelder det?")
                + "\", reviewer: \"t\", reviewed: \"2026-11-23\"}\n"
                + "  demo.adult: {text: \"Adulte\", status: draft, source: \"000000000000\"}\n");
        Report r = new Report(TrFixture.catalog(root));
        Report.Line fr = r.lines().stream().filter(l -> l.lang().equals("fr")).findFirst().orElseThrow();
        assertThat(fr.reviewed()).isEqualTo(1);
        assertThat(fr.stale()).isEqualTo(1);
        assertThat(fr.draft()).isEqualTo(1);               // common.choose-one, without a fingerprint
        assertThat(fr.unverified()).isEqualTo(1);
        assertThat(fr.translated()).isEqualTo(3);
        assertThat(fr.missing()).isEqualTo(fr.total() - 3);
        assertThat(r.gaps()).anySatisfy(g -> {
            assertThat(g.dialog()).isEqualTo("demo");
            assertThat(g.lang()).isEqualTo("fr");
            assertThat(g.stale()).isEqualTo(1);
        });
        assertThat(r.lines()).extracting(Report.Line::lang).doesNotContain("nb");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("lang  name").contains("translated").contains("stale").contains("missing")
                .contains("Not fully available").contains("demo").contains("3 orphaned keys (remove with: translations prune)");
    }

    @Test
    void aMissingShortFormIsWorkToDoButNoGapWhileTheFullTextIsThere() {
        Path root = TrFixture.root(dir);
        TrFixture.edit(root.resolve("translations/demo/nb.yaml"), "  demo.emergency: Ring 112.\n",
                "  demo.emergency: Ring 112.\n  demo.hello.sms: Hei!\n");
        Report r = new Report(TrFixture.catalog(root));
        Report.Line en = r.lines().stream().filter(l -> l.lang().equals("en")).findFirst().orElseThrow();
        assertThat(en.missing()).isEqualTo(1);   // demo.hello.sms, to translate
        assertThat(r.gaps()).noneSatisfy(g -> assertThat(g.lang()).isEqualTo("en"));
    }
}
