package no.losen.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Translations;
import no.losen.dialog.load.ContentLoader;

/**
 * The console page's own words ({@code console.*} keys in {@code translations/console/}). They
 * come from the served content; what it lacks (an operator's own content root, a test fixture)
 * comes from the bundled files, so the console never shows a bare key.
 */
final class ConsoleWords {

    static final String PREFIX = "console.";
    /** The console is written in these; staff read Norwegian or English (the dialog's languages). */
    static final List<String> LANGUAGES = List.of("nb", "en");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Map<String, String>> words = new LinkedHashMap<>();

    ConsoleWords(Translations content) {
        for (String lang : LANGUAGES) {
            Map<String, String> m = new LinkedHashMap<>(bundled(lang));
            content.keys(lang).forEach((k, v) -> {
                if (k.startsWith(PREFIX)) {
                    m.put(k, v.text());
                }
            });
            words.put(lang, m);
        }
    }

    boolean offers(String lang) {
        return words.containsKey(lang);
    }

    /** Every console word in {@code lang}; a word it lacks comes from the other console language. */
    JsonObject strings(String lang) {
        JsonObject out = new JsonObject();
        for (String l : LANGUAGES) {
            if (!l.equals(lang)) {
                words.get(l).forEach(out::put);
            }
        }
        words.get(lang).forEach(out::put);
        return out;
    }

    String word(String lang, String key) {
        return strings(lang).getString(key, key);
    }

    private static Map<String, String> bundled(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = open(lang)) {
            if (in == null) {
                return out;
            }
            JsonNode keys = YAML.readTree(in).path("keys");
            keys.fields().forEachRemaining(e -> out.put(e.getKey(),
                    e.getValue().isObject() ? e.getValue().path("text").asText() : e.getValue().asText()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the console's words for " + lang, e);
        }
        return out;
    }

    private static InputStream open(String lang) throws IOException {
        InputStream in = ConsoleWords.class.getResourceAsStream("/content/translations/console/" + lang + ".yaml");
        if (in != null) {
            return in;
        }
        Path p = ContentLoader.bundled().resolve("translations/console/" + lang + ".yaml");
        return Files.exists(p) ? Files.newInputStream(p) : null;
    }
}
