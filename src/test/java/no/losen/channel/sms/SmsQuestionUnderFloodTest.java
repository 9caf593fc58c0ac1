package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ordinary SMS question while the text workers are full with other clients' questions, over the bundled
 * {@code rights} dialog: it waits for a place, up to {@link SmsConversation#PATIENCE}, instead of being answered
 * {@code 503 busy} at once. An independent tester's questions during a flood from 300 addresses got 503 for 3 of
 * 13; a gateway need not retry a 503 (Twilio does not by default), and the person got nothing.
 */
class SmsQuestionUnderFloodTest {

    private static final Engine engine = no.losen.Fixtures.bundled();
    private final CountDownLatch release = new CountDownLatch(1);
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
    private final PhoneKey keys = new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8));
    private TextWorkers workers;
    private Steps steps;
    private int id;

    @BeforeEach
    void open() {
        workers = new TextWorkers(new TextWorkers.Limits(1, 1, 1, 1));   // one place, one thread
        steps = new Steps(engine, store, workers, Long.MAX_VALUE, Metrics.none());
    }

    @AfterEach
    void close() {
        release.countDown();
        steps.close();
        workers.close();
    }

    private Future<List<String>> send(SmsConversation sms, String text) {
        return sms.handle("test", new Inbound("+4791234567", "2222", text, "m" + (++id)));
    }

    /** A phone in English at the main menu, then another client's question holding the one place until released. */
    private SmsConversation englishThenFull(SmsConversation sms) throws Exception {
        send(sms, "hello").await(5, TimeUnit.SECONDS);   // the language menu
        send(sms, "2").await(5, TimeUnit.SECONDS);       // English
        no.losen.Fixtures.holdAThread(workers, release);
        return sms;
    }

    @Test
    void aQuestionWaitsForAPlaceAndIsAnsweredWhenOneFrees() throws Exception {
        SmsConversation sms = englishThenFull(new SmsConversation(steps, keys, "rights"));   // as the server makes it
        Future<List<String>> question = send(sms, "can I see a doctor without papers");
        Thread.sleep(1_000);
        assertThat(question.isComplete()).as("waiting, not refused").isFalse();
        release.countDown();
        assertThat(String.join("\n", question.await(10, TimeUnit.SECONDS))).isNotBlank();
    }

    @Test
    void aQuestionIsRefusedBusyOnlyOnceItsPatienceIsSpent() throws Exception {
        SmsConversation sms = englishThenFull(new SmsConversation(steps, keys, "rights", null, Map.of(),
                Duration.ofMillis(800)));
        long t0 = System.nanoTime();
        Throwable refused = send(sms, "can I see a doctor without papers").transform(Future::succeededFuture)
                .await(5, TimeUnit.SECONDS).cause();
        assertThat(refused).isInstanceOfSatisfying(DialogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
}
