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

    /** Passages found with the embeddings endpoint when one is set; never the chat model's answer, which a card does not show. */
    @Override
    public List<Card.Hit> answer(String text, String lang) {
        return answer(text, lang, HandbookSearch.Endpoints.EMBEDDINGS);
    }

    /** Passages found without any model endpoint: beside the emergency help, which waits on nothing outside this process. */
    @Override
    public List<Card.Hit> answerAtOnce(String text, String lang) {
        return answer(text, lang, HandbookSearch.Endpoints.NONE);
    }

    private List<Card.Hit> answer(String text, String lang, HandbookSearch.Endpoints endpoints) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String q = text.length() > SearchRequest.MAX_QUERY_CHARS ? text.substring(0, SearchRequest.MAX_QUERY_CHARS) : text;
        String l = lang == null || !lang.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*") ? null : lang;
        return search.search(new SearchRequest(q, l, HITS, SearchMode.HYBRID), endpoints).results().stream()
                .map(r -> new Card.Hit(r.source(), r.title(), r.section(), r.text(), r.excerpt(), r.marks(), r.textLang()))
                .toList();
    }
}
