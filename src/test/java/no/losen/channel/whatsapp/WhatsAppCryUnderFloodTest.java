package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.channel.sms.PhoneKey;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A WhatsApp message about danger now while the text workers are full with other clients' questions, over the
 * bundled {@code rights} dialog: read at once and answered with the emergency help, as an SMS and the widget's
 * typed text are ({@code SmsCryUnderFloodTest}).
 */
class WhatsAppCryUnderFloodTest {

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
    void aCryIsAnsweredWithTheEmergencyNumbersWhileAnOrdinaryQuestionIsRefused() throws Exception {
        steps = new Steps(no.losen.Fixtures.bundled(),
                new MemorySessionStore(Duration.ofMinutes(30), 1000), workers, Long.MAX_VALUE, Metrics.none());
        PhoneKey keys = new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8));
        WhatsAppConversation wa = new WhatsAppConversation(steps, keys, "rights", null, Clock.fixed(NOW, ZoneOffset.UTC));
        int[] id = {0};
        java.util.function.Function<String, Future<List<JsonObject>>> send = body -> wa.run(keys.of("4791234567"),
                new Delivery.Message("4791234567", "m" + (++id[0]), NOW, Delivery.Kind.TEXT, body, null),
                NOW.plus(WhatsAppConversation.WINDOW));
        send.apply("English").await(5, TimeUnit.SECONDS);
        no.losen.Fixtures.holdAThread(workers, release);   // another client's question holds the one thread and place

        assertThat(send.apply("can I see a doctor without papers").transform(Future::succeededFuture)
                .await(5, TimeUnit.SECONDS).cause()).isInstanceOfSatisfying(DialogException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        List<JsonObject> help = send.apply("he is outside my door and says he will kill me").await(5, TimeUnit.SECONDS);
        assertThat(help.toString()).contains("112").contains("113");
    }
}
