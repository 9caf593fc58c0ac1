package no.losen.search.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The English sentence model (all-MiniLM-L6-v2, quantized, from langchain4j's Maven artifact) run by ONNX
 * Runtime on the calling thread alone.
 *
 * <p>Why not langchain4j's own {@code AllMiniLmL6V2QuantizedEmbeddingModel}: it opens its ONNX session with
 * ONNX Runtime's defaults, a pool of as many threads as cores whose threads spin for work after every read.
 * On the two cores of the measured machine a short question cost 10.8 ms of CPU for 2.9 ms of wall time, a
 * 1,000-character one 33 ms for 14 ms: a second core burnt for each search, while the text workers already
 * run one search per core and the event loops need what is left (bench/abuse search flood; a thread named
 * after the one that loaded the model held a core whenever anyone searched). One thread without a pool:
 * 2.6 ms of CPU (wall 2.5–3.4 ms) and 19 ms (wall 19 ms instead of 14), the same vectors.
 */
public final class SentenceModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private SentenceModel(OnnxBertBiEncoder encoder) {
        super(Runnable::run); // a list of texts is embedded on the calling thread too, one after another
        this.encoder = encoder;
    }

    /** Loads the model and its tokenizer from the classpath (a few hundred ms, some 90 MB). */
    public static EmbeddingModel load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new SentenceModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model cannot be opened", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
