package no.losen.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.content.Origin;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Engine;
import no.losen.dialog.Node;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;

/**
 * What {@code validate} warns about for SMS: every node of every public dialog, rendered in
 * every language the dialog offers exactly as the SMS channel would send it, measured in
 * segments. A node over {@link Segments#BUDGET} still works (the reply is split, nothing is
 * dropped) but costs the user more and arrives in pieces, so an author should know. Missing
 * {@code sms.*} words are reported too. Nodes are rendered with no variables set, so text
 * shown only under a condition is not counted.
 */
public final class SmsBudget {

    /** Keys the SMS channel shows; each offered language should have them. */
    public static final List<String> KEYS = List.of("sms.menu", "sms.answer", "sms.answer.back", "sms.checklist",
            "sms.back", "sms.end", "sms.help", "sms.stop", "sms.bad-number", "sms.choose", "sms.too-long", "sms.source",
            "sms.kw.help", "sms.kw.menu", "sms.kw.stop", "sms.kw.back", "sms.kw.lang");

    /** One warning, said where an author can find it. */
    public record Warning(Origin at, String message) {
        @Override
        public String toString() {
            return at + ": warning: " + message;
        }
    }

    private SmsBudget() {
    }

    public static List<Warning> check(DialogSet set) {
        List<Warning> out = new ArrayList<>();
        Engine engine = new Engine(set, Map.of());
        SmsRenderer renderer = new SmsRenderer(new SmsTexts(set.translations()));
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.PUBLIC) {
                continue;
            }
            for (String lang : d.languages()) {
                List<String> missing = KEYS.stream().filter(k -> !set.translations().has(lang, k)).toList();
                if (!missing.isEmpty()) {
                    out.add(new Warning(d.at(), "SMS: " + lang + " lacks " + missing.size() + " sms.* keys " + missing
                            + " (translations/sms/" + lang + ".yaml)"));
                }
            }
            String menu = renderer.menu(d.languages());
            int menuSegments = Segments.count(menu).segments();
            if (menuSegments > Segments.BUDGET) {
                out.add(new Warning(d.at(), "SMS: the language menu of dialog '" + d.id() + "' takes " + menuSegments
                        + " segments (budget " + Segments.BUDGET + ")"));
            }
            for (Node n : d.nodes().values()) {
                if (!n.route().isEmpty()) {
                    continue;
                }
                List<String> over = new ArrayList<>();
                for (String lang : d.languages()) {
                    int segments = segments(measure(engine, renderer, d, n, lang));
                    if (segments > Segments.BUDGET) {
                        over.add(lang + " " + segments);
                    }
                }
                if (!over.isEmpty()) {
                    out.add(new Warning(n.at(), "SMS: node '" + n.id() + "' of dialog '" + d.id() + "' takes more than "
                            + Segments.BUDGET + " segments in " + over.size() + " of " + d.languages().size()
                            + " languages (" + String.join(", ", over) + "); it is sent in parts"));
                }
            }
        }
        return out;
    }

    /** Segments of a reply's messages together. */
    public static int segments(List<String> messages) {
        return messages.stream().mapToInt(m -> Segments.count(m).segments()).sum();
    }

    /** The messages the SMS channel sends on arriving at the node (with the nodes it chains to by {@code next}). */
    static List<String> measure(Engine engine, SmsRenderer renderer, Dialog d, Node n, String lang) {
        boolean first = n.id().equals(d.start());
        List<Session.Step> history = first ? List.of() : List.of(new Session.Step(d.start(), Map.of()));
        List<String> blocks = new ArrayList<>();
        Node at = n;
        for (int hop = 0; at != null && hop < 32; hop++) {
            Reply r = engine.current(new Session(d.id(), at.id(), lang, Map.of(), history, false));
            Node following = at.next() == null ? null : d.node(at.next()).filter(x -> x.route().isEmpty()).orElse(null);
            blocks.addAll(following == null ? renderer.blocks(r, !first) : renderer.content(r));
            at = following;
        }
        return Segments.pack(blocks, Segments.BUDGET);
    }
}
