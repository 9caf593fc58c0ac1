package no.losen.dialog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.losen.content.Examples;
import no.losen.content.Facts;
import no.losen.content.Translations;

/**
 * Everything the engine needs, loaded once and never changed: dialogs, their words, the facts,
 * and the example messages free text is recognised by.
 */
public record DialogSet(Map<String, Dialog> dialogs, Translations translations, Facts facts, Examples examples) {

    public DialogSet {
        dialogs = Collections.unmodifiableMap(new LinkedHashMap<>(dialogs));
        examples = examples == null ? Examples.EMPTY : examples;
    }

    public DialogSet(Map<String, Dialog> dialogs, Translations translations, Facts facts) {
        this(dialogs, translations, facts, Examples.EMPTY);
    }

    public Optional<Dialog> dialog(String id) {
        return Optional.ofNullable(dialogs.get(id));
    }
}
