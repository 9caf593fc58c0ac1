package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        router.get("/api/search").handler(SearchRoute.handler(search));
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
        // The clock stands still: the client's budget of three does not refill however slow this machine is;
        // steps beyond it wait for their turn until the test lets them run.
        java.util.List<Runnable> later = new java.util.concurrent.CopyOnWriteArrayList<>();
        no.losen.step.TextWorkers workers = new no.losen.step.TextWorkers(
                new no.losen.step.TextWorkers.Limits(2, 32, 4, 1, 2, 3), pool, () -> 0L, (nanos, task) -> later.add(task));
        try {
            Router router = Router.router(own);
            no.losen.metrics.Metrics metrics = no.losen.metrics.Metrics.prometheus();
            // One client behind the proxy this test plays (the server's own host itself has no rate: TextWorkers).
            router.get("/api/search").handler(SearchRoute.handler(TestCorpus.search(), workers,
                    new no.losen.http.ClientAddress(java.util.List.of("127.0.0.1")), q -> java.util.Optional.empty(), metrics));
            HttpServer s = own.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            java.util.function.IntFunction<java.net.http.HttpRequest> search = i -> java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + s.actualPort() + "/api/search?q=" + q("refleksjonsperiode " + i)
                            + "&lang=nb")).header("X-Forwarded-For", "192.0.2.7").build();
            for (int i = 0; i < 3; i++) {
                assertThat(client.send(search.apply(i), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                        .as("within the budget").isEqualTo(200);
            }
            // Five at once over the budget: four wait their turn (the client's share), the fifth is refused.
            java.util.List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> flood = new java.util.ArrayList<>();
            long sent = System.nanoTime();
            for (int i = 3; i < 8; i++) {
                flood.add(client.sendAsync(search.apply(i), java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            var refused = (java.net.http.HttpResponse<String>) java.util.concurrent.CompletableFuture
                    .anyOf(flood.toArray(java.util.concurrent.CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(refused.statusCode()).isEqualTo(503);
            // Held for the second it names, so a refusal is no cheaper for a flood than waiting would be.
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(new JsonObject(refused.body()).getString("error")).isEqualTo("busy");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (later.size() < 4 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            later.forEach(Runnable::run);
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (var f : flood) {
                statuses.merge(f.get(10, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            assertThat(statuses).as("the waiting four answered in their turn").containsEntry(200, 4).containsEntry(503, 1);
            // counted as a conversation's searches and refusals are (the metrics showed none of them before)
            var registry = metrics.registry();
            assertThat(registry.get("losen.search").timer().count()).isEqualTo(7);
            assertThat(registry.get("losen.limits").tag("limit", "text_workers").counter().count()).isEqualTo(1);
            assertThat(registry.get("losen.errors").tag("code", "busy").counter().count()).isEqualTo(1);
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
    void aQuestionWithoutLangIsTakenToBeInTheLanguageTheGuessIsSureOfElseDetected() throws Exception {
        Vertx own = Vertx.vertx();
        no.losen.step.TextWorkers workers = new no.losen.step.TextWorkers(no.losen.step.TextWorkers.Limits.forCores(2));
        try {
            Router router = Router.router(own);
            router.get("/api/search").handler(SearchRoute.handler(TestCorpus.search(), workers,
                    no.losen.http.ClientAddress.direct(), q -> q.contains("lekarz") ? java.util.Optional.of("pl") : java.util.Optional.empty(),
                    no.losen.metrics.Metrics.none()));
            HttpServer s = own.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            java.util.function.Function<String, JsonObject> ask = query -> {
                try {
                    return new JsonObject(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + s.actualPort() + "/api/search?" + query)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(ask.apply("q=" + q("czy moge isc do lekarza bez dokumentow")).getString("lang")).isEqualTo("pl");
            assertThat(ask.apply("q=" + q("czy moge isc do lekarza") + "&lang=en").getString("lang")).as("given wins").isEqualTo("en");
            assertThat(ask.apply("q=" + q("Hvem kan få refleksjonsperiode?")).getString("lang")).as("not sure: detected").isEqualTo("nb");
        } finally {
            workers.close();
            own.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLanguageTheSearchDoesNotUnderstandIsRefusedNotSearchedAsNorwegian() throws Exception {
        for (String lang : new String[] {"xx", "zz-ZZ", "de"}) {
            Reply r = get("q=" + q("Wo finde ich einen Arzt?") + "&lang=" + lang);
            assertThat(r.status()).as(lang).isEqualTo(400);
            assertThat(r.body().getString("error")).as(lang).contains("nb").contains("uk");
        }
        assertThat(get("q=" + q("Can I see a doctor?") + "&lang=en-GB").status()).isEqualTo(200);
    }

    @Test
    void aMalformedEscapeIsABadRequestAndWhatWasAskedIsNeitherLoggedNorEchoed() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        var captured = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        captured.start();
        root.addAppender(captured);
        try {
            // Java's HTTP client refuses to send such a URI; a browser or a script sends it as typed.
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.actualPort())) {
                raw.getOutputStream().write(("GET /api/search?q=Storgata%205%20Oslo%zz&lang=nb HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 400").contains("\"error\"").doesNotContain("Storgata");
            }
        } finally {
            root.detachAppender(captured);
        }
        assertThat(captured.list).noneMatch(e -> (e.getFormattedMessage() + e.getThrowableProxy()).contains("Storgata"));
    }

    @Test
    void invisibleCharactersAndFullwidthLettersAreReadAsThePlainWord() throws Exception {
        String plain = get("q=" + q("refleksjonsperiode") + "&lang=nb&k=3").body().getJsonArray("results").encode();
        assertThat(get("q=" + q("refleksjons\u200Bperiode") + "&lang=nb&k=3").body().getJsonArray("results").encode()).isEqualTo(plain);
        assertThat(get("q=" + q("\u200Fｒｅｆｌｅｋｓｊｏｎｓｐｅｒｉｏｄｅ") + "&lang=nb&k=3").body().getJsonArray("results").encode())
                .isEqualTo(plain);
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
