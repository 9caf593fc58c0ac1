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
 * An SMS about danger now while the text workers are full with other clients' questions, over the bundled
 * {@code rights} dialog: read at once and answered with the emergency help, as the widget's typed text is. An
 * independent tester's flood from 300 addresses got SMS cries answered {@code 503 busy}, unread, 2 to 4 times
 * in 6; a gateway need not retry, and the person got nothing.
 */
class SmsCryUnderFloodTest {

    private static final Engine engine = no.losen.Fixtures.bundled();
    private final CountDownLatch release = new CountDownLatch(1);
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
    private TextWorkers workers;
    private Steps steps;
    private SmsConversation sms;
    private int id;

    @BeforeEach
    void open() {
        workers = new TextWorkers(new TextWorkers.Limits(1, 1, 1, 1));   // one place, one thread
        steps = new Steps(engine, store, workers, Long.MAX_VALUE, Metrics.none());
        // No patience: an ordinary question is refused at once, and what is read is the cry alone (waiting for the
        // workers is SmsQuestionUnderFloodTest's).
        sms = new SmsConversation(steps, new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)),
                "rights", null, Map.of(), Duration.ZERO);
    }

    @AfterEach
    void close() {
        release.countDown();
        steps.close();
        workers.close();
    }

    private Future<List<String>> send(String phone, String text) {
        return sms.handle("test", new Inbound(phone, "2222", text, "m" + (++id)));
    }

    /** Another client's question holds the one thread (and, with one place, the workers) until the test ends. */
    private void fill() throws InterruptedException {
        no.losen.Fixtures.holdAThread(workers, release);
    }

    @Test
    void aCryFromAPhoneInAConversationIsAnsweredWithTheEmergencyNumbersWhileTheWorkersAreFull() throws Exception {
        send("+4791234567", "hello").await(5, TimeUnit.SECONDS);   // the language menu
        send("+4791234567", "2").await(5, TimeUnit.SECONDS);       // English
        fill();
        Future<List<String>> question = send("+4791234567", "can I see a doctor without papers");
        assertThat(question.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause())
                .as("an ordinary question is still refused while they are full")
                .isInstanceOfSatisfying(DialogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        String reply = String.join("\n", send("+4791234567", "he is outside my door and says he will kill me")
                .await(5, TimeUnit.SECONDS));
        assertThat(reply).contains("112").contains("113");
    }

    @Test
    void aCryAsAPhonesFirstMessageIsAnsweredInTheLanguageThatReadItWhileTheWorkersAreFull() throws Exception {
        fill();
        String reply = String.join("\n", send("+4798765432", "he has a knife and says he will kill me")
                .await(5, TimeUnit.SECONDS));
        assertThat(reply).contains("112");
        assertThat(store.size()).as("the conversation it started is kept, at the emergency help").isEqualTo(1);
    }

    /**
     * A phone's messages are taken one after another: a cry sent while the same phone's question still waits for
     * a thread is read at once and answered with the help, not after the answer (an independent tester's SMS
     * cries sent 0.5 s after a question); the question's answer then comes last, and the conversation stays there.
     */
    @Test
    void aCrySentWhileThePhonesQuestionStillWaitsIsAnsweredAtOnce() throws Exception {
        workers.close();
        steps.close();
        workers = new TextWorkers(new TextWorkers.Limits(1, 4, 2, 1));   // one thread, room to wait
        steps = new Steps(engine, store, workers, Long.MAX_VALUE, Metrics.none());
        sms = new SmsConversation(steps, new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)),
                "rights", null, Map.of());
        send("+4791234567", "hello").await(5, TimeUnit.SECONDS);
        send("+4791234567", "2").await(5, TimeUnit.SECONDS);
        fill();
        Future<List<String>> question = send("+4791234567", "can I see a doctor without papers");
        String reply = String.join("\n", send("+4791234567", "he is outside my door and says he will kill me")
                .await(5, TimeUnit.SECONDS));
        assertThat(reply).contains("112").contains("113");
        assertThat(question.isComplete()).as("the question still waits for the thread").isFalse();
        release.countDown();
        assertThat(question.await(5, TimeUnit.SECONDS)).as("its answer, which reaches the phone last").isNotEmpty();
        // The conversation stays where that answer left it, not at the help: a number sent next means what the phone
        // shows last.
        String key = "sms:" + new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)).of("+4791234567");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (workers.held() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        String emergency = engine.dialogs().dialog("rights").orElseThrow().dangerTopic().orElseThrow().target();
        assertThat(store.get(key).await(5, TimeUnit.SECONDS)).map(no.losen.dialog.Session::node).isPresent()
                .get().isNotEqualTo(emergency);
    }
}
