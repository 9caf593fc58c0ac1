package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.channel.sms.JsonGateway;
import no.losen.channel.sms.SmsConfig;
import no.losen.session.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session store (a real Redis) going away or hanging, end to end: every channel says
 * {@code unavailable} the same way, nothing queues up behind it, ping still answers, and
 * {@code ended} is said only once the session is erased.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StoreOutageTest {

    static final String START = "{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}";
    static final String SECRET = "sms secret for the outage test";

    RedisServer redis;
    TestServer server;

    @BeforeEach
    void up() {
        redis = RedisServer.startOrSkip();
        server = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withSms(new SmsConfig(null, SECRET, "phone key secret for the outage test", "demo"))
                .withOps(Operations.DEFAULT.withSessionStore(redis.uri())));
    }

    @AfterEach
    void down() {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private boolean held(String token) {
        RedisAPI raw = RedisAPI.api(Redis.createClient(server.vertx(), redis.uri()));
        try {
            return raw.exists(List.of("losen:s:" + token)).await().toInteger() == 1;
        } finally {
            raw.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String code(JsonObject f) {
        return f.getString("type").equals("error") ? f.getString("code") : f.getString("type");
    }

    @Test
    void endWhileTheStoreHangsKeepsTheTokenSoTheRetryErasesTheSession() {
        try (var c = server.connect()) {
            String token = c.send(START).next().getString("token");
            c.next();
            redis.freeze();
            assertThat(code(c.send("{\"type\":\"end\"}").next())).isEqualTo("unavailable");
            assertThat(code(c.send("{\"type\":\"end\"}").next())).as("never ended without the delete").isEqualTo("unavailable");
            redis.thaw();
            String answer = "unavailable";
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!answer.equals("ended") && System.nanoTime() < until) {
                // the store is tried again about once a second; a client retries calmly
                sleep(300);
                answer = code(c.send("{\"type\":\"end\"}").next());
            }
            assertThat(answer).isEqualTo("ended");
            assertThat(held(token)).as("ended means erased").isFalse();
        }
    }

    @Test
    void whileTheStoreHangsFramesDoNotQueueUpAndPingAnswersAtOnce() {
        try (var c = server.connect()) {
            c.send(START).nextMessage();
            redis.freeze();
            for (int i = 0; i < 15; i++) {
                c.ws.writeTextMessage("{\"type\":\"back\"}");
            }
            long t0 = System.nanoTime();
            c.send("{\"type\":\"ping\"}");
            List<String> codes = new ArrayList<>();
            long pong = -1;
            for (int i = 0; i < 16; i++) {
                String code = code(c.next());
                if (code.equals("pong")) {
                    pong = System.nanoTime() - t0;
                }
                codes.add(code);
            }
            assertThat(pong).as("pong within a second, not behind the queue").isBetween(0L, TimeUnit.SECONDS.toNanos(1));
            assertThat(codes).contains("rate_limited", "unavailable").doesNotContain("message");
            // once known down, a frame is refused at once instead of waiting for a timeout
            long t1 = System.nanoTime();
            assertThat(code(c.send("{\"type\":\"back\"}").next())).isEqualTo("unavailable");
            assertThat(System.nanoTime() - t1).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
            redis.thaw();
        }
    }

    @Test
    void smsWhileTheStoreIsDownAnswers503WithRetryAfterAndLogsNoFault() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        HttpResponse<String> r;
        try {
            redis.stop();
            String body = new JsonObject().put("from", "+4791234567").put("to", "2222").put("text", "Hei").put("id", "m1")
                    .encode();
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/sms/inbound"))
                    .header("Content-Type", "application/json")
                    .header("X-Losen-Signature", JsonGateway.signature(SECRET, body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            root.detachAppender(logs);
        }
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("unavailable");
        assertThat(logs.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(logs.list).noneMatch(e -> e.getThrowableProxy() != null);
    }
}
