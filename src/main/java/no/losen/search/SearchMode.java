package no.losen.search;

import java.util.Locale;

/** How a question is matched: the full pipeline, the BM25 baseline, or embeddings only. */
public enum SearchMode {
    HYBRID, BM25, VECTOR;

    /** Parses the API's lower-case name; null stands for the default, {@link #HYBRID}. */
    public static SearchMode parse(String s) {
        if (s == null || s.isBlank()) {
            return HYBRID;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchRequest("unknown mode '" + s + "': use hybrid, bm25 or vector");
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
