package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLIFF 2.0 as CAT tools exchange it, read safely. */
class XliffFormatTest {

    @TempDir
    Path dir;

    private static Map<String, List<Row>> rows(Row... rows) {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        m.put("demo", List.of(rows));
        return m;
    }

    private static final Row STALE = new Row("demo.a", "A < B & \"C\"\nlinje 2", "A < B", "قديم <b>", "stale",
            "Shown in: demo/a.", "0123456789ab", "rev-1", 0);

    @Test
    void writesXliff20WithNotesAndStates() {
        String x = XliffFormat.write("ar", rows(STALE, new Row("demo.b", "B", "", "", "missing", "n", "0123456789ac", "", 0),
                new Row("demo.c", "C", "", "ج", "reviewed", "n", "0123456789ad", "r", 0),
                new Row("demo.d", "D", "", "د", "draft", "n", "0123456789ae", "", 0)));
        assertThat(x).contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"nb\" trgLang=\"ar\">")
                .contains("<file id=\"demo\">").contains("<unit id=\"demo.a\">")
                .contains("<note category=\"fingerprint\">0123456789ab</note>")
                .contains("<segment state=\"initial\" subState=\"losen:stale\">")
                .contains("A &lt; B &amp; \"C\"\nlinje 2</source>").contains("قديم &lt;b&gt;</target>")
                .contains("<segment state=\"reviewed\">").contains("<segment state=\"translated\">");
        // A missing key has no target at all.
        assertThat(x.substring(x.indexOf("demo.b"), x.indexOf("demo.c"))).doesNotContain("<target");
    }

    @Test
    void readsBackWhatItWrote() {
        Exchange x = XliffFormat.read(XliffFormat.write("ar", rows(STALE)));
        assertThat(x.problems()).isEmpty();
        assertThat(x.lang()).isEqualTo("ar");
        assertThat(x.rows()).singleElement().isEqualTo(new Row("demo.a", STALE.nb(), "A < B", "قديم <b>", "stale",
                "Shown in: demo/a.", "0123456789ab", "rev-1", 4));
    }

    @Test
    void aToolThatSplitsAUnitIntoSegmentsIsJoinedAgainAndTheLeastFinishedStateWins() {
        String xml = """
                <?xml version="1.0"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="nb" trgLang="fr">
                 <file id="f"><unit id="demo.a">
                  <segment state="final"><source>Hei.</source><target>Salut.</target></segment>
                  <ignorable><source> </source></ignorable>
                  <segment state="translated"><source>Ha det.</source><target>Au revoir.</target></segment>
                 </unit></file>
                </xliff>
                """;
        Exchange x = XliffFormat.read(xml);
        assertThat(x.problems()).isEmpty();
        assertThat(x.rows()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("Salut. Au revoir.");
            assertThat(r.nb()).isEqualTo("Hei. Ha det.");
            assertThat(r.status()).isEqualTo("draft");
            assertThat(r.line()).isEqualTo(3);
        });
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"nb\" trgLang=\"fr\">"
                + "<file id=\"f\"><unit id=\"demo.a\"><segment state=\"translated\"><source>a</source>"
                + "<target>&x;</target></segment></unit></file></xliff>";
        Exchange x = XliffFormat.read(xml);
        assertThat(x.rows()).noneMatch(r -> r.target().contains("TOPSECRET"));
        assertThat(x.problems()).singleElement().asString().contains("DOCTYPE is not allowed");
    }

    @Test
    void inlineMarkupAndOtherFilesAreRefusedWithTheLine() {
        String inline = """
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="nb" trgLang="fr">
                <file id="f"><unit id="demo.a"><segment state="translated"><source>a</source>
                <target>x <ph id="1"/> y</target></segment></unit></file></xliff>
                """;
        assertThat(XliffFormat.read(inline).problems()).singleElement().asString().startsWith("3: <ph> inside a text");
        assertThat(XliffFormat.read("<xliff version=\"1.2\"/>").problems()).singleElement().asString().contains("not an XLIFF 2.0");
        assertThat(XliffFormat.read("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file>")
                .problems()).singleElement().asString().contains("not well-formed");
    }
}
