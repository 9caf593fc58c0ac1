package no.losen.dialog;

import java.util.List;
import java.util.Map;
import no.losen.content.Origin;

/** A step of a dialog. See docs/dialogs.md for what each field means to an author. */
public record Node(String id, List<Say> say, List<Choice> choices, Checklist checklist, FreeText input,
                   List<Route> route, String next, List<CardSpec> cards, boolean bilingual, String step,
                   Map<String, Object> set, boolean end, Origin at) {

    /** Where this node can lead, for the validator and the graph. */
    public List<String> targets() {
        var out = new java.util.ArrayList<String>();
        choices.forEach(c -> out.add(c.target()));
        route.forEach(r -> out.add(r.target()));
        if (checklist != null) {
            out.add(checklist.next());
        }
        if (input != null && input.next() != null) {
            out.add(input.next());
        }
        if (next != null) {
            out.add(next);
        }
        return out;
    }
}
