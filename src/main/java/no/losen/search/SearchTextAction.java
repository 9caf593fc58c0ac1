package no.losen.search;

import java.util.List;
import no.losen.dialog.Card;
import no.losen.dialog.TextAction;

/**
 * The handbook search as the dialogs' {@code search} action: typed text in, the best passages
 * out as cited hits. The engine adds the caution; the source travels with every hit.
 */
public final class SearchTextAction implements TextAction {

    /** Passages shown in a dialog card: enough to find the answer, few enough to read on a phone. */
    static final int HITS = 3;

    private final HandbookSearch search;

    public SearchTextAction(HandbookSearch search) {
        this.search = search;
    }

    @Override
    public List<Card.Hit> answer(String text, String lang) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String q = text.length() > SearchRequest.MAX_QUERY_CHARS ? text.substring(0, SearchRequest.MAX_QUERY_CHARS) : text;
        String l = lang == null || !lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? null : lang;
        return search.search(new SearchRequest(q, l, HITS, SearchMode.HYBRID)).results().stream()
                .map(r -> new Card.Hit(r.source(), r.title(), r.section(), r.text(), r.excerpt(), r.marks(), r.textLang()))
                .toList();
    }
}
