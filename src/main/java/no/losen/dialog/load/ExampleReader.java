package no.losen.dialog.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Examples;
import no.losen.content.Origin;
import no.losen.internal.YamlDoc;

/**
 * Reads one example file, {@code translations/<dialog>/examples/<lang>.yaml}: {@code meta.status}
 * and {@code examples: {topic: [message, …]}}. Shape errors are reported with their place; whether
 * the topics exist is the {@link Validator}'s business, since it needs the dialog.
 */
final class ExampleReader {

    private ExampleReader() {
    }

    static Examples.ExampleFile read(YamlDoc doc, String dialog, String lang, String defaultStatus,
                                     List<Problem> problems) {
        JsonNode t = doc.tree;
        for (var it = t.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("meta") && !f.equals("examples")) {
                problems.add(Problem.error(doc.at("/" + f), "unknown top-level field '" + f + "' (expected meta, examples)"));
            }
        }
        String status = t.path("meta").path("status").asText(defaultStatus);
        if (!status.equals("reviewed") && !status.equals("draft")) {
            problems.add(Problem.error(doc.at("/meta/status"), "meta.status must be reviewed or draft"));
        }
        Map<String, List<Examples.Example>> topics = new LinkedHashMap<>();
        JsonNode ex = t.path("examples");
        if (!ex.isObject()) {
            problems.add(Problem.error(doc.at(ex.isMissingNode() ? "" : "/examples"),
                    "examples must be a map of topic: [message, …]"));
        } else {
            ex.fields().forEachRemaining(e -> {
                String p = "/examples/" + e.getKey();
                List<Examples.Example> list = new ArrayList<>();
                if (e.getValue().isArray()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        JsonNode v = e.getValue().get(i);
                        Origin at = doc.at(p + "/" + i);
                        if (!v.isTextual() || v.asText().isBlank()) {
                            problems.add(Problem.error(at, "an example must be a text"));
                        } else {
                            list.add(new Examples.Example(v.asText().strip(), at));
                        }
                    }
                } else if (!e.getValue().isNull()) {
                    problems.add(Problem.error(doc.at(p), "examples of '" + e.getKey() + "' must be a list of messages"));
                }
                topics.put(e.getKey(), list);
            });
        }
        return new Examples.ExampleFile(dialog, lang, status, topics, doc.at(""));
    }
}
