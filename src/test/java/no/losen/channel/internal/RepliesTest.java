package no.losen.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private final Replies<List<String>> replies = new Replies<>(Duration.ofMinutes(5), 100);

    @Test
    void aRetryWhileTheFirstIsStillPendingWaitsForTheSameAnswer() {
        AtomicInteger runs = new AtomicInteger();
        Promise<List<String>> slow = Promise.promise();
        Future<List<String>> first = replies.once("k", () -> {
            runs.incrementAndGet();
            return slow.future();
        });
        Future<List<String>> retry = replies.once("k", () -> {
            runs.incrementAndGet();
            return Future.succeededFuture(List.of("other"));
        });
        assertThat(retry.isComplete()).isFalse();
        slow.complete(List.of("svar"));
        assertThat(first.result()).containsExactly("svar");
        assertThat(retry.result()).containsExactly("svar");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedAnswerIsForgottenSoARetryIsHandledAfresh() {
        replies.once("k", () -> Future.failedFuture(new IllegalStateException("store down")));
        assertThat(replies.once("k", () -> Future.succeededFuture(List.of("ok"))).result()).containsExactly("ok");
    }

    @Test
    void forgetErasesAPhonesAnswersButTheOneBeingGivenAndARetryOfOneDoesNothing() {
        replies.once("phone/a", () -> Future.succeededFuture(List.of("1")));
        replies.once("phone/b", () -> Future.succeededFuture(List.of("2")));
        replies.once("other/a", () -> Future.succeededFuture(List.of("3")));
        replies.forget("phone/", "phone/b", List.of());
        assertThat(replies.once("phone/a", () -> Future.succeededFuture(List.of("new"))).result()).isEmpty();
        assertThat(replies.once("other/a", () -> Future.succeededFuture(List.of("new"))).result()).containsExactly("3");
        assertThat(replies.once("phone/b", () -> Future.succeededFuture(List.of("new"))).result()).containsExactly("2");
    }
}
