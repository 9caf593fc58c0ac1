package no.losen.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene BM25 indexes, in memory (the corpus is ~1 MB). Thread-safe: readers and searchers
 * are shared by all queries.
 *
 * <p>Two indexes over the same text, because an answer is usually one or two sentences inside a
 * passage of up to 1,200 characters, and BM25 over the whole passage lets a passage that mentions
 * every query word once somewhere outrank the one whose sentence says the answer:
 * <ul>
 *   <li>passages: {@code text} and {@code section} (Norwegian chain; the section heading is its own
 *       field because it names a passage's topic in few words), {@code title} (source title),
 *       {@code concept} (synonym-set tokens), {@code plain} (original words, the baseline);</li>
 *   <li>sentences: each sentence of each passage with its {@code text} and {@code concept}.</li>
 * </ul>
 * A passage's score is its own BM25 (normalised to the best passage) plus the score of its best
 * sentence window — a sentence with half of each neighbour's score — normalised likewise. The
 * window is proximity without phrase queries: query words close together in the text score
 * together. Then one round of pseudo-relevance feedback (RM3): the words that weigh most in the
 * first ranking's best passages are added at a low weight, so a question's vocabulary is widened
 * by the corpus itself, and the query is run again.
 */
public final class PassageIndex {

    /** A scored passage, best first in result lists; {@code sentence} its best sentence or -1. */
    public record Hit(int ordinal, float score, int sentence) {
        public Hit(int ordinal, float score) {
            this(ordinal, score, -1);
        }
    }

    static final float SECTION_BOOST = Float.parseFloat(System.getProperty("losen.section", "0.1"));
    static final float TITLE_BOOST = Float.parseFloat(System.getProperty("losen.title", "0.05"));
    static final float PART_WEIGHT = Float.parseFloat(System.getProperty("losen.part", "0.5"));
    static final float CONCEPT_WEIGHT = Float.parseFloat(System.getProperty("losen.concept", "1.5"));
    static final float SENTENCE_WEIGHT = Float.parseFloat(System.getProperty("losen.sentence", "0.3"));
    static final float NEIGHBOUR = Float.parseFloat(System.getProperty("losen.neighbour", "0.5"));
    static final int FEEDBACK_DOCS = Integer.getInteger("losen.fbdocs", 5);
    static final int FEEDBACK_TERMS = Integer.getInteger("losen.fbterms", 0);
    static final float FEEDBACK_WEIGHT = Float.parseFloat(System.getProperty("losen.fbweight", "0.3"));
    private static final int MAX_TERMS = 64;
    private static final int PASSAGE_DEPTH = 100;
    private static final int SENTENCE_DEPTH = 300;

    private final NorwegianAnalysis analysis;
    private final SynonymSets synonyms;
    private final IndexSearcher searcher;
    private final IndexSearcher sentenceSearcher;
    private final int[] ordinals;
    private final int[] sentencePassage;
    private final int[] sentenceIndex;
    private final int[] docOfOrdinal;
    private final List<List<Sentences.Span>> sentences;

    public PassageIndex(List<Passage> passages, Map<String, String> titles, NorwegianAnalysis analysis) {
        this(passages, titles, analysis, SynonymSets.load());
    }

    public PassageIndex(List<Passage> passages, Map<String, String> titles, NorwegianAnalysis analysis, SynonymSets synonyms) {
        this.analysis = analysis;
        this.synonyms = synonyms;
        this.sentences = passages.stream().map(p -> Sentences.split(p.text())).toList();
        Analyzer perField = new PerFieldAnalyzerWrapper(analysis.norwegian(),
                Map.of("plain", analysis.plain(), "concept", new WhitespaceAnalyzer()));
        FieldType withVectors = new FieldType(TextField.TYPE_NOT_STORED);
        withVectors.setStoreTermVectors(true);
        withVectors.freeze();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        ByteBuffersDirectory sentenceDir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(perField).setRAMBufferSizeMB(64));
             IndexWriter sw = new IndexWriter(sentenceDir, new IndexWriterConfig(perField).setRAMBufferSizeMB(64))) {
            // IndexWriter is thread-safe; analysis dominates the build, so use both cores
            passages.parallelStream().forEach(p -> {
                Document d = new Document();
                d.add(new StoredField("ord", p.ordinal()));
                d.add(new Field("text", p.text(), withVectors));
                d.add(new TextField("section", p.section(), Field.Store.NO));
                d.add(new TextField("title", titles.getOrDefault(p.sourceId(), ""), Field.Store.NO));
                d.add(new TextField("concept", synonyms.tag(p.text()), Field.Store.NO));
                d.add(new TextField("plain", p.text(), Field.Store.NO));
                List<Sentences.Span> spans = sentences.get(p.ordinal());
                try {
                    w.addDocument(d);
                    for (int i = 0; i < spans.size(); i++) {
                        String s = spans.get(i).of(p.text());
                        Document sd = new Document();
                        sd.add(new StoredField("ord", p.ordinal()));
                        sd.add(new StoredField("i", i));
                        sd.add(new TextField("text", s, Field.Store.NO));
                        sd.add(new TextField("concept", synonyms.tag(s), Field.Store.NO));
                        sw.addDocument(sd);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.forceMerge(1);
            sw.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
            this.sentenceSearcher = new IndexSearcher(DirectoryReader.open(sentenceDir));
            // docs were added in parallel, so doc ids are not ordinals; map once instead of reading
            // (and decompressing) stored fields for every hit of every query
            this.ordinals = new int[searcher.getIndexReader().maxDoc()];
            this.docOfOrdinal = new int[passages.size()];
            var stored = searcher.storedFields();
            for (int doc = 0; doc < ordinals.length; doc++) {
                ordinals[doc] = stored.document(doc).getField("ord").numericValue().intValue();
                docOfOrdinal[ordinals[doc]] = doc;
            }
            int n = sentenceSearcher.getIndexReader().maxDoc();
            this.sentencePassage = new int[n];
            this.sentenceIndex = new int[n];
            var sstored = sentenceSearcher.storedFields();
            for (int doc = 0; doc < n; doc++) {
                Document d = sstored.document(doc);
                sentencePassage[doc] = d.getField("ord").numericValue().intValue();
                sentenceIndex[doc] = d.getField("i").numericValue().intValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int passageCount() {
        return sentences.size();
    }

    /** The sentences of passage {@code ordinal}, as the index cut them. */
    public List<Sentences.Span> sentences(int ordinal) {
        return sentences.get(ordinal);
    }

    /** The baseline: BM25 over the question's original lower-cased words, no stemming or stop words. */
    public List<Hit> plain(String text, int n) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int count = 0;
        for (String t : NorwegianAnalysis.tokens(analysis.plain(), text).stream().map(NorwegianAnalysis.Token::term)
                .distinct().toList()) {
            if (count++ < MAX_TERMS * 3) {
                b.add(new TermQuery(new Term("plain", t)), BooleanClause.Occur.SHOULD);
            }
        }
        return run(b.build(), n);
    }

    /** Analysed index terms of {@code terms} (stems, compound parts at part weight), strongest weight kept. */
    public Map<String, Float> analysed(Map<String, Float> terms) {
        Map<String, Float> analysed = new LinkedHashMap<>();
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            for (NorwegianAnalysis.Token t : NorwegianAnalysis.tokens(analysis.norwegian(), e.getKey())) {
                analysed.merge(t.term(), e.getValue() * (t.part() ? PART_WEIGHT : 1f), Math::max);
            }
        }
        return analysed;
    }

    /** Concept tokens of the terms (read in order, so phrases are found), each at its first word's weight. */
    Map<String, Float> concepts(Map<String, Float> terms) {
        List<String> words = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            for (String w : SynonymSets.words(e.getKey(), false)) {
                words.add(w);
                weights.add(e.getValue());
            }
        }
        Map<String, Float> out = new LinkedHashMap<>();
        for (SynonymSets.Match m : synonyms.find(words)) {
            out.merge(m.concept(), weights.get(m.firstWord()), Math::max);
        }
        return out;
    }

    /** The terms of which at least one analysed form occurs in the index (order and weights kept). */
    public Map<String, Float> known(Map<String, Float> terms) {
        Map<String, Float> out = new LinkedHashMap<>();
        terms.forEach((t, w) -> {
            if (NorwegianAnalysis.tokens(analysis.norwegian(), t).stream().anyMatch(tok -> documentFrequency(tok.term()) > 0)) {
                out.put(t, w);
            }
        });
        return out;
    }

    /** How many passages hold the analysed term (0: the index does not know it). */
    public int documentFrequency(String analysedTerm) {
        try {
            return searcher.getIndexReader().docFreq(new Term("text", analysedTerm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25 over the Norwegian fields for weighted terms (a question, or a translated one). */
    public List<Hit> weighted(Map<String, Float> terms, int n) {
        Map<String, Float> analysed = analysed(terms);
        Map<String, Float> concepts = concepts(terms);
        List<Hit> first = rank(analysed, concepts, Math.max(n, FEEDBACK_DOCS));
        if (FEEDBACK_TERMS <= 0 || FEEDBACK_WEIGHT <= 0 || first.isEmpty()) {
            return first.subList(0, Math.min(n, first.size()));
        }
        Map<String, Float> expanded = new LinkedHashMap<>(analysed);
        feedback(first, analysed).forEach((t, w) -> expanded.merge(t, w, Math::max));
        return rank(expanded, concepts, n);
    }

    private List<Hit> rank(Map<String, Float> analysed, Map<String, Float> concepts, int n) {
        BooleanQuery.Builder pq = new BooleanQuery.Builder();
        BooleanQuery.Builder sq = new BooleanQuery.Builder();
        analysed.entrySet().stream().limit(MAX_TERMS).forEach(e -> {
            add(pq, "text", e.getKey(), e.getValue());
            add(pq, "section", e.getKey(), e.getValue() * SECTION_BOOST);
            add(pq, "title", e.getKey(), e.getValue() * TITLE_BOOST);
            add(sq, "text", e.getKey(), e.getValue());
        });
        concepts.forEach((c, w) -> {
            add(pq, "concept", c, w * CONCEPT_WEIGHT);
            add(sq, "concept", c, w * CONCEPT_WEIGHT);
        });
        try {
            Map<Integer, Float> passageScore = new HashMap<>();
            float maxP = 0;
            for (ScoreDoc sd : searcher.search(pq.build(), PASSAGE_DEPTH).scoreDocs) {
                passageScore.put(ordinals[sd.doc], sd.score);
                maxP = Math.max(maxP, sd.score);
            }
            Map<Integer, Map<Integer, Float>> sentenceScores = new HashMap<>();
            for (ScoreDoc sd : sentenceSearcher.search(sq.build(), SENTENCE_DEPTH).scoreDocs) {
                sentenceScores.computeIfAbsent(sentencePassage[sd.doc], k -> new HashMap<>())
                        .put(sentenceIndex[sd.doc], sd.score);
            }
            Map<Integer, float[]> window = new HashMap<>(); // ordinal -> {score, best sentence}
            float maxW = 0;
            for (Map.Entry<Integer, Map<Integer, Float>> e : sentenceScores.entrySet()) {
                Map<Integer, Float> s = e.getValue();
                float best = 0;
                int bestAt = -1;
                for (Map.Entry<Integer, Float> se : s.entrySet()) {
                    int i = se.getKey();
                    float v = se.getValue() + NEIGHBOUR * (s.getOrDefault(i - 1, 0f) + s.getOrDefault(i + 1, 0f));
                    if (v > best) {
                        best = v;
                        bestAt = i;
                    }
                }
                window.put(e.getKey(), new float[] {best, bestAt});
                maxW = Math.max(maxW, best);
            }
            List<Hit> hits = new ArrayList<>();
            java.util.Set<Integer> all = new java.util.HashSet<>(passageScore.keySet());
            all.addAll(window.keySet());
            for (int ord : all) {
                float p = maxP > 0 ? passageScore.getOrDefault(ord, 0f) / maxP : 0;
                float[] w = window.get(ord);
                float ws = w == null || maxW <= 0 ? 0 : w[0] / maxW;
                hits.add(new Hit(ord, p + SENTENCE_WEIGHT * ws, w == null ? -1 : (int) w[1]));
            }
            hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::ordinal));
            return hits.subList(0, Math.min(n, hits.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RM3's relevance model, simplified: each term of the top passages weighs the sum over those
     * passages of its share of the passage times the passage's score; terms found in more than a
     * fifth of all passages say nothing about the topic and are skipped. The best few, scaled so
     * the strongest has {@link #FEEDBACK_WEIGHT}, join the query.
     */
    private Map<String, Float> feedback(List<Hit> ranked, Map<String, Float> query) {
        Map<String, Float> weights = new HashMap<>();
        int maxDf = Math.max(2, searcher.getIndexReader().maxDoc() / 5);
        try {
            for (Hit h : ranked.subList(0, Math.min(FEEDBACK_DOCS, ranked.size()))) {
                Terms tv = searcher.getIndexReader().termVectors().get(docOfOrdinal[h.ordinal()], "text");
                if (tv == null) {
                    continue;
                }
                Map<String, Long> tf = new HashMap<>();
                long len = 0;
                TermsEnum te = tv.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    long f = te.totalTermFreq();
                    tf.put(t.utf8ToString(), f);
                    len += f;
                }
                for (Map.Entry<String, Long> e : tf.entrySet()) {
                    weights.merge(e.getKey(), h.score() * e.getValue() / (float) len, Float::sum);
                }
            }
            List<Map.Entry<String, Float>> best = new ArrayList<>();
            for (Map.Entry<String, Float> e : weights.entrySet()) {
                String t = e.getKey();
                if (query.containsKey(t) || t.length() < 3 || t.chars().anyMatch(Character::isDigit)) {
                    continue;
                }
                int df = searcher.getIndexReader().docFreq(new Term("text", t));
                if (df > maxDf || df < 2) {
                    continue;
                }
                best.add(Map.entry(t, (float) (e.getValue() * Math.log(1 + searcher.getIndexReader().maxDoc() / (double) df))));
            }
            best.sort(Map.Entry.<String, Float>comparingByValue().reversed());
            Map<String, Float> out = new LinkedHashMap<>();
            float top = best.isEmpty() ? 1 : best.get(0).getValue();
            for (Map.Entry<String, Float> e : best.subList(0, Math.min(FEEDBACK_TERMS, best.size()))) {
                out.put(e.getKey(), FEEDBACK_WEIGHT * e.getValue() / top);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(BooleanQuery.Builder b, String field, String term, float boost) {
        b.add(new BoostQuery(new TermQuery(new Term(field, term)), boost), BooleanClause.Occur.SHOULD);
    }

    private List<Hit> run(Query q, int n) {
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                hits.add(new Hit(ordinals[sd.doc], sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
