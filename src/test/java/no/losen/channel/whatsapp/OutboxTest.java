package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final GraphStandIn graph = new GraphStandIn();
    private final Outbox outbox = new Outbox(new WhatsAppConfig("v", "s", "token", "123", graph.url(), Duration.ofMillis(10)),
            Clock.systemUTC());

    @AfterEach
    void close() {
        outbox.close();
        graph.close();
    }

    private static List<JsonObject> texts(String... bodies) {
        return java.util.Arrays.stream(bodies).map(WhatsAppRenderer::textMessage).toList();
    }

    private static String body(GraphStandIn.Sent s) {
        return s.body().getJsonObject("text").getString("body");
    }

    @Test
    void messagesToOnePersonGoOutInOrderWithTheTokenAndTheRecipient() throws Exception {
        outbox.send("k", "4791234567", texts("one", "two"), Instant.now().plusSeconds(60));
        outbox.send("k", "4791234567", texts("three"), Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);
        List<GraphStandIn.Sent> sent = graph.take(3);
        assertThat(sent).extracting(OutboxTest::body).containsExactly("one", "two", "three");
        assertThat(sent.get(0).path()).isEqualTo("/v21.0/123/messages");
        assertThat(sent.get(0).authorization()).isEqualTo("Bearer token");
        assertThat(sent.get(0).body().getString("to")).isEqualTo("4791234567");
        assertThat(sent.get(0).body().getString("recipient_type")).isEqualTo("individual");
    }

    @Test
    void afterTheWindowHasClosedNothingIsSent() throws Exception {
        outbox.send("k", "47", texts("late"), Instant.now().minusSeconds(1)).get(10, TimeUnit.SECONDS);
        assertThat(graph.take(false, 300)).isEmpty();
    }

    @Test
    void aRefusalOtherThan429Or5xxIsNotRetriedAndWhatFollowsIsNotSentOutOfOrder() throws Exception {
        graph.failNext(400);
        outbox.send("k", "47", texts("first", "second"), Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);
        List<GraphStandIn.Sent> sent = graph.take(false, 300);
        assertThat(sent).singleElement().satisfies(s -> assertThat(s.body().getInteger("_status")).isEqualTo(400));
    }

    @Test
    void a429IsRetriedWithBackOffUntilItGoesThrough() throws Exception {
        graph.failNext(429, 429, 503);
        outbox.send("k", "47", texts("hello"), Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);
        List<GraphStandIn.Sent> sent = graph.take(4);
        assertThat(sent).extracting(s -> s.body().getInteger("_status")).containsExactly(429, 429, 503, null);
        assertThat(sent).extracting(OutboxTest::body).containsOnly("hello");
    }

    @Test
    void retriesStopAfterTheLastAttempt() throws Exception {
        graph.failNext(500, 500, 500, 500, 500, 500, 500);
        outbox.send("k", "47", texts("hello"), Instant.now().plusSeconds(60)).get(20, TimeUnit.SECONDS);
        assertThat(graph.take(Outbox.ATTEMPTS)).hasSize(Outbox.ATTEMPTS);
        assertThat(graph.take(false, 300)).isEmpty();
    }

    @Test
    void quickExitDropsWhatIsStillWaitingForARetryAndWhatIsSentAfterItGoesOutAtOnce() throws Exception {
        // The first attempt fails and waits two seconds for its retry; the person erases the conversation meanwhile.
        try (Outbox slow = new Outbox(new WhatsAppConfig("v", "s", "token", "123", graph.url(), Duration.ofSeconds(2)),
                Clock.systemUTC())) {
            graph.failNext(503);
            var violence = slow.send("k", "47", texts("if he hits you, call 112", "and more"), Instant.now().plusSeconds(60));
            assertThat(graph.take(1)).extracting(OutboxTest::body).containsExactly("if he hits you, call 112");
            slow.cancel("k");
            slow.send("k", "47", texts("OK."), Instant.now().plusSeconds(60)).get(1, TimeUnit.SECONDS);
            violence.get(10, TimeUnit.SECONDS);
            assertThat(graph.take(false, 300)).extracting(OutboxTest::body).containsExactly("OK.");
        }
    }

    @Test
    void cancellingOnePersonLeavesEveryoneElseQueued() throws Exception {
        outbox.cancel("nobody");
        outbox.send("other", "48", texts("still here"), Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);
        assertThat(graph.take(1)).extracting(OutboxTest::body).containsExactly("still here");
    }

    @Test
    void aRequestLeftUnansweredIsTriedOnceMoreNotSixTimesSinceMetaMayHaveDeliveredIt() throws Exception {
        try (Outbox impatient = new Outbox(new WhatsAppConfig("v", "s", "token", "123", graph.url(), Duration.ofMillis(10)),
                Clock.systemUTC(), Duration.ofMillis(300))) {
            graph.failNext(GraphStandIn.HANG, GraphStandIn.HANG, GraphStandIn.HANG);
            impatient.send("k", "47", texts("hello"), Instant.now().plusSeconds(60)).get(10, TimeUnit.SECONDS);
            assertThat(graph.take(false, 500)).hasSize(2);
        }
    }
}
