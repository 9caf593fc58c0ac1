package no.losen.dialog.load;

import no.losen.internal.YamlDoc;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import no.losen.content.Language;
import no.losen.content.Origin;
import no.losen.content.Text;

/**
 * Reads one translation file into the per-language key table. A language's own file
 * ({@code translations/nb.yaml}) carries its metadata; a dialog's file
 * ({@code translations/rights/nb.yaml}) only keys, inheriting the language's review status.
 */
final class TranslationReader {

    private TranslationReader() {
    }

    static Language meta(YamlDoc doc, String lang, List<Problem> problems) {
        JsonNode m = doc.tree.path("meta");
        String name = m.path("name").asText(null);
        String dir = m.path("dir").asText("ltr");
        String status = m.path("status").asText("draft");
        if (name == null) {
            problems.add(Problem.error(doc.at("/meta"), "meta.name (the language's name in itself) is missing"));
        }
        if (!dir.equals("ltr") && !dir.equals("rtl")) {
            problems.add(Problem.error(doc.at("/meta/dir"), "meta.dir must be ltr or rtl, not '" + dir + "'"));
        }
        if (!status.equals("reviewed") && !status.equals("draft")) {
            problems.add(Problem.error(doc.at("/meta/status"), "meta.status must be reviewed or draft"));
        }
        return new Language(lang, name == null ? lang : name, dir, status);
    }

    /** Adds the file's keys to {@code into}; a key defined twice for one language is an error. */
    static void keys(YamlDoc doc, String defaultStatus, Map<String, Text> into, List<Problem> problems) {
        JsonNode keys = doc.tree.path("keys");
        String fileStatus = doc.tree.path("meta").path("status").asText(defaultStatus);
        if (!keys.isObject() && !keys.isMissingNode()) {
            problems.add(Problem.error(doc.at("/keys"), "keys must be a map of key: text"));
            return;
        }
        for (var it = doc.tree.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("meta") && !f.equals("keys")) {
                problems.add(Problem.error(doc.at("/" + f), "unknown top-level field '" + f + "' (expected meta, keys)"));
            }
        }
        keys.fields().forEachRemaining(e -> {
            String p = "/keys/" + e.getKey();
            Origin at = doc.at(p);
            JsonNode v = e.getValue();
            Text t;
            if (v.isObject()) {
                if (!v.path("text").isValueNode()) {
                    problems.add(Problem.error(at, "key '" + e.getKey() + "' has no text"));
                    return;
                }
                t = new Text(v.path("text").asText(), v.path("status").asText(fileStatus), v.path("source").asText(null),
                        v.path("reviewer").asText(null), v.path("reviewed").asText(null), at);
            } else if (v.isValueNode() && !v.isNull()) {
                t = new Text(v.asText(), fileStatus, null, null, null, at);
            } else {
                problems.add(Problem.error(at, "key '" + e.getKey() + "' must be a text"));
                return;
            }
            Text before = into.putIfAbsent(e.getKey(), t);
            if (before != null) {
                problems.add(Problem.error(at, "key '" + e.getKey() + "' is already defined at " + before.origin()));
            }
        });
    }
}
