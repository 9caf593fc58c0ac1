package no.losen.search.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits a compound's parts after the compound, at the same position, typed {@value #PART}
 * so the query builder can weigh a part match below a whole-word match.
 */
final class CompoundSplitFilter extends TokenFilter {

    static final String PART = "compound-part";

    private final CompoundSplitter splitter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State state;

    CompoundSplitFilter(TokenStream input, CompoundSplitter splitter) {
        super(input);
        this.splitter = splitter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(state);
            term.setEmpty().append(pending.poll());
            posInc.setPositionIncrement(0);
            type.setType(PART);
            keyword.setKeyword(false);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        List<String> parts = splitter.split(term.toString());
        if (!parts.isEmpty()) {
            pending.addAll(parts);
            state = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        state = null;
    }
}
