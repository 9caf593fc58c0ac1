package no.losen.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerialTest {

    private final Serial serial = new Serial();

    @Test
    void workForOneKeyStartsOnlyAfterThePreviousHasFinished() {
        List<String> log = new ArrayList<>();
        Promise<String> first = Promise.promise();
        serial.run("phone", () -> {
            log.add("first started");
            return first.future();
        });
        Future<String> second = serial.run("phone", () -> {
            log.add("second started");
            return Future.succeededFuture("2");
        });
        assertThat(log).containsExactly("first started");
        first.complete("1");
        assertThat(log).containsExactly("first started", "second started");
        assertThat(second.result()).isEqualTo("2");
    }

    @Test
    void otherKeysDoNotWaitAndAFailureDoesNotBlockTheNext() {
        Promise<String> stuck = Promise.promise();
        serial.run("a", stuck::future);
        assertThat(serial.run("b", () -> Future.succeededFuture("b")).result()).isEqualTo("b");
        serial.run("c", () -> {
            throw new IllegalStateException("boom");
        });
        assertThat(serial.run("c", () -> Future.succeededFuture("after")).result()).isEqualTo("after");
    }

    /**
     * A message behind the key's pending work may be answered early (a cry, by the emergency help): that is its
     * answer, and its own turn is dropped; not answered early, it waits its turn; with nothing pending, it is not
     * asked early at all.
     */
    @Test
    void aMessageBehindPendingWorkIsAnsweredEarlyWhenItCanAndItsTurnIsThenDropped() {
        List<String> log = new ArrayList<>();
        Promise<String> question = Promise.promise();
        serial.run("phone", question::future);
        Future<String> cry = serial.run("phone", () -> {
            log.add("cry's turn");
            return Future.succeededFuture("turn");
        }, () -> Future.succeededFuture(Optional.of("help")), "dropped");
        assertThat(cry.result()).as("at once, before the question").isEqualTo("help");
        Future<String> other = serial.run("phone", () -> Future.succeededFuture("its turn"),
                () -> Future.succeededFuture(Optional.empty()), "dropped");
        assertThat(other.isComplete()).as("not answered early: waits its turn").isFalse();
        question.complete("answer");
        assertThat(other.result()).isEqualTo("its turn");
        assertThat(log).as("the cry's turn was dropped").isEmpty();
        assertThat(serial.run("quiet", () -> Future.succeededFuture("turn"),
                () -> Future.failedFuture("not asked"), "dropped").result()).as("nothing pending").isEqualTo("turn");
    }
}
