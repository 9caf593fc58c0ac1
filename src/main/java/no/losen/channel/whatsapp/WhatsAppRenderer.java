package no.losen.channel.whatsapp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.channel.sms.SmsTexts;
import no.losen.channel.internal.CardLines;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;

/**
 * A {@link Reply} as WhatsApp Cloud API messages (the {@code type} and its object; the sender
 * adds {@code to}). Choices use WhatsApp's own controls where they fit: up to
 * {@value #MAX_BUTTONS} as reply buttons (titles at most {@value #BUTTON_TITLE} characters), up to
 * {@value #MAX_ROWS} as a list message (rows at most {@value #ROW_TITLE}, with the full label as
 * the row's description), more, and check lists, as numbered lines as on SMS. A title too long
 * for WhatsApp takes the label's short {@code .sms} form when that fits, else it is cut at a word
 * and {@code validate} reports it ({@link WhatsAppTitles}). Text over {@value #MAX_TEXT}
 * characters is split at paragraphs. Contacts are lines with the number in international form,
 * which WhatsApp makes tappable.
 */
public final class WhatsAppRenderer {

    public static final int MAX_TEXT = 4096;
    public static final int MAX_BODY = 1024;
    public static final int MAX_BUTTONS = 3;
    public static final int BUTTON_TITLE = 20;
    public static final int MAX_ROWS = 10;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int FOOTER = 60;
    /** Prefix of a choice's reply id ({@code c:asylum}); a language's is {@code l:}. */
    public static final String CHOICE = "c:";
    public static final String LANG = "l:";

    /** Twilio's limit of one message's body, for WhatsApp through Twilio too. */
    public static final int TWILIO_MAX_TEXT = 1600;

    private final SmsTexts texts;
    private final boolean interactive;
    private final int maxText;

    /** For the Cloud API: buttons and lists where they fit, texts up to {@value #MAX_TEXT} characters. */
    public WhatsAppRenderer(SmsTexts texts) {
        this(texts, true, MAX_TEXT);
    }

    /**
     * @param interactive false: every choice as a numbered line (Twilio's WhatsApp, whose TwiML reply
     *                    holds text only; its buttons need templates made beforehand)
     * @param maxText     the longest message; longer texts are split at paragraphs
     */
    public WhatsAppRenderer(SmsTexts texts, boolean interactive, int maxText) {
        this.texts = texts;
        this.interactive = interactive;
        this.maxText = maxText;
    }

