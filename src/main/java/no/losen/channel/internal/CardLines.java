package no.losen.channel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import no.losen.dialog.Card;

/**
 * Cards as plain lines, where the text channels (SMS, WhatsApp) agree: a contact or a fact as
 * "title: how to reach it", a printable card as its title and items, and the name a handbook
 * passage is cited by. How a number is written and how an item is listed differ per channel, so
 * each renderer says those.
 */
public final class CardLines {

    private CardLines() {
    }

    /**
     * A card as lines; nothing for a search card (sent on its own).
     *
     * @param shown the message's text: a contact it already names is not repeated
     * @param how   how the channel writes a contact's way to be reached
     * @param item  how the channel lists a printable card's item; null leaves it out
     */
    public static String card(Card c, String shown, Function<Card.Contact, String> how, UnaryOperator<String> item) {
        if (c instanceof Card.Contact k) {
            return contact(k, how.apply(k), shown);
        } else if (c instanceof Card.Fact f) {
            return fact(f);
        } else if (c instanceof Card.Print p) {
            List<String> lines = new ArrayList<>();
            lines.add(nz(p.title()));
            if (p.items() != null) {
                p.items().stream().map(item).filter(i -> i != null).forEach(lines::add);
            }
            return String.join("\n", lines).strip();
        }
        return "";
    }

    /**
     * A contact as "title: how", with {@code how} written as the channel writes numbers; nothing
     * when the text already says it ("ROSA svarer på 22 33 11 60" needs no "ROSA: 22 33 11 60" below it).
     */
    static String contact(Card.Contact c, String how, String shown) {
        if (how != null && shown.contains(how)) {
            return "";
        }
        return how == null ? nz(c.title()) : nz(c.title()) + ": " + how;
    }

    /** A fact as "title: what it says". */
    static String fact(Card.Fact f) {
        return f.text() == null ? nz(f.title()) : nz(f.title()) + ": " + f.text();
    }

    /** The name a handbook passage is cited by: its title (or source) and section. */
    public static String source(Card.Hit hit) {
        String name = hit.title() != null && !hit.title().isBlank() ? hit.title() : hit.source();
        if (hit.section() != null && !hit.section().isBlank()) {
            name = name + " " + hit.section();
        }
        return name;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
