package no.losen.search;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import no.losen.search.internal.Bm25Retriever;
import no.losen.cache.DerivedCache;
import no.losen.cache.CacheKey;
import no.losen.search.internal.Corpus;
import no.losen.search.internal.IndexSnapshot;
import no.losen.search.internal.Excerpt;
import no.losen.search.internal.ForeignTranslator;
import no.losen.search.internal.FreeDict;
import no.losen.search.internal.Glossary;
import no.losen.search.internal.GroundedAnswerer;
import no.losen.search.internal.LanguageDetector;
import no.losen.search.internal.NorwegianAnalysis;
import no.losen.search.internal.Passage;
import no.losen.search.internal.PassageIndex;
import no.losen.search.internal.PassageQuestions;
import no.losen.search.internal.QuestionVectors;
import no.losen.search.internal.QueryTranslator;
import no.losen.search.internal.SourceCatalog;
import no.losen.search.internal.Translators;
import no.losen.search.internal.VectorRetriever;
import no.losen.search.internal.WeightedTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers free-text questions from the handbook corpus, always with the source. Built once at
 * start-up from the content root (the folder holding {@code corpus/}); thread-safe afterwards.
 *
 * <p>Pipeline ({@code hybrid}): detect the language if not given; English questions are
 * translated term by term into Norwegian (glossary, then FreeDict if installed); BM25 over the
 * Norwegian analysis chain (stems, compound parts, section boost); a question not in Norwegian is also
 * matched by meaning to the English questions the passages answer ({@link QuestionVectors}), and with
 * an embedding model configured its ranking too is fused with BM25's by reciprocal rank. {@code bm25} is
 * the plain baseline on the original words; {@code vector} the configured model's embeddings alone.
 */
public final class HandbookSearch {

    private static final Logger LOG = LoggerFactory.getLogger(HandbookSearch.class);
    /** Ranked candidates per retriever before fusion: deep enough that fusion can promote. */
    private static final int DEPTH = 40;

    private final Corpus corpus;
    private final Map<String, SourceCatalog.Source> sources;
    private final PassageIndex index;
    private final Bm25Retriever bm25;
    private final QueryTranslator translator;
    private final Optional<VectorRetriever> vectors;
    /** None until {@link #loadQuestionVectors()}; then read or built in the background; null if the model cannot run here. */
    private volatile CompletableFuture<QuestionVectors> english = CompletableFuture.completedFuture(null);
    private final Path contentRoot;
    private final DerivedCache cache;
    private final Optional<GroundedAnswerer> answerer;
    private final long buildMillis;

    /** Glossary-only at first; replaced by the full translators once the dictionaries are read. */
    private volatile Translators foreign;
    private final CompletableFuture<Void> dictionaries;
    private final Excerpt excerpts;