    /**
     * The node's messages.
     *
     * @param r         the reply with its full texts
     * @param shortened the same reply from the SMS-variant engine, whose labels are the short forms (may be null)
     * @param canGoBack whether "0" goes back (said in the footer)
     */
    public List<JsonObject> node(Reply r, Reply shortened, boolean canGoBack) {
        String content = String.join("\n\n", content(r));
        List<Reply.Option> choices = r.choices() == null ? List.of() : r.choices();
        if (!interactive || choices.isEmpty() || r.multi() || choices.size() > MAX_ROWS) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < choices.size(); i++) {
                lines.add((i + 1) + " " + choices.get(i).label());
            }
            String footer = texts.footer(r, choices, canGoBack);
            if (!footer.isBlank()) {
                lines.add(footer);
            }
            String all = content.isBlank() ? String.join("\n", lines)
                    : lines.isEmpty() ? content : content + "\n\n" + String.join("\n", lines);
            return text(all);
        }
        List<String> parts = split(content, maxText);
        List<JsonObject> out = new ArrayList<>();
        String body;
        if (!parts.isEmpty() && parts.get(parts.size() - 1).length() <= MAX_BODY) {
            body = parts.remove(parts.size() - 1);
        } else {
            body = texts.text(r.lang(), "sms.choose");
        }
        parts.forEach(p -> out.add(textMessage(p)));
        String footer = canGoBack && !r.input() ? texts.text(r.lang(), "sms.back") : "";
        List<String[]> rows = new ArrayList<>();
        for (Reply.Option o : choices) {
            String shorter = shortened == null || shortened.choices() == null ? null : shortened.choices().stream()
                    .filter(s -> s.id().equals(o.id())).map(Reply.Option::label).findFirst().orElse(null);
            rows.add(new String[] {CHOICE + o.id(), o.label(), shorter});
        }
        out.add(choose(r.lang(), body, footer, rows));
        return out;
    }

    /**
     * The language menu under the emergency numbers (empty: none known): a list of up to ten
     * languages, each by its own name; more as numbered lines.
     */
    public List<JsonObject> menu(List<String> langs, Map<String, String> emergency) {
        List<String> header = new ArrayList<>();
        for (String l : langs.subList(0, Math.min(2, langs.size()))) {
            String t = texts.text(l, "sms.menu");
            if (!t.isBlank() && !header.contains(t)) {
                header.add(t);
            }
        }
        String sos = emergency.isEmpty() ? "" : texts.text(langs.get(0), "sms.menu.sos", emergency) + "\n";
        if (!interactive || langs.size() > MAX_ROWS) {
            List<String> lines = new ArrayList<>();
            if (!sos.isEmpty()) {
                lines.add(sos.strip());
            }
            lines.add(String.join(" / ", header));
            for (int i = 0; i < langs.size(); i++) {
                lines.add((i + 1) + " " + texts.name(langs.get(i)));
            }
            return text(String.join("\n", lines));
        }
        List<String[]> rows = new ArrayList<>();
        langs.forEach(l -> rows.add(new String[] {LANG + l, texts.name(l), null}));
        return List.of(choose(langs.get(0), sos + String.join(" / ", header), "", rows));
    }

    /** The best handbook passage and its source. */
    public List<JsonObject> search(Card.Search card, String lang) {
        Card.Hit hit = card.results().get(0);
        String source = texts.text(lang, "sms.source", java.util.Map.of("source", CardLines.source(hit)));
        return text(hit.text().strip() + "\n\n" + source);
    }

    /** Plain text, split at paragraphs into messages WhatsApp accepts. */
    public List<JsonObject> text(String text) {
        return split(text, maxText).stream().map(WhatsAppRenderer::textMessage).toList();
    }

    /**
     * The title a choice gets within {@code max} characters: its label when that fits, else its
     * short form, else the label cut at a word with "…" (which {@code validate} reports).
     */
    public static String title(String label, String shorter, int max) {
        String full = label.strip();
        if (full.codePointCount(0, full.length()) <= max) {
            return full;
        }
        if (shorter != null && !shorter.isBlank() && shorter.strip().codePointCount(0, shorter.strip().length()) <= max) {
            return shorter.strip();
        }
        return cut(full, max);
    }

    /** Whether {@code label} (or its short form) fits {@code max} without cutting. */
    public static boolean fits(String label, String shorter, int max) {
        return !title(label, shorter, max).endsWith("…") || label.strip().endsWith("…");
    }

    /** At most {@code max} characters, cut at a word where one is near, with "…". */
    static String cut(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, max - 1);
        int space = s.lastIndexOf(' ', end);
        if (space >= max / 2) {
            end = space;
        }
        return s.substring(0, end).strip() + "…";
    }

    /**
     * {@code text} in parts of at most {@code max} characters: cut at the last paragraph break that
     * keeps a part within the limit, else a line break, a sentence end, a space, and only as a last
     * resort anywhere (never inside a surrogate pair). Nothing is dropped.
     */
    public static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int at = best(rest, max);
            out.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    private static int best(String s, int max) {
        for (String sep : new String[] {"\n\n", "\n", ". ", " "}) {
            int i = s.lastIndexOf(sep, max - sep.length());
            if (i > max / 4) {
                return sep.equals(". ") ? i + 1 : i;
            }
        }
        return Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
    }

    private JsonObject choose(String lang, String body, String footer, List<String[]> rows) {
        boolean buttons = rows.size() <= MAX_BUTTONS && rows.stream().allMatch(r -> fits(r[1], r[2], BUTTON_TITLE));
        JsonObject interactive = new JsonObject().put("body", new JsonObject().put("text", body));
        if (!footer.isBlank() && footer.length() <= FOOTER) {
            interactive.put("footer", new JsonObject().put("text", footer));
        }
        if (buttons) {
            JsonArray bs = new JsonArray();
            rows.forEach(r -> bs.add(new JsonObject().put("type", "reply")
                    .put("reply", new JsonObject().put("id", r[0]).put("title", title(r[1], r[2], BUTTON_TITLE)))));
            interactive.put("type", "button").put("action", new JsonObject().put("buttons", bs));
        } else {
            JsonArray list = new JsonArray();
            for (String[] r : rows) {
                String title = title(r[1], r[2], ROW_TITLE);
                JsonObject row = new JsonObject().put("id", r[0]).put("title", title);
                if (!title.equals(r[1].strip())) {
                    row.put("description", cut(r[1].strip(), ROW_DESCRIPTION));
                }
                list.add(row);
            }
            String button = cut(texts.text(lang, "wa.list"), BUTTON_TITLE);
            interactive.put("type", "list").put("action", new JsonObject().put("button", button)
                    .put("sections", new JsonArray().add(new JsonObject().put("title", cut(button, ROW_TITLE)).put("rows", list))));
        }
        return new JsonObject().put("type", "interactive").put("interactive", interactive);
    }

    static JsonObject textMessage(String text) {
        return new JsonObject().put("type", "text").put("text", new JsonObject().put("preview_url", false).put("body", text));
    }

    private List<String> content(Reply r) {
        List<String> blocks = new ArrayList<>();
        if (r.notice() != null && !r.notice().isBlank()) {
            blocks.add(r.notice().strip());
        }
        if (r.text() != null && !r.text().isBlank()) {
            blocks.add(r.text().strip());
        }
        String shown = r.text() == null ? "" : r.text();
        for (Card c : r.cards()) {
            String line = card(c, shown);
            if (!line.isBlank()) {
                blocks.add(line);
            }
        }
        return blocks;
    }

    /**
     * A card as lines; a contact's number in international form, so WhatsApp offers to call it. A
     * contact whose number the text already says as it would be written here (112) is not repeated;
     * one the text says without its country code is, in the form a tap can call.
     */
    static String card(Card c, String shown) {
        return CardLines.card(c, shown, k -> k.phone() != null ? international(k.phone(), k.tel()) : k.url(), i -> "• " + i);
    }

    /**
     * "22 33 11 60" with tel "+4722331160" as "+47 22 33 11 60": the country code in front keeps the
     * spacing people read and makes the number callable from abroad and tappable. Short numbers
     * (112) stay as they are.
     */
    static String international(String phone, String tel) {
        if (tel == null || !tel.startsWith("+") || phone.strip().startsWith("+")) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.isEmpty() || !tel.endsWith(digits) || tel.length() == digits.length()) {
            return phone;
        }
        return tel.substring(0, tel.length() - digits.length()) + " " + phone.strip();
    }
}
