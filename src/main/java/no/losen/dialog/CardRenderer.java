package no.losen.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.content.Fact;

/** Builds cards from the facts table, so a phone number on screen is always the one in the data. */
final class CardRenderer {

    private final DialogSet set;
    private final Renderer r;

    CardRenderer(DialogSet set, Renderer r) {
        this.set = set;
        this.r = r;
    }

    Card card(CardSpec spec, Map<String, Object> vars) {
        if (spec.type().equals("print")) {
            List<String> items = new ArrayList<>(Engine.say(r, spec.say(), vars));
            for (String id : spec.contacts()) {
                Fact f = fact(id);
                items.add(line(f));
            }
            return Card.print(r.text(spec.ref()), items);
        }
        Fact f = fact(spec.ref());
        String title = f.name() == null ? f.value() : r.text(f.name());
        String about = set.translations().isKey("fact." + f.id() + ".text") ? r.text("fact." + f.id() + ".text") : null;
        boolean phone = "phone".equals(f.kind());
        return new Card(spec.type(), f.id(), title, about != null ? about : (phone ? null : f.value()),
                phone ? f.value() : null, f.tel(), f.url(), set.facts().citation(f),
                f.checked() == null ? null : f.checked().toString(), null, null, null, null);
    }

    private String line(Fact f) {
        StringBuilder b = new StringBuilder(f.name() == null ? "" : r.text(f.name()));
        if (f.value() != null) {
            b.append(b.isEmpty() ? "" : ": ").append(f.value());
        }
        if (f.url() != null && !f.url().equals(f.value())) {
            b.append(" — ").append(f.url());
        }
        return b.toString();
    }

    private Fact fact(String id) {
        return set.facts().find(id).orElseThrow(() -> new DialogException(ErrorCode.INTERNAL, "no fact '" + id + "'"));
    }
}
