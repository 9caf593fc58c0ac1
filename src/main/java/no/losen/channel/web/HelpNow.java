package no.losen.channel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.content.Fact;
import no.losen.content.Translations;
import no.losen.dialog.CardSpec;
import no.losen.dialog.Choice;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Node;
import no.losen.dialog.Topic;

/**
 * A dialog's "I need help now", known to the page without a conversation: the node its danger
 * topic leads to, the choice on every node that leads there, and the numbers that node shows.
 *
 * <p>Why the page needs it: when no conversation can start (the server is full, the session
 * store is down, the script never ran), the emergency numbers must still be one tap away; and
 * the widget's header offers the choice so it is never below the fold. The numbers are read
 * from the dialog's own help-now node and the facts, so the page shows exactly what the
 * conversation would, and no number is written anywhere else.
 */
final class HelpNow {

    private static final Pattern TEL = Pattern.compile("\\+?[0-9]{2,15}");

    private final DialogSet set;

    HelpNow(DialogSet set) {
        this.set = set;
    }

    /** One number to call: as texts show it, as a {@code tel:} link dials it, and who answers in the page's language. */
    record Call(String phone, String tel, String title) {
    }

    /**
     * {@code {"choice","node","label","calls":[{"phone","tel","title"}]}} in {@code lang}, or empty
     * when the dialog marks no danger topic or its node has no number to call.
     */
    Optional<JsonObject> json(Dialog d, String lang) {
        Optional<Node> node = node(d);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonArray calls = new JsonArray();
        calls(node.get(), lang).forEach(c -> calls.add(new JsonObject().put("phone", c.phone()).put("tel", c.tel())
                .put("title", c.title())));
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        JsonObject out = new JsonObject().put("node", node.get().id()).put("calls", calls);
        choice(d, node.get()).ifPresent(c -> out.put("choice", c.id()).put("label", text(lang, c.label())));
        return Optional.of(out);
    }

    /** The numbers the help-now node shows, in its order, each with its title in {@code lang}. */
    java.util.List<Call> calls(Dialog d, String lang) {
        return node(d).map(n -> calls(n, lang)).orElse(java.util.List.of());
    }

    private java.util.List<Call> calls(Node n, String lang) {
        java.util.List<Call> out = new java.util.ArrayList<>();
        for (CardSpec c : n.cards()) {
            if (!"contact".equals(c.type())) {
                continue;
            }
            Optional<Fact> f = set.facts().find(c.ref());
            if (f.isEmpty() || !"phone".equals(f.get().kind()) || f.get().value() == null || f.get().tel() == null
                    || !TEL.matcher(f.get().tel()).matches()) {
                continue;
            }
            String title = f.get().name() == null ? "" : text(lang, f.get().name());
            out.add(new Call(f.get().value(), f.get().tel(), title));
        }
        return out;
    }

    /** The node the dialog's danger topic leads to (docs/dialogs.md, "Danger first"). */
    private static Optional<Node> node(Dialog d) {
        return d.dangerTopic().map(Topic::target).flatMap(d::node);
    }

    /** The choice offered on every node ({@code anywhere}) that leads there, if the dialog has one. */
    private static Optional<Choice> choice(Dialog d, Node n) {
        return d.anywhere().stream().filter(c -> c.target().equals(n.id())).findFirst();
    }

    private String text(String lang, String key) {
        Translations tr = set.translations();
        return tr.find(lang, key).map(f -> f.text().text()).orElse("");
    }
}
