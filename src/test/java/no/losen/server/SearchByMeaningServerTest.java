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
 * A server with default settings matches English questions by meaning from its first answer: it listens only
 * once the vectors are read or built (a first start of a build builds them). Built after the start instead,
 * the questions of its first seconds were answered by their words alone.
 */
class SearchByMeaningServerTest {

    @TempDir
    Path cache;

    @Test
    void anEnglishQuestionFindsPassagesByMeaningFromTheFirstAnswer() throws Exception {
        Config config = Config.defaults().withPort(0).withContent(TestCorpus.ROOT).toBuilder().cacheDir(cache).build();
        String q = URLEncoder.encode("is there somewhere a victim can sleep safely for free", StandardCharsets.UTF_8);
        try (TestServer s = new TestServer(config)) {
            TestServer.Response r = s.get("/api/search?lang=en&q=" + q);
            assertThat(r.status()).isEqualTo(200);
            List<String> texts = r.json().getJsonArray("results").stream()
                    .map(o -> ((JsonObject) o).getString("text").toLowerCase()).toList();
            assertThat(texts).anyMatch(SearchByMeaningServerTest::aShelter);
        }
    }

    private static boolean aShelter(String text) {
        return text.contains("akuttovernatting"); // by its words the question finds crisis centres, not night shelters
    }
}
