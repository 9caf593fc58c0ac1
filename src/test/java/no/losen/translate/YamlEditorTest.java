package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import no.losen.translate.YamlEditor.Value;
import org.junit.jupiter.api.Test;

/** In-place edits of translation files: comments, order and untouched values survive; the result is checked. */
class YamlEditorTest {

    private static final String FILE = """
            # Words of the dialog `demo`. Short sentences.
            keys:
              demo.title: Demo

              # --- Start -----------------------------------------------------------
              demo.hello: Hei! Hva gjelder det?
              demo.long: >-
                Her kan du finne ut
                hva du har rett til.
              demo.block: |-
                Linje en

                # not a comment: part of the text
                Linje tre
              demo.meta:
                text: Gammel
                status: reviewed
              demo.flow: {text: "Flyt", status: draft}
              demo.end: "Slutt: {@rosa}"
            """;
    private static final List<String> ORDER = List.of("demo.title", "demo.hello", "demo.new", "demo.long", "demo.block",
            "demo.meta", "demo.flow", "demo.end", "demo.last");

    private static JsonNode keys(String yaml) throws Exception {
        return new YAMLMapper().readTree(yaml).path("keys");
    }

    @Test
    void replacingOneEntryKeepsEveryOtherLine() throws Exception {
        YamlEditor ed = new YamlEditor(FILE);
        ed.put("demo.long", new Value("Kort nå", "draft", "0123456789ab", null, null), ORDER);
        String out = ed.text();
        assertThat(out).contains("# Words of the dialog `demo`. Short sentences.\n")
                .contains("  # --- Start ---").contains("\n\n  # --- Start")
                .contains("  demo.long: {text: \"Kort nå\", status: draft, source: \"0123456789ab\"}\n  demo.block: |-")
                .contains("    # not a comment: part of the text");
        assertThat(out.replace("  demo.long: {text: \"Kort nå\", status: draft, source: \"0123456789ab\"}\n", ""))
                .isEqualTo(FILE.replace("  demo.long: >-\n    Her kan du finne ut\n    hva du har rett til.\n", ""));
        assertThat(keys(out).path("demo.long").path("text").asText()).isEqualTo("Kort nå");
    }

    @Test
    void aBlockScalarWithBlankLinesAndHashesIsReplacedWhole() throws Exception {
        YamlEditor ed = new YamlEditor(FILE);
        ed.put("demo.block", new Value("En\n\nTo", null, null, null, null), ORDER);
        String out = ed.text();
        assertThat(out).contains("  demo.block: |-\n    En\n\n    To\n  demo.meta:").doesNotContain("Linje tre");
        assertThat(keys(out).path("demo.block").asText()).isEqualTo("En\n\nTo");
    }

    @Test
    void aMultiLineTextWithMetadataIsABlockMapping() throws Exception {
        YamlEditor ed = new YamlEditor(FILE);
        ed.put("demo.meta", new Value("Ny\nlinje", "reviewed", "0123456789ab", "team-ar", "2026-11-23"), ORDER);
        String out = ed.text();
        assertThat(out).contains("  demo.meta:\n    text: |-\n      Ny\n      linje\n    status: reviewed\n"
                + "    source: \"0123456789ab\"\n    reviewer: \"team-ar\"\n    reviewed: \"2026-11-23\"\n  demo.flow:");
    }

    @Test
    void aNewKeyGoesAfterTheKeyBeforeItInNorwegianOrder() throws Exception {
        YamlEditor ed = new YamlEditor(FILE);
        ed.put("demo.new", new Value("Ny", "draft", "0123456789ab", null, null), ORDER);
        ed.put("demo.last", new Value("Sist", null, null, null, null), ORDER);
        String out = ed.text();
        assertThat(out).contains("  demo.hello: Hei! Hva gjelder det?\n  demo.new: {text: \"Ny\"")
                .endsWith("  demo.end: \"Slutt: {@rosa}\"\n  demo.last: Sist\n");
        assertThat(keys(out).fieldNames()).toIterable().containsExactly("demo.title", "demo.hello", "demo.new", "demo.long",
                "demo.block", "demo.meta", "demo.flow", "demo.end", "demo.last");
    }

    @Test
    void aNewKeyBeforeAllOthersStaysBelowTheirHeadingComment() throws Exception {
        String file = "keys:\n  # Start\n  demo.hello: Hei\n";
        YamlEditor ed = new YamlEditor(file);
        ed.put("demo.title", new Value("Demo", null, null, null, null), ORDER);
        assertThat(ed.text()).isEqualTo("keys:\n  demo.title: Demo\n  # Start\n  demo.hello: Hei\n");
    }

