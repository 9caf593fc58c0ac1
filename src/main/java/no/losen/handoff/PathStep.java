package no.losen.handoff;

import java.util.ArrayList;
import java.util.List;
import no.losen.dialog.Choice;
import no.losen.dialog.Dialog;
import no.losen.dialog.Session;

/**
 * One step of the way a person came through a dialog: the node, and the choice taken there
 * (null for the node they are on, or when they moved by typing). This, not the text, is what a
 * counsellor sees before accepting: enough to know what the person was asking about, nothing
 * they wrote.
 */
public record PathStep(String node, String choice) {

    /** The way {@code s} came through {@code dialog}: its remembered steps and the node it is on. */
    public static List<PathStep> of(Dialog dialog, Session s) {
        List<String> nodes = new ArrayList<>();
        s.history().forEach(h -> nodes.add(h.node()));
        nodes.add(s.node());
        List<PathStep> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            String next = i + 1 < nodes.size() ? nodes.get(i + 1) : null;
            String choice = next == null ? null : dialog.node(node)
                    .flatMap(n -> n.choices().stream().filter(c -> next.equals(c.target())).map(Choice::id).findFirst())
                    .orElse(null);
            out.add(new PathStep(node, choice));
        }
        return out;
    }
}
