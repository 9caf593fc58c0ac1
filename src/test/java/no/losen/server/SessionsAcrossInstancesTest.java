package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.session.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several instances behind a load balancer, one Redis: a client may land on any instance at any
 * step, and a restart loses no conversation. Redis going away is a clear error, never a crash.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionsAcrossInstancesTest {

    static RedisServer redis;

    @BeforeAll
    static void up() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void down() {
        if (redis != null) {
            redis.close();
        }
    }

    static TestServer instance() {
        return new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withOps(Operations.DEFAULT.withSessionStore(redis.uri())));
    }

    static JsonObject frame(String json) {
        return new JsonObject(json);
    }

    @Test
    void aClientThatReconnectsToTheOtherInstanceResumesWhereItWas() {
        try (TestServer a = instance(); TestServer b = instance()) {
            String token;
            try (var c = a.connect()) {
                c.send(frame("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}"));
                token = c.next().getString("token");
                c.next();
                assertThat(c.send(frame("{\"type\":\"choose\",\"choice\":\"child\"}")).next().getString("node"))
                        .isEqualTo("health");
            }
            try (var c = b.connect()) {
                c.send(new JsonObject().put("type", "resume").put("token", token));
                assertThat(c.next().getString("token")).isEqualTo(token);
                assertThat(c.next().getString("node")).isEqualTo("health");
                // back works across instances too: the history travelled with the session
                assertThat(c.send(frame("{\"type\":\"back\"}")).next().getString("node")).isEqualTo("hello");
            }
            try (var c = a.connect()) {
                c.send(new JsonObject().put("type", "resume").put("token", token));
                c.next();
                assertThat(c.next().getString("node")).isEqualTo("hello");
            }
        }
    }

    @Test
    void aSessionSurvivesARestartOfTheInstanceAndEndErasesItInRedis() {
        String token;
        try (TestServer a = instance(); var c = a.connect()) {
            c.send(frame("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"nb\"}"));
            token = c.next().getString("token");
            c.next();
            c.send(frame("{\"type\":\"choose\",\"choice\":\"signs\"}")).next();
        }
        try (TestServer again = instance(); var c = again.connect()) {
            c.send(new JsonObject().put("type", "resume").put("token", token));
            c.next();
            assertThat(c.next().getString("node")).isEqualTo("signs");
            assertThat(c.send(frame("{\"type\":\"end\"}")).next().getString("type")).isEqualTo("ended");
            RedisAPI raw = RedisAPI.api(Redis.createClient(again.vertx(), redis.uri()));
            assertThat(raw.exists(List.of("losen:s:" + token)).await().toInteger()).isZero();
            c.send(new JsonObject().put("type", "resume").put("token", token));
            assertThat(c.next().getString("code")).isEqualTo("no_session");
        }
    }

    @Test
    void withRedisDownConversationsGetAClearErrorReadinessIsDownAndAllRecoversByItself() {
        try (TestServer a = instance()) {
            assertThat(a.get("/health/ready").status()).isEqualTo(200);
            String token;
            try (var c = a.connect()) {
                c.send(frame("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}"));
                token = c.next().getString("token");
                c.next();

                redis.stop();
                JsonObject step = c.send(frame("{\"type\":\"choose\",\"choice\":\"adult\"}")).next();
                assertThat(step.getString("type")).isEqualTo("error");
                assertThat(step.getString("code")).isEqualTo("unavailable");
                assertThat(c.send(frame("{\"type\":\"ping\"}")).next().getString("type")).isEqualTo("pong");
            }
            try (var c = a.connect()) {
                c.send(frame("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}"));
                assertThat(c.next().getString("code")).isEqualTo("unavailable");
                c.send(new JsonObject().put("type", "resume").put("token", token));
                assertThat(c.next().getString("code")).isEqualTo("unavailable");
            }
            // Readiness asks the store at most once a second, so the change shows within a second or two.
            long down = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            TestServer.Response ready = a.get("/health/ready");
            while (ready.status() != 503 && System.nanoTime() < down) {
                sleep(100);
                ready = a.get("/health/ready");
            }
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().getString("store")).isEqualTo("DOWN");
            assertThat(a.get("/health/live").status()).isEqualTo(200);
            assertThat(a.get("/metrics").body()).contains("losen_errors_total{code=\"unavailable\"}");

            redis.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (a.get("/health/ready").status() != 200 && System.nanoTime() < until) {
                sleep(100);
            }
            assertThat(a.get("/health/ready").status()).isEqualTo(200);
            try (var c = a.connect()) {
                c.send(frame("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}"));
                assertThat(c.next().getString("type")).isEqualTo("session");
                assertThat(c.next().getString("node")).isEqualTo("hello");
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