    @Test
    void anEmptyFlowMapBecomesABlock() throws Exception {
        YamlEditor ed = new YamlEditor("# Arabic\nmeta:\n  name: العربية\n  dir: rtl\nkeys: {}\n");
        ed.put("demo.hello", new Value("مرحبا", "draft", "0123456789ab", null, null), ORDER);
        assertThat(ed.text()).isEqualTo("# Arabic\nmeta:\n  name: العربية\n  dir: rtl\nkeys:\n"
                + "  demo.hello: {text: \"مرحبا\", status: draft, source: \"0123456789ab\"}\n");
    }

    @Test
    void aNewFileHasItsHeaderAndKeys() throws Exception {
        YamlEditor ed = YamlEditor.create("# fr words\n");
        ed.put("demo.hello", new Value("Bonjour", null, null, null, null), ORDER);
        assertThat(ed.text()).isEqualTo("# fr words\nkeys:\n  demo.hello: Bonjour\n");
    }

    @Test
    void textsThatYamlWouldMisreadAreQuoted() throws Exception {
        YamlEditor ed = new YamlEditor("keys:\n  a: x\n");
        List<String> tricky = List.of("yes", "No", "null", "112", "{@rosa} er åpen", "- punkt", "Merk: dette", "a # b",
                "ends with colon:", " leading space", "tab\there", "quote \" and \\ backslash", "«sitat»", "%d", "@rosa",
                "\u2068UDI 2014\u2069 ok", "line\u2028sep", "trailing ");
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            order.add("k" + i);
        }
        for (int i = 0; i < tricky.size(); i++) {
            ed.put("k" + i, new Value(tricky.get(i), null, null, null, null), order);
        }
        JsonNode k = keys(ed.text());
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(k.path("k" + i).isTextual()).as(tricky.get(i)).isTrue();
            assertThat(k.path("k" + i).asText()).isEqualTo(tricky.get(i));
        }
        assertThat(YamlValues.scalar("Hei på deg")).isEqualTo("Hei på deg");
        assertThat(YamlValues.scalar("yes")).isEqualTo("\"yes\"");
    }

    @Test
    void multiLineTextsThatALiteralBlockCannotHoldAreQuoted() throws Exception {
        YamlEditor ed = new YamlEditor("keys:\n  a: x\n");
        ed.put("a", new Value("ends in newline\n", null, null, null, null), List.of("a"));
        ed.put("b", new Value("  indented\nsecond", null, null, null, null), List.of("a", "b"));
        JsonNode k = keys(ed.text());
        assertThat(k.path("a").asText()).isEqualTo("ends in newline\n");
        assertThat(k.path("b").asText()).isEqualTo("  indented\nsecond");
    }

    @Test
    void removingAnEntryLeavesItsNeighboursAndComments() throws Exception {
        YamlEditor ed = new YamlEditor(FILE);
        ed.remove("demo.long");
        ed.remove("demo.meta");
        ed.remove("demo.absent");
        String out = ed.text();
        assertThat(out).doesNotContain("demo.long").doesNotContain("Gammel").contains("# --- Start")
                .contains("  demo.hello: Hei! Hva gjelder det?\n  demo.block: |-");
        assertThat(keys(out).size()).isEqualTo(5);
    }

    @Test
    void aWindowsFileKeepsItsLineEnds() throws Exception {
        YamlEditor ed = new YamlEditor("# c\r\nkeys:\r\n  a: eins\r\n  b: zwei\r\n");
        ed.put("a", new Value("en\nto", null, null, null, null), List.of("a", "b"));
        assertThat(ed.text()).isEqualTo("# c\r\nkeys:\r\n  a: |-\r\n    en\r\n    to\r\n  b: zwei\r\n");
    }

    @Test
    void currentValuesAreReadInEitherForm() {
        YamlEditor ed = new YamlEditor(FILE);
        assertThat(ed.current("demo.hello")).isEqualTo(new Value("Hei! Hva gjelder det?", null, null, null, null));
        assertThat(ed.current("demo.meta")).isEqualTo(new Value("Gammel", "reviewed", null, null, null));
        assertThat(ed.current("demo.absent")).isNull();
        assertThat(ed.has("demo.flow")).isTrue();
    }

    @Test
    void anEditThatWouldChangeOtherKeysIsRefused() {
        // A key written at an unusual indent is not found by the line editor; the new entry would then
        // duplicate it, and the check after the edit refuses instead of writing a broken file.
        YamlEditor ed = new YamlEditor("keys:\n    a: eins\n    b: zwei\n");
        ed.put("b", new Value("drei", null, null, null, null), List.of("a", "b"));
        assertThat(ed.text()).isEqualTo("keys:\n    a: eins\n    b: drei\n");
        YamlEditor odd = new YamlEditor("keys:\n  a: eins\n  ? b\n  : zwei\n");
        odd.put("b", new Value("drei", null, null, null, null), List.of("a", "b"));
        assertThatThrownBy(odd::text).isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing written");
    }
}
