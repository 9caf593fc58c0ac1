package no.losen.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The facts table, by id. Dialogs and translations refer to facts; they never copy them. */
public final class Facts {

    private final Map<String, Fact> byId;

    public Facts(Map<String, Fact> byId) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public Optional<Fact> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Fact> all() {
        return byId;
    }
}
