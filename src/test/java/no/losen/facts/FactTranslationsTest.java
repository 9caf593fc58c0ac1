package no.losen.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact has a name (in Norwegian at least; the shared facts in every language), and the
 * words about facts never drift from the facts: a key names an existing fact, and a
 * placeholder {@code {@id}} points at one. A
 * translation must carry the same placeholders as the Norwegian text, or a number would be
 * missing (or typed by hand) in one language only.
 */
class FactTranslationsTest {

    private static final Path WORDS = Path.of("translations", "facts");
    private static final Pattern KEY = Pattern.compile("fact\\.([a-z0-9-]+)\\.(name|text|basis)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{@([a-z0-9-]+)(\\.[a-z]+)?}");
    private static final List<String> SHARED = List.of("contacts.yaml", "law.yaml", "rights.yaml", "routines.yaml");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static List<Path> languages() throws IOException {
        try (Stream<Path> files = Files.list(WORDS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyFactHasANorwegianName() throws IOException {
        // Facts that only one dialog needs may keep their names beside that dialog's words
        // (translations/<dialog>/nb.yaml), so every Norwegian file counts.
        Map<String, String> norwegian = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("translations"), 2)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("nb.yaml")).toList()) {
                norwegian.putAll(keys(f));
            }
        }
        for (String id : factIds()) {
            assertThat(norwegian.get("fact." + id + ".name")).as("nb name of fact " + id).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyKeyNamesAFact(Path language) throws IOException {
        Set<String> facts = factIds();
        for (String key : keys(language).keySet()) {
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).as(language + ": key " + key + " is fact.<id>.name, .text or .basis").isTrue();
            assertThat(facts).as(language + ": " + key + " names a fact").contains(m.group(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyFactOfTheSharedFilesHasANameInEveryLanguage(Path language) throws IOException {
        Map<String, String> keys = keys(language);
        for (String id : sharedFactIds()) {
            assertThat(keys.get("fact." + id + ".name")).as(language + ": name of " + id).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void placeholdersPointAtFactsAndMatchTheNorwegianText(Path language) throws IOException {
        Set<String> facts = factIds();
        Map<String, String> norwegian = keys(WORDS.resolve("nb.yaml"));
        Map<String, String> keys = keys(language);
        keys.forEach((key, text) -> {
            assertThat(placeholders(text)).as(language + ": " + key + " refers to existing facts")
                    .allSatisfy(p -> assertThat(facts).contains(p.replaceAll("\\..*", "")));
            assertThat(placeholders(text)).as(language + ": " + key + " has the placeholders of nb")
                    .isEqualTo(placeholders(norwegian.getOrDefault(key, "")));
        });
        assertThat(norwegian.keySet()).as(language + ": every key also has a Norwegian source").containsAll(keys.keySet());
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
        return found;
    }

    private static Map<String, String> keys(Path file) throws IOException {
        JsonNode keys = YAML.readTree(file.toFile()).path("keys");
        Map<String, String> texts = new TreeMap<>();
        keys.fields().forEachRemaining(e -> texts.put(e.getKey(),
                e.getValue().isObject() ? e.getValue().path("text").asText() : e.getValue().asText()));
        return texts;
    }

    private static Set<String> factIds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("facts"))) {
            list.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
        }
        return ids(files);
    }

    /** The facts every dialog shares; their words live in translations/facts/. */
    private static Set<String> sharedFactIds() throws IOException {
        return ids(SHARED.stream().map(n -> Path.of("facts", n)).toList());
    }

    private static Set<String> ids(List<Path> files) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path f : files) {
            YAML.readTree(f.toFile()).fieldNames().forEachRemaining(ids::add);
        }
        return ids;
    }
}
