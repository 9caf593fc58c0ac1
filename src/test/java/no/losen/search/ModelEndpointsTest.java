package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional model path (embeddings, grounded answer) against a stand-in OpenAI-compatible
 * server on loopback: hashed bag-of-words embeddings and a chat reply that cites passage [1].
 * It exercises the real client, cache and fusion code without a model.
 */
class ModelEndpointsTest {

    private static final int DIM = 256;
    private static Vertx vertx;
    private static HttpServer server;
    private static final AtomicInteger embeddingCalls = new AtomicInteger();
    private static final AtomicInteger chatCalls = new AtomicInteger();

    @TempDir
    static Path cache;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/v1/embeddings").handler(ctx -> {
            embeddingCalls.incrementAndGet();
            Object input = ctx.body().asJsonObject().getValue("input");
            JsonArray inputs = input instanceof JsonArray a ? a : new JsonArray().add(input);
            JsonArray data = new JsonArray();
            for (int i = 0; i < inputs.size(); i++) {
                data.add(new JsonObject().put("object", "embedding").put("index", i).put("embedding", embed(inputs.getString(i))));
            }
            ctx.json(new JsonObject().put("object", "list").put("data", data).put("model", "fake")
                    .put("usage", new JsonObject().put("prompt_tokens", 1).put("total_tokens", 1)));
        });
        router.post("/v1/chat/completions").handler(ctx -> {
            chatCalls.incrementAndGet();
            ctx.json(new JsonObject().put("id", "c1").put("object", "chat.completion").put("created", 0).put("model", "fake")
                    .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                            .put("message", new JsonObject().put("role", "assistant")
                                    .put("content", "Ofre kan få refleksjonsperiode [1]."))))
                    .put("usage", new JsonObject().put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2)));
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static JsonArray embed(String text) {
        double[] v = new double[DIM];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() > 3) {
                v[Math.floorMod(w.substring(0, Math.min(6, w.length())).hashCode(), DIM)] += 1;
            }
        }
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    private SearchConfig config() {
        String url = "http://127.0.0.1:" + server.actualPort() + "/v1";
        return new SearchConfig(url, "fake-embed", url, "fake-chat", null, cache, Path.of("/nonexistent"));
    }

    @Test
    void vectorModeHybridFusionAnswerAndCache() throws Exception {
        HandbookSearch search = HandbookSearch.build(TestCorpus.ROOT, config());
        int callsAfterBuild = embeddingCalls.get();
        assertThat(callsAfterBuild).isGreaterThan(1);
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("embeddings-"))).hasSize(1);
        }

        SearchResponse vector = search.search(new SearchRequest("refleksjonsperiode ofre menneskehandel", "nb", 5, SearchMode.VECTOR));
        assertThat(vector.results()).hasSize(5)
                .anySatisfy(r -> assertThat(r.text().toLowerCase()).contains("refleksjonsperiode"));

        SearchResponse hybrid = search.search(new SearchRequest("Hvem kan få refleksjonsperiode?", "nb", 5, SearchMode.HYBRID));
        assertThat(hybrid.results()).hasSize(5);
        assertThat(hybrid.results()).as("fused scores, in the order they give")
                .extracting(SearchResult::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(hybrid.answer()).contains("[1]");
        assertThat(search.usesModels(SearchMode.HYBRID)).isTrue();

        // a second start with the same corpus and model reads vectors from the cache
        int before = embeddingCalls.get();
        HandbookSearch again = HandbookSearch.build(TestCorpus.ROOT, config());
        assertThat(embeddingCalls.get()).isEqualTo(before);
        assertThat(again.search(new SearchRequest("asyl", "nb", 3, SearchMode.VECTOR)).results()).hasSize(3);
    }

    @Test
    void aDialogsCardAsksTheEmbeddingsButNeverTheChatAndTheOneBesideTheEmergencyHelpAsksNoEndpoint() {
        SearchTextAction action = new SearchTextAction(HandbookSearch.build(TestCorpus.ROOT, config()));
        int embedded = embeddingCalls.get();
        int chatted = chatCalls.get();
        assertThat(action.answer("Hvem kan få refleksjonsperiode?", "nb")).isNotEmpty();
        assertThat(embeddingCalls.get()).as("the passages found with the embeddings").isGreaterThan(embedded);
        assertThat(chatCalls.get()).as("a card shows passages, never the answer: a 30 s wait for nothing").isEqualTo(chatted);
        embedded = embeddingCalls.get();
        assertThat(action.answerAtOnce("Hvem kan få refleksjonsperiode?", "nb")).isNotEmpty();
        assertThat(embeddingCalls.get()).as("beside the emergency help nothing outside this process is waited on")
                .isEqualTo(embedded);
        assertThat(chatCalls.get()).isEqualTo(chatted);
    }
}
