package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.dialog.Card;
import no.losen.dialog.TextAction;
import no.losen.metrics.Metrics;
import no.losen.session.FaultyStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One socket's conversation over a fake transport: frames in, frames out, and what it does while the store is slow. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConversationTest {

    static final String START = "{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}";
    static final String ADULT = "{\"type\":\"choose\",\"choice\":\"adult\"}";
    static final String PING = "{\"type\":\"ping\"}";

    /** The transport a test reads: every text sent, in order. */
    static final class Sent implements Transport {
        final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override
        public void send(String text) {
            frames.add(new JsonObject(text));
        }

        @Override
        public Future<Void> close(short code, String reason) {
            closed = true;
            return Future.succeededFuture();
        }

        @Override
        public boolean closed() {
            return closed;
        }

        JsonObject next() throws InterruptedException {
            JsonObject f = frames.poll(5, TimeUnit.SECONDS);
            assertThat(f).as("a frame within 5 s").isNotNull();
            return f;
        }

        JsonObject now() {
            JsonObject f = frames.poll();
            assertThat(f).as("a frame already sent").isNotNull();
            return f;
        }

        String type() throws InterruptedException {
            JsonObject f = next();
            return f.getString("type").equals("error") ? f.getString("code") : f.getString("type");
        }
    }

    private final FaultyStore store = new FaultyStore();
    private final CountDownLatch release = new CountDownLatch(1);
    private TextWorkers workers;
    private Vertx vertx;

    private final TextAction search = (text, lang) -> {
        if (text.startsWith("flood")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.of(new Card.Hit("handbook", "A title", "A section", "A passage"));
    };

    private Conversation.Shared shared() {
        workers = new TextWorkers(new TextWorkers.Limits(2, 32, 4, 1));
        Steps steps = new Steps(Fixtures.engine(Map.of("search", search)), store, workers, 1000, Metrics.none());
        return new Conversation.Shared(steps, Metrics.none(), WsLimits.DEFAULT.withRate(1000, 1000), c -> { });
    }

    @AfterEach
    void down() {
        release.countDown();
        if (workers != null) {
            workers.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Test
    void aStartGivesTheTokenThenTheMessageAndChoicesMoveOn() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        c.frame(START);
        assertThat(out.next().getString("token")).hasSize(22);
        assertThat(out.next().getString("node")).isEqualTo("hello");
        c.frame(ADULT);
        assertThat(out.next().getString("node")).isEqualTo("health");
        c.frame("{\"type\":\"dance\"}");
        assertThat(out.type()).isEqualTo("unknown_type");
    }

    /** Starts a conversation on {@code c}: its token, its first message read. */
    private static String started(Conversation c, Sent out) throws Exception {
        c.frame(START);
        String token = out.next().getString("token");
        out.next();
        return token;
    }

    /** A store restarted empty: the step finds no session, and the next start is a new conversation with a new token. */
    @Test
    void afterNoSessionTheNextStartGivesANewTokenNotTheLostOne() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        String lost = started(c, out);
        store.remove(lost).await();
        c.frame(ADULT);
        assertThat(out.type()).isEqualTo("no_session");
        c.frame(START);
        JsonObject session = out.next();
        assertThat(session.getString("type")).isEqualTo("session");
        assertThat(session.getString("token")).isNotEqualTo(lost);
        assertThat(out.next().getString("node")).isEqualTo("hello");
    }

    @Test
    void pingIsAnsweredAtOnceWhileStepsWaitForAHangingStore() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        store.mode = FaultyStore.Mode.HANG;
        c.frame(START);
        assertThat(c.idle().isComplete()).isFalse();
        c.frame(PING);
        assertThat(out.now().getString("type")).isEqualTo("pong");
    }

    @Test
    void atMostEightFramesWaitForTheStoreAndMoreAreRefusedAtOnce() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        store.mode = FaultyStore.Mode.HANG;
        c.frame(START);
        for (int i = 1; i < Conversation.MAX_QUEUED; i++) {
            c.frame(ADULT);
        }
        assertThat(out.frames).isEmpty();
        c.frame(ADULT);
        JsonObject refused = out.now();
        assertThat(refused.getString("code")).isEqualTo("rate_limited");
        assertThat(store.hanging()).isEqualTo(1);   // the rest wait behind it, holding nothing of the store's
    }

    @Test
    void whileTheStoreIsKnownDownAFrameIsAnsweredUnavailableAtOnce() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        c.frame(START);
        out.next();
        out.next();
        store.mode = FaultyStore.Mode.HANG;
        store.knownDown = true;
        c.frame(ADULT);
        assertThat(out.now().getString("code")).isEqualTo("unavailable");
        c.frame(PING);
        assertThat(out.now().getString("type")).isEqualTo("pong");
        assertThat(store.hanging()).isZero();
    }

    @Test
    void endKeepsTheTokenUntilTheStoreHasErasedTheSession() throws Exception {
        Sent out = new Sent();
        Conversation c = new Conversation(out, shared(), null, "192.0.2.1");
        String token = started(c, out);
        store.mode = FaultyStore.Mode.DOWN;
        c.frame("{\"type\":\"end\"}");
        assertThat(out.type()).isEqualTo("unavailable");
        store.mode = FaultyStore.Mode.UP;
        assertThat(store.peek(token)).as("not erased yet").isPresent();
        c.frame("{\"type\":\"end\"}");
        assertThat(out.type()).isEqualTo("ended");
        assertThat(store.peek(token)).as("ended means erased").isEmpty();
        c.frame(ADULT);
        assertThat(out.type()).isEqualTo("no_session");
    }

    @Test
    void oneClientsHangingSearchesDoNotHoldUpAnotherConversationOnTheSameEventLoop() throws Exception {
        Conversation.Shared sh = shared();
        vertx = Vertx.vertx();
        Context loop = vertx.getOrCreateContext();
        Sent floodOut = new Sent();
        Sent calmOut = new Sent();
        Conversation flood = new Conversation(floodOut, sh, null, "192.0.2.1");
        Conversation calm = new Conversation(calmOut, sh, null, "192.0.2.2");
        loop.runOnContext(v -> {
            flood.frame(START);
            calm.frame(START);
        });
        floodOut.next();
        floodOut.next();
        calmOut.next();
        calmOut.next();
        for (int i = 0; i < 6; i++) {
            // five flooding sockets from one address, as many text frames as the rate allows
            Conversation other = new Conversation(new Sent(), sh, null, "192.0.2.1");
            loop.runOnContext(v -> {
                other.frame(START);
                other.frame("{\"type\":\"text\",\"text\":\"flood me\"}");
            });
        }
        loop.runOnContext(v -> flood.frame("{\"type\":\"text\",\"text\":\"flood more\"}"));
        loop.runOnContext(v -> calm.frame(ADULT));
        assertThat(calmOut.next().getString("node")).isEqualTo("health");
        loop.runOnContext(v -> calm.frame("{\"type\":\"text\",\"text\":\"a question\"}"));
        assertThat(calmOut.next().getJsonArray("cards").stream().map(o -> ((JsonObject) o).getString("type")))
                .contains("search");
        assertThat(floodOut.type()).as("the flooding address is over its share").isEqualTo("busy");
    }

    /**
     * Frames of one socket are taken one after another: a person who types a few questions and then the cry,
     * while the first waits for a search, has the cry read at once and the emergency help sent ahead of the
     * answers; its own turn later moves the conversation there and sends the help again, last, so that what is last
     * on screen is where the conversation is (an independent tester's cries waited 2–16 s behind their own questions
     * during a flood; a third tester then found the help followed by answers whose buttons were refused).
     */
    @Test
    void aCryBehindTheSocketsOwnWaitingQuestionsIsAnsweredWithTheEmergencyHelpAtOnce() throws Exception {
        no.losen.dialog.Intents intents = new no.losen.dialog.Intents() {
            @Override
            public java.util.Optional<no.losen.dialog.Reading> read(no.losen.dialog.Dialog d, String text, String lang) {
                return java.util.Optional.of(text.contains("knife")
                        ? new no.losen.dialog.Reading("emergency", no.losen.dialog.Reading.Kind.SURE, List.of())
                        : no.losen.dialog.Reading.UNKNOWN);
            }

            @Override
            public boolean dangerWord(no.losen.dialog.Dialog d, String text, String lang) {
                return text.contains("knife");
            }
        };
        workers = new TextWorkers(new TextWorkers.Limits(2, 32, 4, 1));
        Steps steps = new Steps(new no.losen.dialog.Engine(no.losen.dialog.load.ContentLoader.load(
                java.nio.file.Path.of("src/test/resources/content/intent")).set(), Map.of("search", search), intents),
                store, workers, 1000, Metrics.none());
        Sent out = new Sent();
        Conversation c = new Conversation(out, new Conversation.Shared(steps, Metrics.none(),
                WsLimits.DEFAULT.withRate(1000, 1000), x -> { }), null, "192.0.2.1");
        try {
            c.frame("{\"type\":\"start\",\"dialog\":\"help\",\"lang\":\"en\"}");
            String token = out.next().getString("token");
            out.next();
            c.frame("{\"type\":\"text\",\"text\":\"flood: where can I sleep\"}");   // hangs in the search
            c.frame("{\"type\":\"text\",\"text\":\"can I see a doctor\"}");
            c.frame("{\"type\":\"text\",\"text\":\"he has a knife\"}");
            assertThat(out.next().getString("node")).as("the help, ahead of both answers").isEqualTo("emergency");
            release.countDown();
            assertThat(out.next().getJsonArray("cards")).isNotEmpty();
            assertThat(out.next().getJsonArray("cards")).isNotEmpty();
            assertThat(out.next().getString("node")).as("the help again, last").isEqualTo("emergency");
            c.idle().await(5, TimeUnit.SECONDS);
            assertThat(out.frames).isEmpty();
            assertThat(store.peek(token)).map(no.losen.dialog.Session::node).as("where the conversation is").contains("emergency");
        } finally {
            steps.close();
        }
    }
}
