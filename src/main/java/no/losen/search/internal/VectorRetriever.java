package no.losen.search.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.losen.search.SearchConfig;
import org.apache.lucene.util.VectorUtil;

/**
 * Embedding retrieval through a configured OpenAI-compatible endpoint (off by default: no model
 * runs in-process, since the small local models on offer do not read Norwegian well). Passage
 * vectors are cached on disk under a key of corpus hash and model name, so a restart with the
 * same corpus makes no embedding calls; the corpus is small enough for exact cosine search.
 */
public final class VectorRetriever implements ContentRetriever {

    private static final int BATCH = 32;

    private final EmbeddingModel model;
    private final List<Passage> passages;
    private final float[][] vectors;
    private final int depth;

    VectorRetriever(EmbeddingModel model, List<Passage> passages, float[][] vectors, int depth) {
        this.model = model;
        this.passages = passages;
        this.vectors = vectors;
        this.depth = depth;
    }

    public static VectorRetriever build(SearchConfig config, Corpus corpus, int depth) {
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(config.embeddingUrl()).apiKey(config.apiKey() == null ? "none" : config.apiKey())
                .modelName(config.embeddingModel()).httpClientBuilder(ModelHttp.client(Duration.ofSeconds(60)))
                .timeout(Duration.ofSeconds(60)).maxRetries(2).build();
        return build(model, config.embeddingModel(), config.cacheDir(), corpus, depth);
    }

    static VectorRetriever build(EmbeddingModel model, String modelName, Path cacheDir, Corpus corpus, int depth) {
        Path cache = cacheDir.resolve("embeddings-" + corpus.hash() + "-" + modelName.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        float[][] vectors = readCache(cache, corpus.passages().size());
        if (vectors == null) {
            vectors = new float[corpus.passages().size()][];
            for (int from = 0; from < vectors.length; from += BATCH) {
                List<TextSegment> batch = new ArrayList<>();
                for (int i = from; i < Math.min(vectors.length, from + BATCH); i++) {
                    batch.add(TextSegment.from(corpus.passages().get(i).text()));
                }
                List<Embedding> out = model.embedAll(batch).content();
                for (int i = 0; i < out.size(); i++) {
                    vectors[from + i] = QuestionVectors.unit(out.get(i).vector());
                }
            }
            writeCache(cache, vectors);
        }
        return new VectorRetriever(model, corpus.passages(), vectors, depth);
    }

    @Override
    public List<Content> retrieve(Query query) {
        float[] q = QuestionVectors.unit(model.embed(query.text()).content().vector());
        List<PassageIndex.Hit> hits = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            hits.add(new PassageIndex.Hit(i, VectorUtil.dotProduct(q, vectors[i])));
        }
        hits.sort(Comparator.comparingDouble(PassageIndex.Hit::score).reversed());
        return Bm25Retriever.contents(hits.subList(0, Math.min(depth, hits.size())), passages);
    }

    private static float[][] readCache(Path cache, int count) {
        if (!Files.isReadable(cache)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
            int n = in.readInt();
            int dim = in.readInt();
            if (n != count) {
                return null;
            }
            float[][] v = new float[n][dim];
            for (float[] row : v) {
                for (int j = 0; j < dim; j++) {
                    row[j] = in.readFloat();
                }
            }
            return v;
        } catch (IOException e) {
            return null; // a broken cache is rebuilt
        }
    }

    private static void writeCache(Path cache, float[][] v) {
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = Files.createTempFile(cache.getParent(), "emb", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(v.length);
                out.writeInt(v.length == 0 ? 0 : v[0].length);
                for (float[] row : v) {
                    for (float x : row) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(tmp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the cache only saves start-up time; searching works without it
        }
    }
}
