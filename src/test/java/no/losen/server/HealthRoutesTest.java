package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.Fixtures;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Health and metrics: the world sees no counts; operators see everything on the management port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthRoutesTest {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(r::header);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static TestServer server(Operations ops) {
        return new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC).withOps(ops));
    }

    @Test
    void thePublicHealthAnswersCarryNoCountsThatMoveWhenSomeoneChats() throws Exception {
        try (TestServer s = server(Operations.DEFAULT); var c = s.connect()) {
            c.send("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}").nextMessage();
            for (String path : new String[] {"/health", "/health/ready", "/health/live"}) {
                JsonObject body = new JsonObject(get(s.port(), path, Map.of()).body());
                assertThat(body.fieldNames()).as(path).isSubsetOf("status", "store", "draining");
            }
        }
    }

    @Test
    void withAManagementPortMetricsAndCountsAreServedThereAndNotOnTheMainPort() throws Exception {
        try (TestServer s = server(Operations.DEFAULT.withManagement(0, "127.0.0.1")); var c = s.connect()) {
            c.send("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}").nextMessage();
            int admin = s.losen().managementPort();
            assertThat(admin).isPositive().isNotEqualTo(s.port());
            assertThat(get(s.port(), "/metrics", Map.of()).statusCode()).isEqualTo(404);
            HttpResponse<String> metrics = get(admin, "/metrics", Map.of());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("losen_sessions 1.0");
            JsonObject health = new JsonObject(get(admin, "/health", Map.of()).body());
            assertThat(health.getLong("sessions")).isEqualTo(1);
            assertThat(health.getInteger("connections")).isEqualTo(1);
            assertThat(get(admin, "/health/live", Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutAManagementPortMetricsAnswerOnlyAClientOnThisMachineThatCameThroughNoProxy() throws Exception {
        try (TestServer s = server(Operations.DEFAULT)) {
            assertThat(get(s.port(), "/metrics", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(s.port(), "/metrics", Map.of("X-Forwarded-For", "203.0.113.9")).statusCode()).isEqualTo(404);
            assertThat(get(s.port(), "/metrics", Map.of("Forwarded", "for=203.0.113.9")).statusCode()).isEqualTo(404);
            // what many a same-host proxy sends instead (an independent tester read the live counts with it)
            assertThat(get(s.port(), "/metrics", Map.of("X-Real-IP", "203.0.113.9")).statusCode()).isEqualTo(404);
            assertThat(get(s.port(), "/metrics", Map.of("Via", "1.1 proxy")).statusCode()).isEqualTo(404);
            assertThat(get(s.port(), "/metrics", Map.of("X-Envoy-External-Address", "203.0.113.9")).statusCode()).isEqualTo(404);
        }
    }

    /** A proxy on this machine, named as one, may send no header at all (nginx's plain proxy_pass): its requests are not local. */
    @Test
    void behindATrustedProxyOnThisMachineTheMainPortServesNoMetrics() throws Exception {
        try (TestServer s = server(Operations.DEFAULT.withTrustedProxies(List.of("127.0.0.1")))) {
            assertThat(get(s.port(), "/metrics", Map.of()).statusCode()).isEqualTo(404);
            assertThat(get(s.port(), "/health/ready", Map.of()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readinessAsksTheStoreAtMostOnceASecondHoweverOftenItIsPolled() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(1), 10);
        var counting = new no.losen.session.SessionStore() {
            @Override
            public Future<java.util.Optional<no.losen.dialog.Session>> get(String token) {
                return store.get(token);
            }

            @Override
            public Future<Void> put(String token, no.losen.dialog.Session session) {
                return store.put(token, session);
            }

            @Override
            public Future<Void> putStarted(String token, no.losen.dialog.Session session) {
                return store.putStarted(token, session);
            }

            @Override
            public Future<Boolean> replace(String token, no.losen.dialog.Session session) {
                return store.replace(token, session);
            }

            @Override
            public Future<Boolean> remove(String token) {
                return store.remove(token);
            }

            @Override
            public long size() {
                return store.size();
            }

            @Override
            public Duration ttl() {
                return store.ttl();
            }

            @Override
            public Future<Boolean> ready() {
                asked.incrementAndGet();
                return Future.succeededFuture(true);
            }
        };
        AtomicLong now = new AtomicLong();
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            HealthRoutes health = new HealthRoutes(Fixtures.basic().set(), counting, () -> false, () -> 0, Metrics.none(),
                    now::get, false, peer -> false);
            router.get("/health/ready").handler(health::ready);
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
            for (int i = 0; i < 50; i++) {
                assertThat(get(server.actualPort(), "/health/ready", Map.of()).statusCode()).isEqualTo(200);
            }
            assertThat(asked).hasValue(1);
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            get(server.actualPort(), "/health/ready", Map.of());
            assertThat(asked).hasValue(2);
        } finally {
            vertx.close().await();
        }
    }
}
