package no.losen.dialog;

import java.util.List;

/**
 * A card shown beside a message: a contact, a fact, a printable card, or search results. Sealed,
 * so a channel that shows cards handles each kind by its record ({@code instanceof}) and a new kind
 * is a compile error in every renderer rather than a string no {@code switch} knew. How a card is
 * written on the wire is the channel's business ({@code channel.ws.Wire}), not the model's.
 */
public sealed interface Card permits Card.Contact, Card.Fact, Card.Print, Card.Search {

    /** What every card has: its heading. */
    String title();

    /**
     * The kind's name as dialogs ({@code cards: - contact: rosa}), conversation tests and the
     * wire spell it; for naming a card, not for deciding how to show it.
     */
    String type();

    /**
     * Someone to call or visit, built from the facts table, so a number on screen is always the
     * one in the data; {@code source} and {@code checked} let a reader see where it comes from and
     * how fresh it is.
     *
     * @param text  what the fact says about itself, or its value when it is not a phone number
     * @param phone the number as people write it (only for phone facts); {@code tel} as a link dials it
     */
    record Contact(String id, String title, String text, String phone, String tel, String url, String source,
                   String checked) implements Card {
        @Override
        public String type() {
            return "contact";
        }
    }

    /** A fact from the facts table shown as a fact (a rule, a deadline); the fields as {@link Contact}'s. */
    record Fact(String id, String title, String text, String phone, String tel, String url, String source,
                String checked) implements Card {
        @Override
        public String type() {
            return "fact";
        }
    }

    /**
     * A printable card (a slip to take along): its paragraphs and contacts as {@code items}; on
     * bilingual nodes the same card in the resident's language ({@code alt}) and in Norwegian
     * ({@code official}), so a slip carries both.
     */
    record Print(String title, List<String> items, Alt alt, Alt official) implements Card {

        public Print(String title, List<String> items) {
            this(title, items, null, null);
        }

        public Print withAlts(Alt alt, Alt official) {
            return new Print(title, items, alt, official);
        }

        @Override
        public String type() {
            return "print";
        }
    }

    /**
     * Handbook passages that answer typed text, always with their source; {@code caution} says
     * that a search is not advice.
     */
    record Search(String title, String caution, List<Hit> results) implements Card {
        @Override
        public String type() {
            return "search";
        }
    }

    /**
     * A printable card again in another language: the resident's ({@code alt}), or Norwegian
     * ({@code official}) when staff work in another language, so a slip can carry both.
     */
    record Alt(String lang, String dir, String title, List<String> items) {
    }

    /**
     * One passage of the handbook that answers typed text, always with its source. {@code excerpt}:
     * the one to three sentences of {@code text} that answer, {@code marks} the {@code [start, end)}
     * spans of the question's words in it, {@code lang} the language the text is written in (the
     * handbook is Norwegian, so a card in another language names that). {@code topic}: the dialog's own
     * answer to what the passage is about, a choice the reply offers (null when none covers it).
     */
    record Hit(String source, String title, String section, String text, String excerpt, List<int[]> marks,
               String lang, Link topic) {
        public Hit(String source, String title, String section, String text, String excerpt, List<int[]> marks,
                   String lang) {
            this(source, title, section, text, excerpt, marks, lang, null);
        }

        public Hit(String source, String title, String section, String text) {
            this(source, title, section, text, null, null, null, null);
        }

        public Hit withTopic(Link link) {
            return new Hit(source, title, section, text, excerpt, marks, lang, link);
        }
    }

    /** A choice of the reply named on a card: its id (as in {@code choose}) and its label in the reply's language. */
    record Link(String id, String label) {
    }
}
