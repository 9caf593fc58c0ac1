package no.losen.dialog;

import java.util.List;

/**
 * What the user sees after a step, channel-neutral: every key already resolved to text in the
 * user's language. Channels decide only how to show it (JSON frame, numbered SMS, console).
 * Built by name with {@link #at}, not by the canonical constructor's eighteen positions.
 *
 * @param selected  on a check list, the ids to show ticked; on a node of choices, those whose answer the
 *                  session holds now (every variable the choice sets has its value), or null when none
 * @param alt       on bilingual nodes: the message in the resident's language
 * @param official  on bilingual nodes when neither the user's nor the resident's language is Norwegian:
 *                  the Norwegian text, which is what the official wording is
 * @param fallbacks keys that were not in the user's language and came from the fallback chain;
 *                  not sent to clients, but conversation tests and the validator show them
 * @param depth     how many steps lie behind this one ({@code back} can undo that many; at most
 *                  {@link Session#MAX_HISTORY}), so a client can show the way back without
 *                  counting its own frames
 */
public record Reply(String dialog, String node, String lang, String dir, String text, List<Option> choices,
                    boolean multi, List<String> selected, boolean input, List<Card> cards, boolean end,
                    boolean draft, String notice, Alt alt, Alt official, String step,
                    List<String> fallbacks, int depth) {

    /** A choice as shown: its id and its label in the user's language. */
    public record Option(String id, String label) {
    }

    /** The same message in a second language (the resident's), shown beside the first. */
    public record Alt(String lang, String dir, String text, boolean draft) {
    }

    /**
     * A reply at {@code node} of {@code dialog} in {@code lang} (written {@code dir}), to fill in
     * by name: without text, choices or cards, not a check list, no input, not an end, not a draft.
     */
    public static Builder at(String dialog, String node, String lang, String dir) {
        return new Builder(dialog, node, lang, dir);
    }

    /** The same reply, to change a field by name. */
    public Builder toBuilder() {
        Builder b = at(dialog, node, lang, dir).text(text).choices(choices).input(input).cards(cards).end(end)
                .draft(draft).notice(notice).alts(alt, official).step(step).fallbacks(fallbacks).depth(depth);
        b.multi = multi;
        b.selected = selected;
        return b;
    }

    /**
     * The same reply as an answer to typed text: without the node's text and cards, which the person
     * saw when they came here (repeating them, at the start the whole welcome and four fact cards,
     * pushed the answer screens down on a phone), and with {@code answer} as its cards (the
     * handbook's passages). The choices stay, so the conversation can go on.
     */
    public Reply answering(List<Card> answer) {
        return toBuilder().text("").cards(answer).build();
    }

    /**
     * The same reply with {@code steps} behind it. A rendered reply is shared between conversations
     * (the engine's cache), so the depth of one conversation goes on a copy, made only when it differs.
     */
    public Reply behind(int steps) {
        return steps == depth ? this : toBuilder().depth(steps).build();
    }

    public Reply withNotice(String text) {
        return toBuilder().notice(text).build();
    }

    /** Builds a {@link Reply} field by field, so a call site names what it sets. */
    public static final class Builder {
        private final String dialog;
        private final String node;
        private final String lang;
        private final String dir;
        private String text = "";
        private List<Option> choices = List.of();
        private boolean multi;
        private List<String> selected;
        private boolean input;
        private List<Card> cards = List.of();
        private boolean end;
        private boolean draft;
        private String notice;
        private Alt alt;
        private Alt official;
        private String step;
        private List<String> fallbacks = List.of();
        private int depth;

        private Builder(String dialog, String node, String lang, String dir) {
            this.dialog = dialog;
            this.node = node;
            this.lang = lang;
            this.dir = dir;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder choices(List<Option> choices) {
            this.choices = choices;
            return this;
        }

        /** The choices are a check list, with {@code selected} ticked. */
        public Builder checklist(List<String> selected) {
            this.multi = true;
            this.selected = selected;
            return this;
        }

        /**
         * On a node of choices: the ids of those whose answer the session holds now (the node is
         * revisited), for a client to mark; null when none.
         */
        public Builder answered(List<String> ids) {
            this.selected = ids;
            return this;
        }

        /** Whether the node asks for typed input. */
        public Builder input(boolean input) {
            this.input = input;
            return this;
        }

        public Builder cards(List<Card> cards) {
            this.cards = cards;
            return this;
        }

        public Builder end(boolean end) {
            this.end = end;
            return this;
        }

        /** Whether some of the text is a draft translation. */
        public Builder draft(boolean draft) {
            this.draft = draft;
            return this;
        }

        public Builder notice(String notice) {
            this.notice = notice;
            return this;
        }

        /** The message in the resident's language and in Norwegian, on bilingual nodes; null where not shown. */
        public Builder alts(Alt alt, Alt official) {
            this.alt = alt;
            this.official = official;
            return this;
        }

        /** The name of the procedure step the node belongs to; null when it does not say. */
        public Builder step(String step) {
            this.step = step;
            return this;
        }

        public Builder fallbacks(List<String> fallbacks) {
            this.fallbacks = fallbacks;
            return this;
        }

        /** How many steps lie behind this one. */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Reply build() {
            return new Reply(dialog, node, lang, dir, text, choices, multi, selected, input, cards, end, draft, notice,
                    alt, official, step, fallbacks, depth);
        }
    }
}
