package no.losen.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.channel.internal.CardLines;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;

/**
 * A {@link Reply} as SMS text: the same words the widget shows, laid out for a basic phone.
 * Choices become numbered lines ("1 Jeg er voksen"), contact cards one line each
 * ("ROSA: 22 33 11 60"), and a short last line says how to answer. Paragraph breaks become
 * single line breaks and typography becomes plain GSM-7, because every character costs.
 * A contact whose number the text already says is not repeated. The reply's words are the
 * short {@code .sms} forms where they exist: the SMS channel asks an engine made with
 * {@link no.losen.dialog.Engine#withVariant} for them.
 */
public final class SmsRenderer {

    /** Search answers are kept to this many segments: a passage and its source, not a page. */
    public static final int SEARCH_BUDGET = 2;

    private final SmsTexts texts;

    public SmsRenderer(SmsTexts texts) {
        this.texts = texts;
    }

    /**
     * The node as one text.
     *
     * @param canGoBack whether "0" would take the user back (not on the first node)
     */
    public String render(Reply r, boolean canGoBack) {
        return String.join("\n", blocks(r, canGoBack));
    }

    /** The node as blocks that should stay whole in one message where they fit: text, each card, choices with the answer line. */
    public List<String> blocks(Reply r, boolean canGoBack) {
        List<String> blocks = new ArrayList<>(content(r));
        List<Reply.Option> choices = r.choices() == null ? List.of() : r.choices();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            lines.add((i + 1) + " " + choices.get(i).label());
        }
        String footer = texts.footer(r, choices, canGoBack);
        if (!footer.isBlank()) {
            lines.add(footer);
        }
        if (!lines.isEmpty()) {
            blocks.add(String.join("\n", lines));
        }
        return tidy(blocks);
    }

    /** The notice, the text and the cards, without choices or the answer line (a node chained on by {@code next}). */
    public List<String> content(Reply r) {
        List<String> blocks = new ArrayList<>();
        if (r.notice() != null && !r.notice().isBlank()) {
            blocks.add(r.notice());
        }
        if (r.text() != null && !r.text().isBlank()) {
            blocks.add(r.text());
        }
        String shown = r.text() == null ? "" : r.text();
        for (Card c : r.cards()) {
            String line = card(c, shown);
            if (!line.isBlank()) {
                blocks.add(line);
            }
        }
        return tidy(blocks);
    }

    private static List<String> tidy(List<String> blocks) {
        return blocks.stream().map(b -> Segments.plain(b.replaceAll("\n{2,}", "\n")).strip())
                .filter(b -> !b.isEmpty()).toList();
    }

    /** The best handbook passage and its source, within {@link #SEARCH_BUDGET} segments. */
    public String search(Card.Search card, String lang) {
        Card.Hit hit = card.results().get(0);
        String source = Segments.plain(texts.text(lang, "sms.source", Map.of("source", CardLines.source(hit))));
        String passage = Segments.plain(hit.text().replaceAll("\\s+", " "));
        return Segments.fit(passage, source, SEARCH_BUDGET);
    }

    /**
     * The first-contact menu: the emergency numbers when known (a person in danger may not get
     * further), then each language by its own name, numbered; a header in the first two.
     */
    public String menu(List<String> langs, Map<String, String> emergency) {
        List<String> header = new ArrayList<>();
        for (String l : langs.subList(0, Math.min(2, langs.size()))) {
            String t = texts.text(l, "sms.menu");
            if (!t.isBlank() && !header.contains(t)) {
                header.add(t);
            }
        }
        List<String> lines = new ArrayList<>();
        if (!emergency.isEmpty()) {
            lines.add(texts.text(langs.get(0), "sms.menu.sos", emergency));
        }
        lines.add(String.join(" / ", header));
        for (int i = 0; i < langs.size(); i++) {
            lines.add((i + 1) + " " + texts.name(langs.get(i)));
        }
        return Segments.plain(String.join("\n", lines).strip());
    }

    /**
     * A card as lines; a printable card's items already said in the text are not repeated. A search
     * card is not a line: it is sent on its own ({@link #search}).
     */
    static String card(Card c, String shown) {
        return CardLines.card(c, shown, k -> k.phone() != null ? k.phone() : k.url(), i -> shown.contains(i) ? null : i);
    }
}
