package no.losen.dialog;

import java.util.Optional;

/**
 * Recognises what typed text is about, so the engine can route a frightened person's story to the
 * right place. The engine only asks; how (a classifier trained from the dialog's example messages,
 * see {@code no.losen.intent}) stays outside it, so the engine remains plain Java with no model code.
 */
@FunctionalInterface
public interface Intents {

    /** No recognition: topics are found by their keywords only. */
    Intents NONE = (dialog, text, lang) -> Optional.empty();

    /**
     * What {@code text}, typed in a session in {@code lang}, is about; empty when this dialog has no
     * model (then the engine falls back to the topics' keywords).
     */
    Optional<Reading> read(Dialog dialog, String text, String lang);

    /**
     * Whether {@code text} holds one of the dialog's words of danger now: the cheap part of
     * {@link #read} (a word list, no model), for a moment when the full read cannot be afforded. A message for which this is true reads as danger. False when not known.
     */
    default boolean dangerWord(Dialog dialog, String text, String lang) {
        return false;
    }

    /**
     * The language {@code text} is surely written in, learnt from the dialog's example messages; empty when
     * not known (no model, or not sure). For a moment a channel must know it before the person has said
     * (a first SMS, a search question without a language).
     */
    default Optional<String> language(Dialog dialog, String text) {
        return Optional.empty();
    }
}
