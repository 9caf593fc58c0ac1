package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import no.losen.search.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with default settings matches English questions by meaning once it is serving: the vectors are
 * read or built after the start, and until then English questions are answered by their words.
 */
class SearchByMeaningServerTest {

    @TempDir
    Path cache;

    @Test
    void anEnglishQuestionFindsPassagesByMeaningSoonAfterTheStart() throws Exception {
        Config config = Config.defaults().withPort(0).withContent(TestCorpus.ROOT).toBuilder().cacheDir(cache).build();
        String q = URLEncoder.encode("is there somewhere a victim can sleep safely for free", StandardCharsets.UTF_8);
        try (TestServer s = new TestServer(config)) {
            long until = System.nanoTime() + 180_000_000_000L; // a first start builds them: some 20 s of a core
            List<String> texts = List.of();
            while (System.nanoTime() < until && texts.stream().noneMatch(SearchByMeaningServerTest::aShelter)) {
                TestServer.Response r = s.get("/api/search?lang=en&q=" + q);
                assertThat(r.status()).isEqualTo(200);
                texts = r.json().getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("text").toLowerCase()).toList();
                Thread.sleep(500);
            }
            assertThat(texts).anyMatch(SearchByMeaningServerTest::aShelter);
        }
    }

    private static boolean aShelter(String text) {
        return text.contains("akuttovernatting"); // by its words the question finds crisis centres, not night shelters
    }
}
