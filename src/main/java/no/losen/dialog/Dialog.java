package no.losen.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.content.Origin;

/**
 * A loaded dialog: an immutable graph of nodes. {@code languages} are the languages a user
 * may run it in; {@code residentLanguages} those its {@code bilingual} nodes are also shown in
 * (the staff script: staff read nb or en, the resident reads their own).
 */
public record Dialog(String id, String title, Audience audience, List<String> languages,
                     List<String> residentLanguages, String start, String textAction,
                     List<Choice> anywhere, List<Topic> topics, Map<String, Node> nodes, Origin at) {

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The topic marked {@code danger}, if any (at most one: the validator sees to it; docs/dialogs.md, "Danger first"). */
    public Optional<Topic> dangerTopic() {
        return topics.stream().filter(t -> t.danger() != null).findFirst();
    }

    public boolean offers(String lang) {
        return languages.contains(lang);
    }

    /** The checklist that stores into {@code var}, so its ids can be shown as their labels. */
    public Optional<Checklist> checklistFor(String var) {
        return nodes.values().stream().map(Node::checklist)
                .filter(c -> c != null && c.var().equals(var)).findFirst();
    }
}
