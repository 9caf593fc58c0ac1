package no.losen.dialog.load;

import no.losen.internal.YamlDoc;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Origin;
import no.losen.dialog.Audience;
import no.losen.dialog.CardSpec;
import no.losen.dialog.Checklist;
import no.losen.dialog.Choice;
import no.losen.dialog.Condition;
import no.losen.dialog.Dialog;
import no.losen.dialog.FreeText;
import no.losen.dialog.Node;
import no.losen.dialog.Route;
import no.losen.dialog.Say;
import no.losen.dialog.Topic;

/**
 * Builds a {@link Dialog} from a schema-checked YAML tree. Reading by hand rather than by data
 * binding keeps the place of every element, so a bad condition is reported on its own line.
 */
final class DialogReader {

    private final YamlDoc doc;
    private final List<Problem> problems;

    DialogReader(YamlDoc doc, List<Problem> problems) {
        this.doc = doc;
        this.problems = problems;
    }

    Dialog read() {
        JsonNode t = doc.tree;
        Map<String, Node> nodes = new LinkedHashMap<>();
        t.path("nodes").fields().forEachRemaining(e -> nodes.put(e.getKey(), node(e.getKey(), e.getValue(),
                "/nodes/" + e.getKey())));
        List<Topic> topics = new ArrayList<>();
        each(t.path("topics"), "/topics", (n, p) -> topics.add(new Topic(text(n, "keywords"),
                n.path("goto").asText(), text(n, "label"), text(n, "danger"), doc.at(p), gotoAt(p))));
        return new Dialog(t.path("id").asText(), t.path("title").asText(), Audience.of(t.path("audience").asText()),
                strings(t.path("languages")), strings(t.path("resident-languages")), t.path("start").asText(),
                t.path("text").asText("none"), choices(t.path("anywhere"), "/anywhere"), topics, nodes, doc.at(""));
    }

    private Node node(String id, JsonNode n, String p) {
        List<Route> route = new ArrayList<>();
        each(n.path("route"), p + "/route", (r, rp) -> route.add(new Route(condition(r.path("if"), rp + "/if"),
                r.path("goto").asText(), doc.at(rp), gotoAt(rp))));
        List<CardSpec> cards = new ArrayList<>();
        each(n.path("cards"), p + "/cards", (c, cp) -> cards.add(card(c, cp)));
        Checklist checklist = null;
        if (n.has("checklist")) {
            JsonNode c = n.get("checklist");
            List<Checklist.Option> options = new ArrayList<>();
            each(c.path("options"), p + "/checklist/options", (o, op) -> options.add(new Checklist.Option(
                    o.path("id").asText(), o.path("label").asText(), condition(o.path("if"), op + "/if"), doc.at(op))));
            checklist = new Checklist(c.path("var").asText(), options, c.path("next").asText(), doc.at(p + "/checklist"));
        }
        FreeText input = null;
        if (n.has("input")) {
            JsonNode i = n.get("input");
            input = new FreeText(text(i, "action"), text(i, "var"), text(i, "next"), doc.at(p + "/input"));
        }
        return new Node(id, say(n.path("say"), p + "/say"), choices(n.path("choices"), p + "/choices"), checklist,
                input, route, text(n, "next"), cards, n.path("bilingual").asBoolean(false), text(n, "step"),
                vars(n.path("set")), n.path("end").asBoolean(false), doc.at(p));
    }

    private CardSpec card(JsonNode c, String p) {
        for (String type : List.of("contact", "fact", "print")) {
            if (c.has(type)) {
                return new CardSpec(type, c.get(type).asText(), say(c.path("say"), p + "/say"),
                        strings(c.path("contacts")), doc.at(p + "/" + type));
            }
        }
        return new CardSpec("print", "", List.of(), List.of(), doc.at(p));
    }

    private List<Say> say(JsonNode s, String p) {
        List<Say> out = new ArrayList<>();
        if (s.isTextual()) {
            out.add(new Say(s.asText(), Map.of(), Condition.ALWAYS, doc.at(p)));
        }
        each(s, p, (item, ip) -> {
            if (item.isTextual()) {
                out.add(new Say(item.asText(), Map.of(), Condition.ALWAYS, doc.at(ip)));
            } else {
                Map<String, String> params = new LinkedHashMap<>();
                item.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                out.add(new Say(item.path("key").asText(), params, condition(item.path("if"), ip + "/if"), doc.at(ip)));
            }
        });
        return out;
    }

    /** The {@code goto} line of the element at {@code p}, or the element itself when it has none. */
    private Origin gotoAt(String p) {
        return doc.at(p + "/goto");
    }

    private List<Choice> choices(JsonNode a, String p) {
        List<Choice> out = new ArrayList<>();
        each(a, p, (c, cp) -> out.add(new Choice(c.path("id").asText(), c.path("label").asText(),
                c.path("goto").asText(), vars(c.path("set")), condition(c.path("if"), cp + "/if"), doc.at(cp),
                gotoAt(cp))));
        return out;
    }

    private Condition condition(JsonNode n, String p) {
        if (!n.isTextual()) {
            return Condition.ALWAYS;
        }
        try {
            return Condition.parse(n.asText());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(doc.at(p), e.getMessage()));
            return Condition.ALWAYS;
        }
    }

    private static Map<String, Object> vars(JsonNode n) {
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isBoolean() ? (Object) e.getValue().asBoolean() : e.getValue().asText()));
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void each(JsonNode array, String p, java.util.function.BiConsumer<JsonNode, String> f) {
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                f.accept(array.get(i), p + "/" + i);
            }
        }
    }
}
