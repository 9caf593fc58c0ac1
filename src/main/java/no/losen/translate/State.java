package no.losen.translate;

import java.util.Locale;

/**
 * Where one key stands in one language. {@code stale}: translated from an nb text that has
 * since changed, so it needs a translator again even if a person once reviewed it.
 */
public enum State {
    MISSING, DRAFT, REVIEWED, STALE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static State of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
