package no.losen.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.content.Origin;
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
 * What {@code validate} checks for SMS: every node of every public dialog, rendered in every
 * language the dialog offers exactly as the SMS channel would send it (short {@code .sms}
 * forms included), measured in segments. A node over {@link Segments#BUDGET} in any language
 * is an <em>error</em>: the reply would still work (it is split, nothing is dropped), but it
 * costs a person who may pay per message more and arrives in pieces on a basic phone, and the
 * fix is always in the content (a {@code .sms} form, see docs/translating.md). Staff dialogs
 * are not measured: the SMS channel never runs them. Missing {@code sms.*} words are warnings.
 * Nodes are rendered with no variables set, so text shown only under a condition is not counted.
 *
 * <p>Only {@code validate} (and so CI) runs this; the server starts with content over the
 * budget, since a reply in parts is better than no service.
 */
public final class SmsBudget {

    /** Keys the SMS channel shows; each offered language should have them. */
    public static final List<String> KEYS = List.of("sms.menu", "sms.answer", "sms.answer.back", "sms.checklist",
            "sms.back", "sms.end", "sms.help", "sms.sos", "sms.menu.sos", "sms.stop", "sms.bad-number", "sms.choose", "sms.too-long", "sms.source",
            "sms.kw.help", "sms.kw.menu", "sms.kw.stop", "sms.kw.back", "sms.kw.lang",
            "sms.kw.talk", "sms.kw.leave", "sms.kw.exit", "sms.talk.queued", "sms.talk.wait", "sms.talk.who", "sms.talk.waiting",
            "sms.talk.talking", "sms.talk.closed", "sms.talk.not-sent", "sms.talk.ended", "sms.talk.slow", "sms.talk.menu", "sms.talk.them", "sms.talk.left",
            "sms.talk.no-answer", "sms.talk.handed-back");

    private static final Pattern FACT = Pattern.compile("\\{@([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_-]+))?}");

    private SmsBudget() {
    }

    /** Errors for nodes over the budget, warnings for missing SMS words and a long language menu. */
    public static List<Problem> check(DialogSet set) {
        List<Problem> out = new ArrayList<>();
        Engine engine = new Engine(set, Map.of()).withVariant(Translations.SMS);
        SmsRenderer renderer = new SmsRenderer(new SmsTexts(set.translations()));
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.PUBLIC) {
                continue;
            }
            for (String lang : d.languages()) {
                List<String> missing = KEYS.stream().filter(k -> !set.translations().has(lang, k)).toList();
                if (!missing.isEmpty()) {
                    out.add(Problem.warning(d.at(), "SMS: " + lang + " lacks " + missing.size() + " sms.* keys " + missing
                            + " (translations/sms/" + lang + ".yaml)"));
                }
            }
            String menu = renderer.menu(d.languages(), PhoneTurns.emergency(set.facts()));
            int menuSegments = Segments.count(menu).segments();
            if (menuSegments > Segments.BUDGET) {
                out.add(Problem.warning(d.at(), "SMS: the language menu of dialog '" + d.id() + "' takes " + menuSegments
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
                    out.add(Problem.error(n.at(), "SMS: node '" + n.id() + "' of public dialog '" + d.id()
                            + "' takes more than " + Segments.BUDGET + " segments in " + over.size() + " of "
                            + d.languages().size() + " languages (" + String.join(", ", over) + "); give its long "
                            + "texts a short .sms form (docs/translating.md)"));
                }
            }
        }
        return out;
    }

    /**
     * About how many characters {@code key}'s text may take in {@code lang} so that every node
     * showing it still fits {@link Segments#BUDGET} segments: the budget in the node's encoding
     * (3 × 153 GSM-7 septets, or 3 × 67 UCS-2 units) less what else the node sends (its other
     * texts, contact lines, numbered choices, the answer line), the least over the nodes. It is
     * what a translator is told for a {@code .sms} form; "about", because a fact filled in or a
     * line break where messages are packed can move it by a few characters. Empty when no node
     * of a public dialog shows the key.
     *
     * @param places dialog id and node id of each place the key is shown (node null: every node)
     */
    public static OptionalInt room(DialogSet set, String key, String lang, List<Map.Entry<String, String>> places) {
        Engine engine = new Engine(set, Map.of()).withVariant(Translations.SMS);
        SmsRenderer renderer = new SmsRenderer(new SmsTexts(set.translations()));
        String current = set.translations().find(lang, key, Translations.SMS).map(f -> filled(set, f.text().text())).orElse("");
        int least = Integer.MAX_VALUE;
        for (Map.Entry<String, String> place : places) {
            Dialog d = set.dialog(place.getKey()).orElse(null);
            if (d == null || d.audience() != Audience.PUBLIC || !d.offers(lang)) {
                continue;
            }
            List<Node> nodes = place.getValue() == null ? List.copyOf(d.nodes().values())
                    : d.node(place.getValue()).stream().toList();
            for (Node n : nodes) {
                if (!n.route().isEmpty()) {
                    continue;
                }
                String sent = String.join("\n", measure(engine, renderer, d, n, lang));
                Segments.Count c = Segments.count(sent);
                int capacity = Segments.BUDGET * (c.encoding() == Segments.Encoding.GSM7 ? 153 : 67);
                least = Math.min(least, capacity - c.units() + Segments.count(Segments.plain(current)).units());
            }
        }
        return least == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(Math.max(0, least));
    }

    /** A text with its facts filled in, as a reader gets it; other placeholders stay as written. */
    private static String filled(DialogSet set, String text) {
        Matcher m = FACT.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = set.facts().find(m.group(1)).map(f -> f.field(m.group(2) == null ? "value" : m.group(2)))
                    .orElse(m.group());
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(b);
        return b.toString();
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
