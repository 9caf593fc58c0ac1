package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/search against a real Vert.x server on a free port. */
class SearchRouteTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static java.net.http.HttpClient client;

    record Reply(int status, JsonObject body) {}

    @BeforeAll
    static void start() throws Exception {
        HandbookSearch search = TestCorpus.search();
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        SearchRoute.mount(router, search);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Reply get(String query) throws Exception {
        var resp = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.actualPort() + "/api/search?" + query))
                .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), new JsonObject(resp.body()));
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void onTheServerSearchesRunOnTheTextWorkersAndOneClientOverItsShareIsToldBusy() throws Exception {
        Vertx own = Vertx.vertx();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        // The clock stands still: the client's budget of three does not refill however slow this machine is.
        no.losen.step.TextWorkers workers = new no.losen.step.TextWorkers(
                new no.losen.step.TextWorkers.Limits(2, 32, 4, 1, 2, 3), pool, () -> 0L);
        try {
            Router router = Router.router(own);
            SearchRoute.mount(router, TestCorpus.search(), workers, no.losen.http.ClientAddress.direct());
            HttpServer s = own.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            String retryAfter = null;
            for (int i = 0; i < 6; i++) {
                var resp = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + s.actualPort() + "/api/search?q=" + q("refleksjonsperiode " + i) + "&lang=nb")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                statuses.merge(resp.statusCode(), 1, Integer::sum);
                if (resp.statusCode() == 503) {
                    retryAfter = resp.headers().firstValue("Retry-After").orElse(null);
                    assertThat(new JsonObject(resp.body()).getString("error")).isEqualTo("busy");
                }
            }
            assertThat(statuses).as("three within the budget, then busy").containsEntry(200, 3).containsEntry(503, 3);
            assertThat(retryAfter).isEqualTo("1");
        } finally {
            pool.shutdownNow();
            own.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void returnsPassagesBestFirstWithTheirSource() throws Exception {
        Reply r = get("q=" + q("Hvem kan få refleksjonsperiode?") + "&lang=nb&k=3&mode=hybrid");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().getJsonArray("results")).hasSize(3);
        JsonObject first = r.body().getJsonArray("results").getJsonObject(0);
        assertThat(first.fieldNames()).contains("source", "title", "section", "text", "score");
        assertThat(first.getString("text")).hasSizeLessThanOrEqualTo(1200);
        assertThat(r.body().containsKey("answer")).isFalse();
    }

    @Test
    void defaultsToFiveResultsAndDetectsLanguage() throws Exception {
        Reply r = get("q=" + q("Where can an asylum seeker live?"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().getJsonArray("results")).hasSize(5);
        assertThat(r.body().getString("lang")).isEqualTo("en");
    }

    @Test
    void bm25ModeIsTheBaseline() throws Exception {
        assertThat(get("q=asylmottak&mode=bm25").status()).isEqualTo(200);
    }

    @Test
    void refusesBadRequestsWithAJsonError() throws Exception {
        for (String bad : new String[] {"q=", "", "q=asyl&k=0", "q=asyl&k=21", "q=asyl&k=five", "q=asyl&mode=magic",
                "q=" + "a".repeat(1001)}) {
            Reply r = get(bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body().getString("error")).as(bad).isNotBlank();
        }
    }

    @Test
    void refusesVectorModeClearlyWhenNoEmbeddingModelIsConfigured() throws Exception {
        Reply r = get("q=asyl&mode=vector");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().getString("error")).contains("embedding");
    }

    @Test
    void answersOnlyGetRequests() throws Exception {
        int status = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.actualPort() + "/api/search?q=asyl"))
                .timeout(java.time.Duration.ofSeconds(10)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isNotEqualTo(200);
    }
}
