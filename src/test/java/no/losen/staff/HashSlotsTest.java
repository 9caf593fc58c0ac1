package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Password check slots: a short wait in turn, the turns going round the addresses waiting. */
class HashSlotsTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    /** Waits until {@code f} has completed, and says whether it got a slot. */
    static boolean got(Future<Void> f) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!f.isComplete() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        return f.succeeded();
    }

    @Test
    void anAddressWithNobodyWaitingIsServedNextWhateverAnotherHasQueued() throws Exception {
        HashSlots slots = new HashSlots(vertx, 1, 16, Duration.ofSeconds(10));
        List<String> served = new CopyOnWriteArrayList<>();
        assertThat(got(slots.acquire("guesser"))).isTrue();
        List<Future<Void>> guesses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Future<Void> f = slots.acquire("guesser");
            f.onSuccess(v -> served.add("guesser"));
            guesses.add(f);
        }
        assertThat(slots.acquire("guesser").failed()).as("a fifth waiting from one address (a quarter of 16): refused at once").isTrue();
        Future<Void> employee = slots.acquire("employee");
        employee.onSuccess(v -> served.add("employee"));

        slots.release();
        assertThat(got(employee)).as("next, not behind the four guesses waiting").isTrue();
        slots.release();
        assertThat(got(guesses.get(0))).isTrue();
        assertThat(served).containsExactly("employee", "guesser");
        assertThat(guesses.get(1).isComplete()).isFalse();
    }

    @Test
    void aLogInThatWaitedTooLongIsRefusedAndLeavesNoPlaceBehind() throws Exception {
        HashSlots slots = new HashSlots(vertx, 1, 4, Duration.ofMillis(100));
        assertThat(got(slots.acquire("a"))).isTrue();
        assertThat(got(slots.acquire("b"))).as("no slot within 100 ms").isFalse();
        slots.release();
        assertThat(got(slots.acquire("c"))).as("the slot was freed, not handed to the one who left").isTrue();
    }
}
