package no.losen.search.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.losen.cache.DerivedCache;
import org.apache.lucene.util.VectorUtil;

/**
 * The English questions each passage answers ({@code corpus/questions}), as sentence vectors, so an
 * English question finds a passage by meaning and not only by the Norwegian words its translation
 * shares with it.
 *
 * <p>Why: on English questions nobody had tuned on, the answering passage was mostly not retrieved at
 * all — a vocabulary gap that word-by-word translation, synonym sets and the passages' questions matched
 * as words did not close (docs/search.md, "Generalization round"). A sentence model closes part of it,
 * and the only one that runs here in-process (all-MiniLM-L6-v2, from Maven Central in langchain4j's jar)
 * reads English only: so it reads the passages' English questions, written for that purpose, never the
 * Norwegian text. A passage scores its best question (max, not mean: a passage answers several
 * questions, and one close match is the signal). Fused with the lexical ranking by reciprocal rank,
 * measured on held-out English questions (docs/search.md, "English questions by meaning"). Questions in the
 * other languages but Norwegian come here as the English their Norwegian search terms read back to
 * ({@link Glossary#inEnglish}).
 *
 * <p>The vectors of one set of questions are the same in every search of a process, and building them is
 * some 20 s of one core: {@link #build} is called once, in the background, and its result cached on
 * disk with the rest of the search.
 */
public final class QuestionVectors {

    /** Cache kind and the model's name, part of the cache key: another model's vectors are not these. */
    public static final String KIND = "question-vectors";
    public static final String MODEL = "all-MiniLM-L6-v2-q";
    /** The language of the questions this model reads. */
    public static final String LANG = "en";

    /**
     * The cosine the closest question must reach for a question to be matched by meaning at all. Measured on
     * the 112 English questions of the evaluation files: their best match was never under 0.51 (5 % under
     * 0.61); gibberish, emoji, greetings and small talk ("asdfghjkl", "👍", "ok thanks", "who won the football
     * match") reached at most 0.35, and without a floor they brought five passages where the words found none.
     * A floor for the whole list, not for each passage: below the best, the order still says something (a
     * passage-by-passage floor dropped the shelter passage of a Polish question read back into English).
     */
    static final float MEANING = 0.45f;

    private final int[] owner;
    private final float[][] vectors;

    QuestionVectors(int[] owner, float[][] vectors) {
        this.owner = owner;
        this.vectors = vectors;
    }

    /** The sentence model, loaded once per process (the ONNX session takes a few hundred ms and ~90 MB). */
    public static EmbeddingModel model() {
        return Model.INSTANCE;
    }

    private static final class Model {
        // Embeddings in bulk run on the calling thread (a background start-up thread, or a text worker for
        // one question), never on a pool of its own: building the vectors leaves the other core to serving.
        static final EmbeddingModel INSTANCE = SentenceModel.load();
    }

    /** Embeds every English question of every passage: {@code asked} by passage ordinal. */
    public static QuestionVectors build(Map<Integer, PassageQuestions.Asked> asked, EmbeddingModel model) {
        List<Integer> own = new ArrayList<>();
        List<TextSegment> texts = new ArrayList<>();
        new TreeMap<>(asked).forEach((p, a) -> a.in(LANG).forEach(q -> {
            own.add(p);
            texts.add(TextSegment.from(q));
        }));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += 64) {
            var out = model.embedAll(texts.subList(from, Math.min(texts.size(), from + 64))).content();
            for (int i = 0; i < out.size(); i++) {
                vectors[from + i] = unit(out.get(i).vector());
            }
        }
        return new QuestionVectors(own.stream().mapToInt(Integer::intValue).toArray(), vectors);
    }

    public int size() {
        return vectors.length;
    }

    /**
     * Passages by the cosine of their closest question to {@code question} (a vector of the same model), best
     * first; none when even the best is under {@link #MEANING} (the question is close to nothing).
     */
    public List<PassageIndex.Hit> nearest(float[] question, int depth) {
        float[] q = unit(question);
        float[] best = new float[1 + Arrays.stream(owner).max().orElse(-1)];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            // Lucene's dot product: unrolled, and vectorised where the JVM offers the Vector API
            best[owner[i]] = Math.max(best[owner[i]], VectorUtil.dotProduct(q, vectors[i]));
        }
        List<PassageIndex.Hit> hits = new ArrayList<>();
        for (int p = 0; p < best.length; p++) {
            if (best[p] > Float.NEGATIVE_INFINITY) {
                hits.add(new PassageIndex.Hit(p, best[p]));
            }
        }
        hits.sort(Comparator.comparingDouble(PassageIndex.Hit::score).reversed());
        return hits.isEmpty() || hits.get(0).score() < MEANING ? List.of() : hits.subList(0, Math.min(depth, hits.size()));
    }

    /** {@code v} scaled to length 1 (a copy; a zero vector stays zero), so a dot product is the cosine. */
    static float[] unit(float[] v) {
        return VectorUtil.l2normalize(v.clone(), false);
    }

    public static final DerivedCache.Codec<QuestionVectors> CODEC = new DerivedCache.Codec<>() {
        @Override
        public void write(QuestionVectors s, DataOutputStream out) throws IOException {
            out.writeInt(s.vectors.length);
            out.writeInt(s.vectors.length == 0 ? 0 : s.vectors[0].length);
            for (int i = 0; i < s.vectors.length; i++) {
                out.writeInt(s.owner[i]);
                for (float x : s.vectors[i]) {
                    out.writeFloat(x);
                }
            }
        }

        @Override
        public QuestionVectors read(DataInputStream in) throws IOException {
            int n = in.readInt();
            int dim = in.readInt();
            int[] owner = new int[n];
            float[][] vectors = new float[n][dim];
            for (int i = 0; i < n; i++) {
                owner[i] = in.readInt();
                for (int j = 0; j < dim; j++) {
                    vectors[i][j] = in.readFloat();
                }
            }
            return new QuestionVectors(owner, vectors);
        }
    };
}
