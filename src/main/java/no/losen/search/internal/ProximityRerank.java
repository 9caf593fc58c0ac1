package no.losen.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToIntFunction;

/**
 * Re-ranks BM25's first passages by how much of the question a few neighbouring sentences hold
 * together: BM25 scores a passage as a bag of words, so a passage that mentions each question
 * word once in different paragraphs ties with one where they stand in the same sentence, which
 * is where an answer is. Proximity measured on sentence windows, not on word positions: a lay
 * question's words rarely come in the handbook's order, but an answer's words share a sentence
 * or two.
 *
 * <p>A passage's score becomes {@code bm25 + weight × best bm25 × coverage}, where coverage is
 * the share of the question's weight (term weight × idf) found in its best window of
 * {@code window} sentences. The first ranking's best score scales it, so the bonus is in BM25's
 * units whatever the question's length.
 */
final class ProximityRerank {

    private final List<Passage> passages;
    private final NorwegianAnalysis analysis;
    private final ToIntFunction<String> documentFrequency;
    private final int documents;
    /** Per passage, the analysed terms of each sentence; filled the first time a passage is re-ranked. */
    private final AtomicReferenceArray<List<Set<String>>> sentenceTerms;

    ProximityRerank(List<Passage> passages, NorwegianAnalysis analysis, ToIntFunction<String> documentFrequency) {
        this.passages = passages;
        this.analysis = analysis;
        this.documentFrequency = documentFrequency;
        this.documents = Math.max(1, passages.size());
        this.sentenceTerms = new AtomicReferenceArray<>(passages.size());
    }

    /** {@code hits} (best first) re-ordered; {@code terms}: analysed question terms and weights. */
    List<PassageIndex.Hit> rerank(List<PassageIndex.Hit> hits, Map<String, Float> terms, float weight, int window) {
        if (hits.isEmpty() || weight <= 0 || terms.isEmpty()) {
            return hits;
        }
        Map<String, Double> mass = new HashMap<>();
        double total = 0;
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            int df = documentFrequency.applyAsInt(e.getKey());
            if (df == 0) {
                continue;
            }
            double m = e.getValue() * Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            mass.put(e.getKey(), m);
            total += m;
        }
        if (total <= 0) {
            return hits;
        }
        float best = hits.get(0).score();
        List<PassageIndex.Hit> out = new ArrayList<>(hits.size());
        for (PassageIndex.Hit h : hits) {
            double coverage = coverage(sentences(h.ordinal()), mass, window) / total;
            out.add(new PassageIndex.Hit(h.ordinal(), (float) (h.score() + weight * best * coverage)));
        }
        out.sort(Comparator.comparingDouble((PassageIndex.Hit h) -> -h.score()));
        return out;
    }

    private static double coverage(List<Set<String>> sentences, Map<String, Double> mass, int window) {
        double best = 0;
        int w = Math.max(1, Math.min(window, sentences.size()));
        for (int i = 0; i + w <= Math.max(w, sentences.size()); i++) {
            Set<String> seen = new HashSet<>();
            double sum = 0;
            for (int j = i; j < i + w && j < sentences.size(); j++) {
                for (String t : sentences.get(j)) {
                    Double m = mass.get(t);
                    if (m != null && seen.add(t)) {
                        sum += m;
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /**
     * Feedback terms: analysed terms found in at least two of the first {@code docs} passages,
     * not in the question, best idf first.
     */
    List<String> feedback(List<PassageIndex.Hit> first, Set<String> question, int docs, int count) {
        Map<String, Integer> seen = new HashMap<>();
        for (PassageIndex.Hit h : first.subList(0, Math.min(docs, first.size()))) {
            Set<String> terms = new HashSet<>();
            sentences(h.ordinal()).forEach(terms::addAll);
            terms.forEach(t -> seen.merge(t, 1, Integer::sum));
        }
        return seen.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && !question.contains(e.getKey()) && e.getKey().length() > 2)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt(documentFrequency::applyAsInt))
                .filter(t -> documentFrequency.applyAsInt(t) > 1)
                .limit(count)
                .toList();
    }

    private List<Set<String>> sentences(int ordinal) {
        List<Set<String>> cut = sentenceTerms.get(ordinal);
        if (cut == null) {
            String text = passages.get(ordinal).text();
            cut = new ArrayList<>();
            for (Sentences.Span s : Sentences.split(text)) {
                Set<String> terms = new HashSet<>();
                for (NorwegianAnalysis.Token t : NorwegianAnalysis.tokens(analysis.norwegian(), s.of(text))) {
                    terms.add(t.term());
                }
                cut.add(terms);
            }
            sentenceTerms.compareAndSet(ordinal, null, cut);
        }
        return cut;
    }
}
