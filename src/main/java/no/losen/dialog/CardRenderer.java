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
            return print(spec, vars);
        }
        Card.Contact c = contact(spec.ref());
        return spec.type().equals("fact")
                ? new Card.Fact(c.id(), c.title(), c.text(), c.phone(), c.tel(), c.url(), c.source(), c.checked())
                : c;
    }

    /** A printable card: the spec's paragraphs, then a line per contact. */
    Card.Print print(CardSpec spec, Map<String, Object> vars) {
        List<String> items = new ArrayList<>(Engine.say(r, spec.say(), vars));
        for (String id : spec.contacts()) {
            items.add(line(fact(id)));
        }
        return new Card.Print(r.text(spec.ref()), items);
    }

    /** Fact {@code id} as a contact card (a fact card has the same fields, shown as a fact). */
    Card.Contact contact(String id) {
        Fact f = fact(id);
        String title = f.name() == null ? f.value() : r.text(f.name());
        String about = set.translations().isKey("fact." + f.id() + ".text") ? r.text("fact." + f.id() + ".text") : null;
        boolean phone = "phone".equals(f.kind());
        return new Card.Contact(f.id(), title, about != null ? about : (phone ? null : f.value()),
                phone ? f.value() : null, f.tel(), f.url(), source(f),
                f.checked() == null ? null : f.checked().toString());
    }

    /**
     * Where the fact comes from, as a card shows it: the corpus document's citation; for a fact not
     * in the corpus, its {@code basis} in the reader's language ({@code fact.<id>.basis}) where that
     * language has it, else as the data says it (an English line in a Norwegian console was the staff
     * tester's 10c).
     */
    private String source(Fact f) {
        String key = "fact." + f.id() + ".basis";
        if ((f.sources() == null || f.sources().isEmpty()) && r.has(key)) {
            return r.sourceLine(key);
        }
        return set.facts().citation(f);
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