    private HandbookSearch(Path contentRoot, IndexSnapshot snapshot, SearchConfig config, long t0,
                           CompletableFuture<QueryTranslator> translator, DerivedCache cache) {
        this.corpus = snapshot.corpus(contentRoot);
        this.contentRoot = contentRoot;
        this.cache = cache;
        this.sources = corpus.sources().stream().collect(Collectors.toMap(SourceCatalog.Source::id, s -> s));
        long tCorpus = System.nanoTime();
        NorwegianAnalysis analysis = snapshot.analysis();
        long tAnalysis = System.nanoTime();
        this.index = snapshot.index(analysis);
        this.bm25 = new Bm25Retriever(index, corpus.passages(), DEPTH);
        this.excerpts = new Excerpt(index, analysis);
        long tIndex = System.nanoTime();
        this.translator = translator.join();
        this.foreign = Translators.none();
        // Other languages' analysers (Morfologik dictionaries, ICU) and FreeDict dictionaries take
        // seconds of CPU when built, a fraction of a second when read from the cache: beside the rest of
        // the start, which waits for them before the server is ready (server.Losen.load). Until they are
        // in, those questions are searched as written, then with the glossaries, then with everything.
        // Nothing to search (content without a corpus, as in most server tests): nothing to translate into.
        this.dictionaries = corpus.passages().isEmpty() ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
            long t = System.nanoTime();
            this.foreign = Translators.glossariesOnly(this.translator);
            this.foreign = Translators.load(config.freeDictDir(), this.translator, cache);
            LOG.info("dictionaries of other languages ready in {} ms", (System.nanoTime() - t) / 1_000_000);
        }).exceptionally(e -> {
            LOG.warn("dictionaries of other languages not loaded ({}); glossaries only", e.toString());
            return null;
        });
        long tDict = System.nanoTime();
        this.vectors = config.embeddingsEnabled()
                ? Optional.of(VectorRetriever.build(config, corpus, DEPTH)) : Optional.empty();
        this.answerer = config.chatEnabled() ? Optional.of(GroundedAnswerer.build(config)) : Optional.empty();
        warmUp();
        this.buildMillis = (System.nanoTime() - t0) / 1_000_000;
        if (corpus.sources().isEmpty()) {
            LOG.warn("no corpus/sources.yaml under the content root: handbook search returns no results");
        }
        LOG.info("search build (ms): corpus and index (built or read from the cache) {}, analysis {}, index open {}, "
                        + "waiting for dictionaries {}, total with warm-up {}",
                (tCorpus - t0) / 1_000_000, (tAnalysis - tCorpus) / 1_000_000, (tIndex - tAnalysis) / 1_000_000,
                (tDict - tIndex) / 1_000_000, buildMillis);
        LOG.info("handbook search ready: {} passages from {} sources, corpus {}, FreeDict {}, embeddings {}, chat {}",
                corpus.passages().size(), corpus.sources().size(), corpus.hash(),
                this.translator.hasDictionary() ? "on" : "off", vectors.isPresent() ? "on" : "off",
                answerer.isPresent() ? "on" : "off");
    }

    /** One thread of its own, a daemon: building the vectors must not hold a pool other start-up work needs, nor the exit. */
    private static final java.util.concurrent.Executor BACKGROUND = task -> {
        Thread t = new Thread(task, "question-vectors");
        t.setDaemon(true);
        t.start();
    };

    /**
     * The English questions' vectors, once per corpus in a process (a test run starts dozens of servers on the
     * bundled corpus, and each build is some 20 s of a core) and from the cache across processes. The sentence
     * model needs native libraries (ONNX Runtime, DJL's tokenizer) for this platform: where they cannot load,
     * questions are searched by their words alone, as before, and the log says so once.
     */
    private static CompletableFuture<QuestionVectors> englishVectors(Path contentRoot, Corpus corpus, DerivedCache cache) {
        return BY_CORPUS.computeIfAbsent(corpus.hash(), h -> CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            try {
                // DJL would otherwise fetch a missing native library over the network, and unpack into ~/.djl.ai.
                System.setProperty("ai.djl.offline", "true");
                // Its tokenizer library is unpacked into the cache folder when that can be written (else DJL's default).
                cache.dir().filter(java.nio.file.Files::isWritable).ifPresent(d -> {
                    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
                        System.setProperty("DJL_CACHE_DIR", d.resolve("djl").toString());
                    }
                });
                QuestionVectors v = cache.get(QuestionVectors.KIND, CacheKey.of(QuestionVectors.KIND).add(h).add(QuestionVectors.MODEL).build(),
                        QuestionVectors.CODEC, () -> QuestionVectors.build(
                                PassageQuestions.load(Corpus.corpusDir(contentRoot), corpus.passages()), QuestionVectors.model()));
                QuestionVectors.model().embed("warm up"); // loads the model now, not on the first English question
                LOG.info("event=search.vectors questions={} ms={}", v.size(), (System.nanoTime() - t) / 1_000_000);
                return v;
            } catch (Throwable e) { // UnsatisfiedLinkError among them: no native library for this platform
                LOG.warn("event=search.vectors.off reason={} effect=questions_by_words_only", e.getClass().getSimpleName());
                return null;
            }
        }, BACKGROUND));
    }

    private static final Map<String, CompletableFuture<QuestionVectors>> BY_CORPUS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Questions run once at start-up so the first users do not pay for class loading (Lucene's query
     * path, the analysers, the query translation). One round: five rounds, to let the JIT compile too, took three
     * seconds of a start on the shared machine, where real questions compile it soon enough.
     */
    private static final List<String[]> WARM_UP = List.of(
            new String[] {"Hvem kan få refleksjonsperiode?", "nb"},
            new String[] {"rettigheter for papirløse og helsehjelp", "nb"},
            new String[] {"Can an asylum seeker get a work permit?", "en"},
            new String[] {"emergency health care without a residence permit", "en"});

    private void warmUp() {
        if (corpus.passages().isEmpty()) {
            return;
        }
        for (String[] q : WARM_UP) {
            lexical(q[0], q[1], terms(q[0], q[1])); // not hybrid(): warming must not call a model endpoint
            bm25Plain(q[0]);
        }
    }

    /** Loads, cleans and indexes the corpus under {@code contentRoot}, every time. */
    public static HandbookSearch build(Path contentRoot, SearchConfig config) {
        return build(contentRoot, config, DerivedCache.off());
    }

    /**
     * Loads, cleans and indexes the corpus under {@code contentRoot}, or reads what that gave last time
     * from {@code cache}: the entry is keyed by the corpus's files and the code version, so an edited
     * corpus (or a new build) is cleaned and indexed again.
     */
    public static HandbookSearch build(Path contentRoot, SearchConfig config, DerivedCache cache) {
        long t0 = System.nanoTime();
        // the dictionaries do not depend on the corpus: load them while the corpus is cleaned
        CompletableFuture<QueryTranslator> translator = CompletableFuture.supplyAsync(
                () -> new QueryTranslator(Glossary.load(), FreeDict.load(config.freeDictDir())));
        String hash = Corpus.hashOf(contentRoot);
        IndexSnapshot snapshot = hash.equals("empty") ? IndexSnapshot.build(contentRoot)
                : cache.get("search", CacheKey.of("search").add(hash).build(), IndexSnapshot.CODEC,
                        () -> IndexSnapshot.build(contentRoot));
        return new HandbookSearch(contentRoot, snapshot, config, t0, translator, cache);
    }

    /**
     * Which model endpoints a search may call, when they are configured: all (the search API, which
     * answers in words too), the embeddings alone (a dialog's card shows passages, never the answer, and
     * waited up to 30 s for one), or none (the answer beside the emergency help, which waits on nothing
     * outside this process: the words and the built-in sentence model find its passages).
     */
    public enum Endpoints { ALL, EMBEDDINGS, NONE }

    public SearchResponse search(SearchRequest request) {
        return search(request, Endpoints.ALL);
    }

    public SearchResponse search(SearchRequest request, Endpoints endpoints) {
        boolean embeddings = endpoints != Endpoints.NONE;
        String q = plain(request.q());
        String lang = request.lang() != null ? request.lang() : LanguageDetector.detect(q);
        String primary = lang.split("-")[0]; // "en-GB" is English
        // Translated once: the ranking and the excerpt's marks read the same terms.
        Map<String, Float> terms = request.mode() == SearchMode.BM25 ? WeightedTerms.typed(q) : terms(q, primary);
        Map<String, Float> analysed = index.analysed(terms);
        List<Content> ranked = switch (request.mode()) {
            case BM25 -> bm25Plain(q);
            case VECTOR -> vectors.isPresent() && embeddings ? vectors.get().retrieve(Query.from(q)) : byMeaningAlone(q, primary, terms);
            case HYBRID -> hybrid(q, primary, terms, embeddings);
        };
        List<SearchResult> results = new ArrayList<>();
        for (Content c : ranked.subList(0, Math.min(request.k(), ranked.size()))) {
            Passage p = corpus.passages().get(Bm25Retriever.ordinal(c));
            SourceCatalog.Source s = sources.get(p.sourceId());
            Object score = c.metadata().get(ContentMetadata.SCORE);
            Excerpt.Text excerpt = excerpts.of(p, analysed);
            results.add(new SearchResult(s.id(), s.citation(), p.section(), p.text(),
                    score instanceof Number n ? n.doubleValue() : 0, p.start(), p.end(),
                    excerpt.text(), excerpt.marks(), s.lang()));
        }
        String answer = answerer.filter(a -> endpoints == Endpoints.ALL && !results.isEmpty())
                .map(a -> a.answer(request.q(), lang, results)).orElse(null);
        return new SearchResponse(results, lang, answer);
    }

    /**
     * The question as the analysers should see it: compatibility forms folded (fullwidth "ＰＡＳＳ" is
     * "PASS", Arabic presentation forms are letters) and invisible format characters dropped — a
     * zero-width space inside a word, bidi marks pasted with right-to-left text, a soft hyphen —
     * which would otherwise cut a word in two. The zero-width non-joiner stays: in Persian it is
     * spelling, and the Persian analysis reads it.
     */
    static String plain(String q) {
        return java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\u00AD\\u200B\\u200D-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]", "");
    }

    private static final java.util.Set<String> NORWEGIAN = java.util.Set.of("nb", "nn", "no");
    private static final java.util.concurrent.atomic.AtomicBoolean EMBED_FAILED = new java.util.concurrent.atomic.AtomicBoolean();

    private List<Content> hybrid(String q, String lang, Map<String, Float> terms, boolean embeddings) {
        List<Content> bm = lexical(q, lang, terms);
        List<List<Content>> lists = new ArrayList<>(List.of(bm));
        QuestionVectors en = english.getNow(null);
        // Norwegian is left to the words: the model reads no Norwegian, and measured it lost Norwegian questions.
        if (en != null && !NORWEGIAN.contains(lang)) {
            byMeaning(en, q, lang, terms).ifPresent(lists::add);
        }
        if (embeddings) {
            vectors.ifPresent(r -> lists.add(r.retrieve(Query.from(q))));
        }
        return lists.size() == 1 ? bm : fused(lists);
    }

    /**
     * {@code mode=vector} without an embedding endpoint: the built-in sentence model alone, the question in
     * English as typed, in any other language (Norwegian too) as the English its search terms read back to.
     * Why not refuse it: the project's search evaluation asks every question in this mode by default, and a
     * refusal scored nothing; this is what the vectors find without the words, for comparing the two.
     */
    private List<Content> byMeaningAlone(String q, String lang, Map<String, Float> terms) {
        if (corpus.passages().isEmpty()) {
            return List.of(); // content without a handbook: nothing to find, in any mode
        }
        QuestionVectors en = english.getNow(null);
        if (en == null) {
            throw new InvalidSearchRequest("mode=vector: the sentence model is not loaded (yet, or it is off, see the log); "
                    + "try again, or set LOSEN_EMBEDDING_URL and LOSEN_EMBEDDING_MODEL");
        }
        return byMeaning(en, q, lang, terms).orElse(List.of());
    }

    /**
     * The passages whose English questions are nearest the question: English as typed, another language as the
     * English its search terms read back to; empty when that cannot be read.
     */
    private Optional<List<Content>> byMeaning(QuestionVectors en, String q, String lang, Map<String, Float> terms) {
        String asked = QuestionVectors.LANG.equals(lang) ? q : translator.glossary().inEnglish(terms);
        // A question of no letter or digit ("�", a lone accent, control characters) is nothing the model can
        // read: its tokenizer drops every character and the embedding fails.
        if (!asked.codePoints().anyMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        try {
            float[] v = QuestionVectors.model().embed(asked).content().vector();
            return Optional.of(Bm25Retriever.contents(en.nearest(v, DEPTH), corpus.passages()));
        } catch (RuntimeException e) { // hybrid keeps the words' answer; the model's failure is logged once
            if (!EMBED_FAILED.getAndSet(true)) {
                LOG.warn("event=search.vectors.failed error={} effect=answered_by_words", e.getClass().getSimpleName());
            }
            return Optional.empty();
        }
    }

    /**
     * Reciprocal rank fusion (k = 60, as langchain4j's {@code ReciprocalRankFuser}), computed here
     * once so the score shown is the sum the order comes from.
     */
    private static List<Content> fused(List<List<Content>> lists) {
        Map<Integer, Content> first = new java.util.LinkedHashMap<>();
        Map<Integer, Double> score = new java.util.HashMap<>();
        for (List<Content> l : lists) {
            for (int r = 0; r < l.size(); r++) {
                int ord = Bm25Retriever.ordinal(l.get(r));
                first.putIfAbsent(ord, l.get(r));
                score.merge(ord, 1.0 / (60 + r + 1), Double::sum);
            }
        }
        return first.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble((Map.Entry<Integer, Content> e) -> -score.get(e.getKey())))
                .map(e -> Content.from(e.getValue().textSegment(), Map.of(ContentMetadata.SCORE, score.get(e.getKey()))))
                .toList();
    }

    /** BM25 over the Norwegian chain with the question's {@link #terms} (other languages translated). */
    private List<Content> lexical(String q, String lang, Map<String, Float> terms) {
        return bm25.retrieve(terms.isEmpty() ? WeightedTerms.typed(q) : terms, lang, q);
    }

    /**
     * The weighted Norwegian search terms of a question: Norwegian as typed, other languages
     * translated. Of a translation only terms the index holds are kept: a dictionary's wrong
     * senses and failed transliterations mostly fall away here, and the rest cannot crowd out the
     * real terms in the query's term limit. Nothing translatable: the words as typed.
     */
    private Map<String, Float> terms(String q, String lang) {
        if ("en".equals(lang)) {
            return index.known(translator.translate(q));
        }
        Optional<ForeignTranslator> t = foreign.get(lang);
        if (t.isPresent()) {
            return index.known(t.get().translate(q));
        }
        return WeightedTerms.typed(q);
    }

    /** The weighted Norwegian terms a question in {@code lang} is searched with (for tools and tests). */
    public String explain(String q, String lang) {
        return terms(q, lang).entrySet().stream().map(e -> e.getKey() + "^" + String.format(java.util.Locale.ROOT, "%.2f", e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private List<Content> bm25Plain(String q) {
        return Bm25Retriever.contents(index.plain(q, DEPTH), corpus.passages());
    }

    /** Whether a request in this mode calls a model endpoint (and so must not run on an event loop). */
    public boolean usesModels(SearchMode mode) {
        return mode == SearchMode.VECTOR || mode == SearchMode.HYBRID && (vectors.isPresent() || answerer.isPresent());
    }

    public int passageCount() {
        return corpus.passages().size();
    }

    public String corpusHash() {
        return corpus.hash();
    }

    public long buildMillis() {
        return buildMillis;
    }

    /** Waits until the other languages' dictionaries are read (the server before it is ready; tools and tests). */
    public void awaitDictionaries() {
        dictionaries.join();
    }

    /**
     * Starts matching questions not in Norwegian by meaning too ({@link QuestionVectors}): the vectors are read
     * from the cache, or built — some 25 s of one core. The server waits for them before it listens
     * ({@code server.Losen.load}); until they are in, this search answers by words alone. Completes with whether
     * the sentence model runs on this platform. Calling it again costs nothing.
     */
    public CompletableFuture<Boolean> loadQuestionVectors() {
        if (!corpus.passages().isEmpty()) {
            english = englishVectors(contentRoot, corpus, cache);
        }
        return english.thenApply(java.util.Objects::nonNull);
    }

    /** {@link #loadQuestionVectors()}, waiting until they are in (tools and tests). */
    public boolean awaitQuestionVectors() {
        return loadQuestionVectors().join();
    }

    public QueryTranslator translator() {
        return translator;
    }
}
