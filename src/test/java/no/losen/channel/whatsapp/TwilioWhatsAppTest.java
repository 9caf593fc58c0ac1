package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.channel.sms.Inbound;
import no.losen.channel.sms.PhoneKey;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.AfterEach;
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
    private Steps steps;

    @AfterEach
    void close() {
        release.countDown();
        if (steps != null) {
            steps.close();
        }
        workers.close();
    }

    @Test
    void aQuestionWaitsForAPlaceInTheFullTextWorkersAndIsAnsweredWhenOneFrees() throws Exception {
        Loaded l = ContentLoader.load(ContentLoader.bundled());
        steps = new Steps(new Engine(l.set(), Map.of(), no.losen.intent.Recogniser.train(l.set())),
                new MemorySessionStore(Duration.ofMinutes(30), 1000), workers, Long.MAX_VALUE, Metrics.none());
        TwilioWhatsApp wa = new TwilioWhatsApp(steps, new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)),
                "rights", Clock.fixed(NOW, ZoneOffset.UTC));
        int[] id = {0};
        java.util.function.Function<String, Future<List<String>>> send = body -> wa.handle("twilio",
                new Inbound("whatsapp:+4791234567", "whatsapp:+4722222222", body, "SM" + (++id[0])));
        send.apply("English").await(5, TimeUnit.SECONDS);
        no.losen.Fixtures.holdAThread(workers, release);   // another client's question holds the one thread and place

        Future<List<String>> question = send.apply("can I see a doctor without papers");
        Thread.sleep(1_000);
        assertThat(question.isComplete()).as("waiting, not refused").isFalse();
        release.countDown();
        assertThat(question.await(10, TimeUnit.SECONDS)).isNotEmpty();
    }
}
