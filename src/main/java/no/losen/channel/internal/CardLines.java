package no.losen.channel.internal;

import no.losen.dialog.Card;

/**
 * Cards as plain lines, where the text channels (SMS, WhatsApp) agree: a contact or a fact as
 * "title: how to reach it", and the name a handbook passage is cited by. How a number is written
 * and how a printable card lists its items differ per channel, so each renderer keeps those.
 */
public final class CardLines {

    private CardLines() {
    }

    /**
     * A contact as "title: how", with {@code how} written as the channel writes numbers; nothing
     * when the text already says it ("ROSA svarer på 22 33 11 60" needs no "ROSA: 22 33 11 60" below it).
     */
    public static String contact(Card.Contact c, String how, String shown) {
        if (how != null && shown.contains(how)) {
            return "";
        }
        return how == null ? nz(c.title()) : nz(c.title()) + ": " + how;
    }

    /** A fact as "title: what it says". */
    public static String fact(Card.Fact f) {
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

    public static String nz(String s) {
        return s == null ? "" : s;
    }
}
