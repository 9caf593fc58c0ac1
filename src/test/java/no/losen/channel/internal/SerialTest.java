package no.losen.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
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
}
