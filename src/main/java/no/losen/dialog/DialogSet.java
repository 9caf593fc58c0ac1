package no.losen.dialog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import no.losen.content.Facts;
import no.losen.content.Translations;

/** Everything the engine needs, loaded once and never changed: dialogs, their words, the facts. */
public record DialogSet(Map<String, Dialog> dialogs, Translations translations, Facts facts) {

    public DialogSet {
        dialogs = Collections.unmodifiableMap(new LinkedHashMap<>(dialogs));
    }

    public Optional<Dialog> dialog(String id) {
        return Optional.ofNullable(dialogs.get(id));
    }
}
