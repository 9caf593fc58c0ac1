package no.losen.search;

import java.util.List;

/**
 * Passages best first, the language the question was taken to be in, and — only when a chat
 * model is configured and it answered — a short answer grounded in (and citing) these passages.
 */
public record SearchResponse(List<SearchResult> results, String lang, String answer) {
    public SearchResponse {
        results = List.copyOf(results);
    }
}
