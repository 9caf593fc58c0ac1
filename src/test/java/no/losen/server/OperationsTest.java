package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.channel.ws.WsLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What an operator relies on: headers, body limits, metrics, health, shutdown, refusing bad starts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OperationsTest {

    static TestServer server(Config c) {
        return new TestServer(c.withPort(0).withContent(Fixtures.BASIC));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        try (TestServer s = server(Config.defaults())) {
            for (String path : List.of("/health", "/api/dialogs", "/no-such-page")) {
                var h = s.get(path).headers();
                assertThat(h.get("Content-Security-Policy")).contains("default-src 'self'")
                        .contains("frame-ancestors 'none'").contains("object-src 'none'");
                assertThat(h.get("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(h.get("Referrer-Policy")).isEqualTo("no-referrer");
                assertThat(h.get("Cache-Control")).isEqualTo("no-store");
                assertThat(h.get("X-Frame-Options")).isEqualTo("DENY");
            }
        }
    }

    @Test
    void framingIsAllowedOnlyForTheConfiguredSites() {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withFrameAncestors(List.of("https://ngo.example")));
        try (TestServer s = server(c)) {
            var h = s.get("/health").headers();
            assertThat(h.get("Content-Security-Policy")).contains("frame-ancestors https://ngo.example");
            assertThat(h.get("X-Frame-Options")).isNull();
            // pages with a stricter policy of their own carry the same frame-ancestors
            var page = s.get("/").headers();
            assertThat(page.get("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("frame-ancestors https://ngo.example");
        }
        assertThatThrownBy(() -> Operations.DEFAULT.withFrameAncestors(List.of("https://a.example; script-src *")))
                .hasMessageContaining("LOSEN_FRAME_ANCESTORS");
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedAndCounted() {
        try (TestServer s = server(Config.defaults())) {
            for (HttpMethod m : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH)) {
                var r = s.request(m, "/api/dialogs", Buffer.buffer(new byte[(int) Losen.MAX_BODY + 1]));
                assertThat(r.status()).as(m.name()).isEqualTo(413);
            }
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"body_size\"} 3.0");
        }
    }

    @Test
    void metricsAreInPrometheusFormatWithTheNamesOperatorsGraph() {
        try (TestServer s = server(Config.defaults()); var c = s.connect()) {
            c.send("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}").nextMessage();
            c.send("{\"type\":\"choose\",\"choice\":\"nope\"}").next();
            var r = s.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("Content-Type")).startsWith("text/plain");
            assertThat(r.body())
                    .contains("losen_connections 1.0")
                    .contains("losen_sessions 1.0")
                    .contains("losen_messages_total{channel=\"ws\"} 2.0")
                    .contains("losen_errors_total{code=\"unknown_choice\"} 1.0")
                    .contains("losen_step_seconds_bucket{channel=\"ws\",le=\"0.02\"}")
                    .contains("losen_step_seconds_count{channel=\"ws\"} 2");
        }
    }

    @Test
    void aLongQuestionInAnyScriptIsNotRefusedForItsEncodedLength() {
        try (TestServer s = server(Config.defaults())) {
            String q = java.net.URLEncoder.encode("ሰላም".repeat(333), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(q.length()).as("9 characters per letter once encoded").isGreaterThan(8_000);
            assertThat(s.get("/api/search?q=" + q).status()).isEqualTo(200);
        }
    }

    @Test
    void healthSaysLiveAndReady() {
        try (TestServer s = server(Config.defaults())) {
            assertThat(s.get("/health/live").json().getString("status")).isEqualTo("UP");
            var ready = s.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().getString("store")).isEqualTo("UP");
        }
    }

    @Test
    void shutdownLetsTheStepFinishTellsClientsToReconnectAndRefusesNewSockets() {
        TestServer s = server(Config.defaults().withOps(Operations.DEFAULT.withShutdownGrace(Duration.ofSeconds(3))));
        var c = s.connect();
        c.send("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}").nextMessage();
        long t0 = System.nanoTime();
        var closing = s.losen().close();
        assertThat(c.awaitClose(5)).isEqualTo((short) 1012);
        closing.await();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThatThrownBy(s::connect).isNotNull();
        s.vertx().close().await();
    }

    @Test
    void startupFailsFastWithAClearMessageOnContentThatDoesNotValidate(@TempDir Path dir) {
        Path broken = Fixtures.copyOfBasic(dir);
        Fixtures.write(broken.resolve("dialogs/demo.yaml"), "id: demo\nstart: nowhere\nnodes: {}\n");
        Vertx vertx = Vertx.vertx();
        try {
            assertThatThrownBy(() -> Losen.start(vertx, Config.defaults().withPort(0).withContent(broken)).await())
                    .hasMessageContaining("the content does not validate");
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void badOperatorSettingsAreRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> Operations.DEFAULT.withSessionStore("mysql://db:3306"))
                .hasMessageContaining("LOSEN_SESSION_STORE");
        assertThatThrownBy(() -> Operations.DEFAULT.withShutdownGrace(Duration.ofSeconds(-1)))
                .hasMessageContaining("LOSEN_SHUTDOWN_GRACE");
        assertThatThrownBy(() -> WsLimits.DEFAULT.withMaxPerAddress(0)).hasMessageContaining("positive");
        assertThat(Operations.DEFAULT.withSessionStore("redis://localhost:6379").redis()).isTrue();
        assertThat(Operations.DEFAULT.withSessionStore("memory").redis()).isFalse();
    }
}
