package no.losen.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The widget's own words: every language the product speaks has all of them, and the script uses
 * every one it ships (a word nobody sees is a word a translator works on for nothing). Keys the
 * script asks for but the files lack are caught at run time: the browser tests fail on the console
 * warning the script prints for them.
 */
class WidgetWordsTest {

    static final Path TRANSLATIONS = Path.of("translations");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Set<String> keys(Path file) throws IOException {
        JsonNode keys = YAML.readTree(file.toFile()).path("keys");
        Set<String> out = new TreeSet<>();
        keys.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyLanguageHasEveryWordOfTheWidget() throws IOException {
        Set<String> nb = keys(TRANSLATIONS.resolve("widget/nb.yaml"));
        assertThat(nb).isNotEmpty().allMatch(k -> k.startsWith("widget."));
        List<String> languages = new ArrayList<>();
        try (Stream<Path> s = Files.list(TRANSLATIONS)) {
            s.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> languages.add(p.getFileName().toString()));
        }
        assertThat(languages).hasSize(12);
        for (String file : languages) {
            Path widget = TRANSLATIONS.resolve("widget").resolve(file);
            assertThat(widget).as("translations/widget/" + file).exists();
            Set<String> keys = keys(widget);
            assertThat(keys).as(file).isEqualTo(nb);
            JsonNode values = YAML.readTree(widget.toFile()).path("keys");
            for (String k : keys) {
                // A key is a text, or {text, status} where its status differs from the file's (a new draft key in nb).
                JsonNode v = values.path(k);
                assertThat((v.isObject() ? v.path("text") : v).asText()).as(file + " " + k).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void theScriptUsesEveryWordItShips() throws IOException {
        String script = new String(WidgetWordsTest.class.getClassLoader().getResourceAsStream("webroot/widget.js")
                .readAllBytes(), StandardCharsets.UTF_8);
        for (String key : keys(TRANSLATIONS.resolve("widget/en.yaml"))) {
            if (key.startsWith("widget.demo.") || key.equals(UiApi.DRAFT_NOTE)) {
                continue; // the demo page's words, used by Pages; the language menu's draft note, sent by UiApi
            }
            String name = key.substring("widget.".length());
            assertThat(script).as(key).containsAnyOf("'" + name + "'", " " + name + ": '", ": '" + name + "'");
        }
    }
}
