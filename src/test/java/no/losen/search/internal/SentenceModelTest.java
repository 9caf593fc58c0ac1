package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** The English sentence model, read on the calling thread alone. */
class SentenceModelTest {

    @Test
    void itReadsAQuestionAsLangchain4jsOwnModelDoes() {
        EmbeddingModel ours = SentenceModel.load();
        EmbeddingModel theirs = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        for (String q : List.of("Can I get an interpreter at the doctor?", "asdfghjkl", "x ".repeat(400))) {
            float[] a = ours.embed(q).content().vector();
            float[] b = theirs.embed(q).content().vector();
            assertThat(a).hasSize(384);
            assertThat(VectorUtil.cosine(a, b)).as(q).isGreaterThan(0.9999f);
        }
        assertThat(ours.dimension()).isEqualTo(384);
    }

    /**
     * ONNX Runtime's default session keeps a pool of threads that spin after each read (a core burnt for
     * every search on two cores); native threads take the name of the thread that started them, so a pool
     * started while loading on a thread of this name would still be there after that thread has ended.
     */
    @Test
    void noThreadOfItsOwnIsLeftRunningAfterTheModelIsLoadedAndRead() throws Exception {
        Path tasks = Path.of("/proc/self/task");
        assumeTrue(Files.isDirectory(tasks), "Linux only: threads are listed in /proc");
        String name = "sentence-probe";
        AtomicReference<float[]> read = new AtomicReference<>();
        Thread loader = new Thread(
                () -> read.set(SentenceModel.load().embed("Where can I sleep tonight?").content().vector()), name);
        loader.start();
        loader.join();
        assertThat(read.get()).hasSize(384);
        // the loader's own thread may still be leaving the kernel's list for a moment after join()
        long left = threadsNamed(tasks, name);
        long until = System.nanoTime() + 2_000_000_000L;
        while (left > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
            left = threadsNamed(tasks, name);
        }
        assertThat(left).isZero();
    }

    private static long threadsNamed(Path tasks, String name) throws IOException {
        try (Stream<Path> all = Files.list(tasks)) {
            return all.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
