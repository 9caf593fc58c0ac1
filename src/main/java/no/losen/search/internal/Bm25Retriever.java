package no.losen.search.internal;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import java.util.List;
import java.util.Map;

/**
 * BM25 over the Lucene index for weighted Norwegian terms, as langchain4j {@link Content}s so that
 * the lexical and the vector ranking can be fused. The terms arrive as a map (term → weight), never
 * as text to parse: a {@code ^} typed by a user is a character, not a weight.
 */
public final class Bm25Retriever {

    public static final String ORDINAL = "ordinal";

    private final PassageIndex index;
    private final List<Passage> passages;
    private final int depth;

    public Bm25Retriever(PassageIndex index, List<Passage> passages, int depth) {
        this.index = index;
        this.passages = passages;
        this.depth = depth;
    }

    /** The passages for {@code terms}; a term of several words weighs each of its words ({@link WeightedTerms#words}). */
    public List<Content> retrieve(Map<String, Float> terms) {
        return retrieve(terms, null, null);
    }

    /**
     * As {@link #retrieve(Map)}, and for a question in another language than Norwegian ({@code lang},
     * {@code asked}) its own words over the questions passages answer in that language.
     */
    public List<Content> retrieve(Map<String, Float> terms, String lang, String asked) {
        return contents(index.weighted(WeightedTerms.words(terms), lang, asked, depth), passages);
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
