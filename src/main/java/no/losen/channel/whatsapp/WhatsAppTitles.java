package no.losen.channel.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Engine;
import no.losen.dialog.Node;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.dialog.load.Problem;

/**
 * What {@code validate} checks for WhatsApp: every choice that WhatsApp shows as a list row
 * (nodes with up to {@value WhatsAppRenderer#MAX_ROWS} choices) must have a title within
 * {@value WhatsAppRenderer#ROW_TITLE} characters in every language the dialog offers, from its
 * label or the label's short {@code .sms} form. A choice without one is shown cut at a word with
 * "…" (its full label below it as the row's description), which works but reads badly: a
 * warning, naming the choice, the node and the languages. Missing {@code wa.*} words are warnings
 * too. Nodes are rendered with no variables set, as for the SMS check.
 */
public final class WhatsAppTitles {

    /** Keys the WhatsApp channel shows besides the SMS channel's. */
    public static final List<String> KEYS = List.of("wa.list", "wa.media", "wa.exit", "wa.kw.exit");

    private WhatsAppTitles() {
    }

    public static List<Problem> check(DialogSet set) {
        List<Problem> out = new ArrayList<>();
        Engine full = new Engine(set, Map.of());
        Engine shorter = full.withVariant(Translations.SMS);
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.PUBLIC) {
                continue;
            }
            for (String lang : d.languages()) {
                List<String> missing = KEYS.stream().filter(k -> !set.translations().has(lang, k)).toList();
                if (!missing.isEmpty()) {
                    out.add(Problem.warning(d.at(), "WhatsApp: " + lang + " lacks " + missing + " (translations/whatsapp/"
                            + lang + ".yaml)"));
                }
            }
            for (Node n : d.nodes().values()) {
                if (!n.route().isEmpty()) {
                    continue;
                }
                // choice id → the languages it has no fitting title in, with the cut title shown
                Map<String, List<String>> cut = new LinkedHashMap<>();
                for (String lang : d.languages()) {
                    List<Session.Step> history = n.id().equals(d.start()) ? List.of()
                            : List.of(new Session.Step(d.start(), Map.of()));
                    Session at = new Session(d.id(), n.id(), lang, Map.of(), history, false);
                    Reply r = full.current(at);
                    Reply s = shorter.current(at);
                    if (r.choices() == null || r.choices().isEmpty() || r.multi() || r.choices().size() > WhatsAppRenderer.MAX_ROWS) {
                        continue;
                    }
                    for (Reply.Option o : r.choices()) {
                        String brief = s.choices() == null ? null : s.choices().stream().filter(x -> x.id().equals(o.id()))
                                .map(Reply.Option::label).findFirst().orElse(null);
                        if (!WhatsAppRenderer.fits(o.label(), brief, WhatsAppRenderer.ROW_TITLE)) {
                            cut.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(lang + " \""
                                    + WhatsAppRenderer.title(o.label(), brief, WhatsAppRenderer.ROW_TITLE) + "\"");
                        }
                    }
                }
                cut.forEach((choice, langs) -> out.add(Problem.warning(n.at(), "WhatsApp: choice '" + choice + "' of node '"
                        + n.id() + "' (dialog '" + d.id() + "') has no title within " + WhatsAppRenderer.ROW_TITLE
                        + " characters in " + langs.size() + " of " + d.languages().size() + " languages, shown cut: "
                        + String.join(", ", langs) + "; give its label a short .sms form")));
            }
        }
        return out;
    }
}
