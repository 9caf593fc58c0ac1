package no.losen.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The facts table, by id. Dialogs and translations refer to facts; they never copy them. */
public final class Facts {

    private final Map<String, Fact> byId;
    private final Map<String, String> citations;

    public Facts(Map<String, Fact> byId) {
        this(byId, Map.of());
    }

    /** @param citations corpus document id → how a reader should see it cited ("UDI: Tiltakskort …") */
    public Facts(Map<String, Fact> byId, Map<String, String> citations) {
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        this.citations = Map.copyOf(citations);
    }

    /** The readable citation of a fact's source: the document's publisher, title and year, else the id as given. */
    public String citation(Fact f) {
        String doc = f.sourceDoc();
        return doc == null ? null : citations.getOrDefault(doc, doc);
    }

    public Optional<Fact> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Fact> all() {
        return byId;
    }

    /** Corpus document id → its readable citation, as {@code corpus/sources.yaml} gives it. */
    public Map<String, String> citations() {
        return citations;
    }

    /** Equal tables hold equal facts and citations (a table read back from the content cache equals the one loaded). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Facts f && byId.equals(f.byId) && citations.equals(f.citations);
    }

    @Override
    public int hashCode() {
        return byId.hashCode() * 31 + citations.hashCode();
    }
}
