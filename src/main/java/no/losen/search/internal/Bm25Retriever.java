package no.losen.search.internal;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;

/**
 * langchain4j retriever over the Lucene index. The query text is weighted terms
 * ({@link WeightedTerms}); a plain question is a set of terms of weight 1.
 */
public final class Bm25Retriever implements ContentRetriever {

    public static final String ORDINAL = "ordinal";

    private final PassageIndex index;
    private final List<Passage> passages;
    private final int depth;

    public Bm25Retriever(PassageIndex index, List<Passage> passages, int depth) {
        this.index = index;
        this.passages = passages;
        this.depth = depth;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return contents(index.weighted(WeightedTerms.parse(query.text()), depth), passages);
    }

    public static List<Content> contents(List<PassageIndex.Hit> hits, List<Passage> passages) {
        return hits.stream().map(h -> {
            Metadata m = new Metadata().put(ORDINAL, h.ordinal());
            Map<ContentMetadata, Object> score = Map.of(ContentMetadata.SCORE, (double) h.score());
            return Content.from(TextSegment.from(passages.get(h.ordinal()).text(), m), score);
        }).toList();
    }

    /** The passage a retrieved content stands for. */
    public static int ordinal(Content c) {
        return c.textSegment().metadata().getInteger(ORDINAL);
    }
}
