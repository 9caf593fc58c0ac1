package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 as spreadsheets write it. */
class CsvFormatTest {

    private static final Row TRICKY = new Row("demo.k", "Linje 1\nLinje 2, med komma", "Say \"hi\"", "مرحبا; \"سلام\"\n٢",
            "draft", "Shown in: demo/hello (web widget and SMS).", "0123456789ab", "", 0);

    @Test
    void writesABomAHeaderNamingTheLanguageAndCrlfRecords() {
        String csv = CsvFormat.write("ar", List.of(TRICKY));
        assertThat(csv).startsWith("\uFEFF\"key\",\"nb\",\"en\",\"target:ar\",\"status\",\"note\",\"fingerprint\",\"reviewer\"\r\n");
        assertThat(csv).contains("\"Linje 1\nLinje 2, med komma\"").contains("\"Say \"\"hi\"\"\"")
                .as("every field quoted: a spreadsheet splitting at semicolons keeps the cell whole")
                .contains("\"مرحبا; \"\"سلام\"\"\n٢\"").endsWith(",\"0123456789ab\",\"\"\r\n");
    }

    @Test
    void readsBackExactlyWhatItWrote() {
        Exchange x = CsvFormat.read(CsvFormat.write("ar", List.of(TRICKY, TRICKY)), null);
        assertThat(x.problems()).isEmpty();
        assertThat(x.lang()).isEqualTo("ar");
        assertThat(x.rows()).hasSize(2);
        Row r = x.rows().get(0);
        assertThat(r).isEqualTo(new Row(TRICKY.key(), TRICKY.nb(), TRICKY.en(), TRICKY.target(), "draft", TRICKY.note(),
                "0123456789ab", "", 2));
        assertThat(x.rows().get(1).line()).isEqualTo(5);
    }

    @Test
    void aCellThatStartsLikeAFormulaIsWrittenAsTextAndReadsBackAsItWas() {
        Row formulas = new Row("demo.f", "=HYPERLINK(\"http://evil.example\",\"klikk\")", "+47 22 00 00 00", "- a list item",
                "draft", "@note", "", "", 0);
        String csv = CsvFormat.write("ti", List.of(formulas));
        assertThat(csv).contains("\"'=HYPERLINK(").contains(",\"'+47 22 00 00 00\",").contains(",\"'- a list item\",")
                .contains(",\"'@note\",").doesNotContain(",\"=").doesNotContain(",\"+").doesNotContain(",\"-").doesNotContain(",\"@");
        Row back = CsvFormat.read(csv, null).rows().get(0);
        assertThat(List.of(back.nb(), back.en(), back.target(), back.note()))
                .containsExactly(formulas.nb(), formulas.en(), formulas.target(), formulas.note());
        assertThat(CsvFormat.read("key,target:ti\r\ndemo.g,'quoted on purpose\r\n", null).rows().get(0).target())
                .as("an apostrophe before ordinary text is the translator's").isEqualTo("'quoted on purpose");
    }

    @Test
    void readsColumnsByNameInAnyOrderAndSemicolonFiles() {
        String csv = "fingerprint;target (fr);key;status\r\n0123456789ab;\"Bonjour; toi\";demo.hello;draft\r\n";
        Exchange x = CsvFormat.read(csv, null);
        assertThat(x.problems()).isEmpty();
        assertThat(x.lang()).isEqualTo("fr");
        assertThat(x.rows()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("demo.hello");
            assertThat(r.target()).isEqualTo("Bonjour; toi");
            assertThat(r.fingerprint()).isEqualTo("0123456789ab");
        });
    }

    @Test
    void crlfInsideACellBecomesNewline() {
        Exchange x = CsvFormat.read("key,target:fr\r\na,\"un\r\ndeux\"\r\nb,trois\r\n", null);
        assertThat(x.rows()).extracting(Row::target).containsExactly("un\ndeux", "trois");
        assertThat(x.rows()).extracting(Row::line).containsExactly(2, 4);
    }

    @Test
    void theLanguageMayComeFromTheCommandLine() {
        Exchange x = CsvFormat.read("key,target\na,b\n", "ti");
        assertThat(x.problems()).isEmpty();
        assertThat(x.lang()).isEqualTo("ti");
        assertThat(CsvFormat.read("key,target\na,b\n", null).problems()).singleElement().asString().contains("--lang");
    }

    @Test
    void brokenFilesAreReportedWithTheLine() {
        assertThat(CsvFormat.read("key,target:fr\na,\"never closed\n", null).problems())
                .singleElement().asString().startsWith("2: a quoted field is never closed");
        assertThat(CsvFormat.read("key,target:fr\na,\"x\"y\n", null).problems())
                .singleElement().asString().startsWith("2: text after a closing quote");
        assertThat(CsvFormat.read("nb,en\n", null).problems()).anySatisfy(p -> assertThat(p).contains("no 'key' column"));
        assertThat(CsvFormat.read("", null).problems()).singleElement().asString().contains("empty");
    }

    @Test
    void blankLinesAreSkipped() {
        assertThat(CsvFormat.read("key,target:fr\n\na,b\n,\n", null).rows()).singleElement()
                .extracting(Row::key).isEqualTo("a");
    }
}
