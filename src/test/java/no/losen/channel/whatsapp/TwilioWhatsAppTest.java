package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.channel.sms.Inbound;
import no.losen.channel.sms.PhoneKey;
import no.losen.dialog.Engine;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp through Twilio, over the bundled {@code rights} dialog: one message per webhook, answered in its
 * response, which Twilio does not post again after a 503. So, as an SMS, a typed question waits for the full text
 * workers (up to {@code SmsConversation.PATIENCE}) instead of being refused {@code busy} at once; the Cloud API's
 * conversation is refused at once, and Meta delivers it again ({@code WhatsAppCryUnderFloodTest}).
 */
class TwilioWhatsAppTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final CountDownLatch release = new CountDownLatch(1);
    private final TextWorkers workers = new TextWorkers(new TextWorkers.Limits(1, 1, 1, 1));   // one place, one thread
    private static final Engine engine = no.losen.Fixtures.bundled();
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
    private Steps steps;
    private TwilioWhatsApp wa;

    @BeforeEach
    void open() {
        steps = new Steps(engine, store, workers, Long.MAX_VALUE, Metrics.none());
        wa = new TwilioWhatsApp(steps, new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)),
                "rights", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        release.countDown();
        steps.close();
        workers.close();
    }

    /** One message from the phone, as Twilio posts it, with message id {@code id}. */
    private Future<List<String>> send(String id, String body) {
        return wa.handle("twilio", new Inbound("whatsapp:+4791234567", "whatsapp:+4722222222", body, id));
    }

    @Test
    void aQuestionWaitsForAPlaceInTheFullTextWorkersAndIsAnsweredWhenOneFrees() throws Exception {
        send("SM1", "English").await(5, TimeUnit.SECONDS);
        no.losen.Fixtures.holdAThread(workers, release);   // another client's question holds the one thread and place

        Future<List<String>> question = send("SM2", "can I see a doctor without papers");
        Thread.sleep(1_000);
        assertThat(question.isComplete()).as("waiting, not refused").isFalse();
        release.countDown();
        assertThat(question.await(10, TimeUnit.SECONDS)).isNotEmpty();
    }

    /**
     * A phone's messages are taken one after another, and a question may now wait seconds for a place: a cry sent
     * meanwhile is read at once and answered with the help, not after the question (an independent tester's waited
     * up to 2.4 s behind it); the question's answer comes last, and the conversation stays where it left it.
     */
    @Test
    void aCrySentWhileThePhonesQuestionWaitsForAPlaceIsAnsweredAtOnce() throws Exception {
        send("SM1", "English").await(5, TimeUnit.SECONDS);
        no.losen.Fixtures.holdAThread(workers, release);

        Future<List<String>> question = send("SM2", "can I see a doctor without papers");
        String help = String.join("\n", send("SM3", "he is outside my door and says he will kill me").await(5, TimeUnit.SECONDS));
        assertThat(help).contains("112").contains("113");
        assertThat(question.isComplete()).as("the question still waits").isFalse();
        release.countDown();
        assertThat(question.await(10, TimeUnit.SECONDS)).as("its answer, which reaches the phone last").isNotEmpty();
        String emergency = engine.dialogs().dialog("rights").orElseThrow().dangerTopic().orElseThrow().target();
        String key = "wa:" + new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8))
                .of("whatsapp:+4791234567");
        assertThat(store.get(key).await(5, TimeUnit.SECONDS)).map(no.losen.dialog.Session::node).isPresent()
                .get().isNotEqualTo(emergency);
    }

    /**
     * STOP erases the phone's past replies too: a gateway's late retry of a message from before it answers nothing
     * (before, an independent tester got the full old answer back, 7 of 7, after STOP and after quick exit).
     */
    @Test
    void afterStopARetryOfAMessageFromBeforeItAnswersNothing() throws Exception {
        send("SM1", "English").await(5, TimeUnit.SECONDS);
        assertThat(send("SM2", "I am pregnant and have no papers, can I see a midwife?").await(5, TimeUnit.SECONDS)).isNotEmpty();
        List<String> stopped = send("SM3", "STOP").await(5, TimeUnit.SECONDS);
        assertThat(stopped).isNotEmpty();
        assertThat(store.size()).as("erased").isZero();

        assertThat(send("SM2", "I am pregnant and have no papers, can I see a midwife?").await(5, TimeUnit.SECONDS))
                .as("the question's retry").isEmpty();
        assertThat(send("SM3", "STOP").await(5, TimeUnit.SECONDS)).as("the STOP's retry, the same reply").isEqualTo(stopped);
        assertThat(store.size()).as("nothing brought back").isZero();
    }
}
