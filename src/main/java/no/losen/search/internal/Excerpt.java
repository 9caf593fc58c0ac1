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
        // one analysis of the passage serves both choosing the sentences and marking the words
        List<Token> hits = new ArrayList<>();
        for (Token t : tokens(text)) {
            if (terms.containsKey(t.term())) {
                hits.add(t);
            }
        }
        if (spans.isEmpty()) {
            return marked(text, 0, text.length(), hits);
        }
        int best = 0;
        double bestScore = -1;
        Map<String, Double> idf = new java.util.HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            Sentences.Span sp = spans.get(i);
            double score = 0;
            Set<String> seen = new HashSet<>();
            for (Token t : hits) {
                if (t.start() >= sp.start() && t.end() <= sp.end() && seen.add(t.term())) {
                    score += terms.get(t.term()) * idf.computeIfAbsent(t.term(),
                            k -> Math.log(1 + index.passageCount() / (1.0 + index.documentFrequency(k))));
                }
            }
            if (figures(text, sp)) {
                score = score * 0.1 - 1; // a row of a table is a hit nobody can read: any sentence of words first
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        int from = best;
        int to = best;
        // grow after the best sentence first (it usually continues the thought), then before it; never into figures
        while (to - from < 2) {
            if (to + 1 < spans.size() && length(text, spans, from, to + 1) <= MAX_CHARS && !figures(text, spans.get(to + 1))) {
                to++;
            } else if (from > 0 && length(text, spans, from - 1, to) <= MAX_CHARS && !figures(text, spans.get(from - 1))) {
                from--;
            } else {
                break;
            }
        }
        return marked(text, spans.get(from).start(), spans.get(to).end(), hits);
    }

    /** The excerpt {@code [from, to)} of the passage, whitespace tidied and cut to length, with its marks. */
    private static Text marked(String text, int from, int to, List<Token> hits) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        boolean cut = false;
        if (to - from > MAX_CHARS) {
            int space = text.lastIndexOf(' ', from + MAX_CHARS - 1);
            to = space > from + MAX_CHARS / 2 ? space : from + MAX_CHARS - 1;
            cut = true;
        }
        // line breaks inside the excerpt become spaces: same length, so offsets stay valid
        String excerpt = text.substring(from, to).replace('\n', ' ') + (cut ? "…" : "");
        List<int[]> marks = new ArrayList<>();
        int last = -1;
        for (Token t : hits) {
            if (t.start() >= from && t.end() <= to && t.start() != last) {
                marks.add(new int[] {t.start() - from, t.end() - from});
                last = t.start();
            }
        }
        return new Text(excerpt, List.copyOf(marks));
    }

    /**
     * The span is mostly figures: more than half of its words hold no letter ("7 16 16 7 148 Eritrea 44
     * 31 24", a row of the handbook's statistics), which an independent tester found shown as the answer.
     */
    static boolean figures(String text, Sentences.Span sp) {
        int words = 0;
        int bare = 0;
        for (String w : text.substring(sp.start(), sp.end()).trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words++;
                if (w.codePoints().noneMatch(Character::isLetter)) {
                    bare++;
                }
            }
        }
        return words >= 4 && bare * 2 > words;
    }

    private static int length(String text, List<Sentences.Span> spans, int from, int to) {
        return text.substring(spans.get(from).start(), spans.get(to).end()).strip().length();
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
