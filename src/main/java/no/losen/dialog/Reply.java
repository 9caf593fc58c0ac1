package no.losen.dialog;

import java.util.List;

/**
 * What the user sees after a step, channel-neutral: every key already resolved to text in the
 * user's language. Channels decide only how to show it (JSON frame, numbered SMS, console).
 *
 * @param alt       on bilingual nodes: the message in the resident's language
 * @param official  on bilingual nodes when neither the user's nor the resident's language is Norwegian:
 *                  the Norwegian text, which is what the official wording is
 * @param fallbacks keys that were not in the user's language and came from the fallback chain;
 *                  not sent to clients, but conversation tests and the validator show them
 */
public record Reply(String dialog, String node, String lang, String dir, String text, List<Option> choices,
                    boolean multi, List<String> selected, boolean input, List<Card> cards, boolean end,
                    boolean draft, String notice, Alt alt, Alt official, String step,
                    List<String> fallbacks) {

    /** A choice as shown: its id and its label in the user's language. */
    public record Option(String id, String label) {
    }

    /** The same message in a second language (the resident's), shown beside the first. */
    public record Alt(String lang, String dir, String text, boolean draft) {
    }

    /**
     * The same reply without the node's text: a search card answers typed text, and repeating the
     * node's text (at the start, the whole welcome) above it only pushes the answer off the screen.
     * The choices stay, so the conversation can go on.
     */
    public Reply withoutText() {
        return new Reply(dialog, node, lang, dir, "", choices, multi, selected, input, cards, end, draft,
                notice, alt, official, step, fallbacks);
    }

    public Reply withNotice(String text) {
        return new Reply(dialog, node, lang, dir, this.text, choices, multi, selected, input, cards, end, draft,
                text, alt, official, step, fallbacks);
    }
}
