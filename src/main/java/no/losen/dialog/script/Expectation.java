package no.losen.dialog.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;

/** The {@code expect:} block of a turn, checked against a reply. Text is compared case-insensitively. */
final class Expectation {

    private final JsonNode e;

    Expectation(JsonNode e) {
        this.e = e;
    }

    List<String> check(Reply r, String error) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isNull()) {
            if (error != null) {
                out.add("unexpected error " + error);
            }
            return out;
        }
        if (e.has("error")) {
            if (!e.get("error").asText().equals(error)) {
                out.add("expected error " + e.get("error").asText() + ", got " + (error == null ? "none" : error));
            }
            return out;
        }
        if (error != null) {
            out.add("unexpected error " + error);
            return out;
        }
        if (r == null) {
            return out;
        }
        equal(out, "node", r.node());
        equal(out, "lang", r.lang());
        equal(out, "dir", r.dir());
        if (e.has("end") && e.get("end").asBoolean() != r.end()) {
            out.add("expected end " + e.get("end").asBoolean() + ", got " + r.end());
        }
        if (e.has("draft") && e.get("draft").asBoolean() != r.draft()) {
            out.add("expected draft " + e.get("draft").asBoolean() + " (marked as not yet checked), got " + r.draft());
        }
        String all = everything(r).toLowerCase(Locale.ROOT);
        for (String s : strings(e.get("text"))) {
            if (!all.contains(s.toLowerCase(Locale.ROOT))) {
                out.add("expected text containing '" + s + "' in: " + abbreviate(r.text()));
            }
        }
        for (String s : strings(e.get("not-text"))) {
            if (all.contains(s.toLowerCase(Locale.ROOT))) {
                out.add("expected no text '" + s + "'");
            }
        }
        List<String> ids = r.choices().stream().map(Reply.Option::id).toList();
        for (String s : strings(e.get("choices"))) {
            if (!ids.contains(s)) {
                out.add("expected choice '" + s + "', offered " + ids);
            }
        }
        for (String s : strings(e.get("no-choices"))) {
            if (ids.contains(s)) {
                out.add("expected no choice '" + s + "'");
            }
        }
        List<String> cards = ScriptRunner.cardNames(r);
        for (String s : strings(e.get("cards"))) {
            if (!cards.contains(s)) {
                out.add("expected card '" + s + "', shown " + cards);
            }
        }
        return out;
    }

    private void equal(List<String> out, String field, String actual) {
        if (e.has(field) && !e.get(field).asText().equals(actual)) {
            out.add("expected " + field + " '" + e.get(field).asText() + "', got '" + actual + "'");
        }
    }

    /** The text a user could read: the message, the resident-language text, notices and cards (with their source line). */
    private static String everything(Reply r) {
        StringBuilder b = new StringBuilder(r.text());
        if (r.alt() != null) {
            b.append('\n').append(r.alt().text());
        }
        if (r.notice() != null) {
            b.append('\n').append(r.notice());
        }
        for (Card c : r.cards()) {
            if (c instanceof Card.Contact k) {
                b.append('\n').append(String.join("\n", nonNull(k.title(), k.text(), k.phone(), k.url(), k.source())));
            } else if (c instanceof Card.Fact f) {
                b.append('\n').append(String.join("\n", nonNull(f.title(), f.text(), f.phone(), f.url(), f.source())));
            } else if (c instanceof Card.Print p) {
                b.append('\n').append(String.join("\n", nonNull(p.title())));
                if (p.items() != null) {
                    b.append('\n').append(String.join("\n", p.items()));
                }
            } else if (c instanceof Card.Search k) {
                b.append('\n').append(String.join("\n", nonNull(k.title(), k.caution())));
                if (k.results() != null) {
                    k.results().forEach(h -> b.append('\n').append(h.source()).append(' ').append(h.title()).append(' ').append(h.text()));
                }
            }
        }
        return b.toString();
    }

    private static List<String> nonNull(String... s) {
        return java.util.Arrays.stream(s).filter(x -> x != null).toList();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
