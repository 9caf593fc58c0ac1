package no.losen.dialog.load;

import no.losen.internal.YamlDoc;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.content.Fact;
import no.losen.content.Origin;

/** Reads a facts file. A fact without a checked-on date is an error: an undated fact cannot be trusted. */
final class FactReader {

    private static final List<String> KINDS = List.of("phone", "url", "law", "deadline", "number", "text");

    private FactReader() {
    }

    static void read(YamlDoc doc, Map<String, Fact> into, List<Problem> problems) {
        doc.tree.fields().forEachRemaining(e -> {
            String id = e.getKey();
            String p = "/" + id;
            Origin at = doc.at(p);
            JsonNode f = e.getValue();
            if (!f.isObject()) {
                problems.add(Problem.error(at, "fact '" + id + "' must be a map"));
                return;
            }
            String kind = f.path("kind").asText("text");
            if (!KINDS.contains(kind)) {
                problems.add(Problem.error(doc.at(p + "/kind"), "kind must be one of " + KINDS));
            }
            if (!f.path("value").isValueNode()) {
                problems.add(Problem.error(at, "fact '" + id + "' has no value"));
            }
            LocalDate checked = null;
            try {
                checked = LocalDate.parse(f.path("checked").asText(""));
            } catch (DateTimeParseException ex) {
                problems.add(Problem.error(doc.at(p + "/checked"), "fact '" + id + "' needs checked: YYYY-MM-DD"));
            }
            List<Fact.Source> sources = new ArrayList<>();
            f.path("sources").forEach(s -> sources.add(new Fact.Source(s.path("doc").asText(null),
                    s.path("quote").asText(null), s.path("where").asText(null))));
            if (sources.isEmpty() && !f.hasNonNull("basis")) {
                problems.add(Problem.error(at, "fact '" + id + "' has no sources; a fact not from the corpus needs "
                        + "a basis: saying where it comes from"));
            }
            if (!f.has("sources")) {
                problems.add(Problem.error(at, "fact '" + id + "' has no sources (write sources: [] and a note "
                        + "when it is not from the corpus)"));
            }
            Fact fact = new Fact(id, kind, f.path("name").asText(null), f.path("value").asText(null),
                    f.path("tel").asText(null), f.path("url").asText(null), sources, f.path("basis").asText(null), checked,
                    f.path("note").asText(null), at);
            Fact before = into.putIfAbsent(id, fact);
            if (before != null) {
                problems.add(Problem.error(at, "fact '" + id + "' is already defined at " + before.origin()));
            }
        });
    }
}
