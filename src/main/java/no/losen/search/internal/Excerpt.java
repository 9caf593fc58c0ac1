package no.losen.search.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The one to three sentences of a passage that answer, for a card a person reads on a phone: the
 * sentence whose query terms weigh most (a term's weight times its rarity in the corpus), then its
 * neighbours while the excerpt stays within {@value #MAX_CHARS} characters; a lone sentence longer
 * than that is cut at a word and ends with "…". The query's words are marked where their analysed
 * form (stem, compound part) occurs, so "papirløse" is marked for a question that said "papirløs".
 */
public final class Excerpt {

    public static final int MAX_CHARS = 300;

    /** The excerpt and the {@code [start, end)} spans of query words in it. */
    public record Text(String text, List<int[]> marks) {}

    private final PassageIndex index;
    private final NorwegianAnalysis analysis;

    public Excerpt(PassageIndex index, NorwegianAnalysis analysis) {
        this.index = index;
        this.analysis = analysis;
    }

    /** {@code terms}: the analysed query terms with their weights ({@link PassageIndex#analysed}). */
    public Text of(Passage p, Map<String, Float> terms) {
        String text = p.text();
        List<Sentences.Span> spans = index.sentences(p.ordinal());
        if (spans.isEmpty()) {
            return mark(cut(text.strip()), terms);
        }
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < spans.size(); i++) {
            double score = 0;
            Set<String> seen = new HashSet<>();
            for (Token t : tokens(spans.get(i).of(text))) {
                Float w = terms.get(t.term());
                if (w != null && seen.add(t.term())) {
                    score += w * Math.log(1 + index.passageCount() / (1.0 + index.documentFrequency(t.term())));
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        int from = best;
        int to = best;
        // grow after the best sentence first (it usually continues the thought), then before it
        while (true) {
            if (to + 1 < spans.size() && length(text, spans, from, to + 1) <= MAX_CHARS && to - from < 2) {
                to++;
            } else if (from > 0 && length(text, spans, from - 1, to) <= MAX_CHARS && to - from < 2) {
                from--;
            } else {
                break;
            }
        }
        String excerpt = text.substring(spans.get(from).start(), spans.get(to).end()).strip().replaceAll("\\s*\\n\\s*", " ");
        return mark(cut(excerpt), terms);
    }

    private static int length(String text, List<Sentences.Span> spans, int from, int to) {
        return text.substring(spans.get(from).start(), spans.get(to).end()).strip().length();
    }

    private static String cut(String s) {
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_CHARS - 1);
        return s.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1).stripTrailing() + "…";
    }

    private Text mark(String excerpt, Map<String, Float> terms) {
        List<int[]> marks = new ArrayList<>();
        for (Token t : tokens(excerpt)) {
            if (terms.containsKey(t.term()) && (marks.isEmpty() || marks.get(marks.size() - 1)[0] != t.start())) {
                marks.add(new int[] {t.start(), t.end()});
            }
        }
        return new Text(excerpt, List.copyOf(marks));
    }

    private record Token(String term, int start, int end) {}

    private List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analysis.norwegian().tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
