package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget of answers not yet read: stalled connections go first, then the one asking. */
class UnsentAnswersTest {

    final AtomicLong now = new AtomicLong();
    final UnsentAnswers budget = new UnsentAnswers(100, now::get);

    void later(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void answersWithinTheBudgetAreCountedAndGivenBackWhenSent() {
        UnsentAnswers.Connection a = budget.open(new EmbeddedChannel());
        assertThat(a.take(60)).isTrue();
        assertThat(a.take(40)).isTrue();
        assertThat(budget.total()).isEqualTo(100);
        a.sent(60);
        a.sent(40);
        assertThat(budget.total()).isZero();
    }

    @Test
    void overTheBudgetAConnectionWhoseAnswerHasNotMovedForASecondIsClosedAndTheAskingOneShed() {
        EmbeddedChannel stalled = new EmbeddedChannel();
        EmbeddedChannel reading = new EmbeddedChannel();
        UnsentAnswers.Connection s = budget.open(stalled);
        UnsentAnswers.Connection r = budget.open(reading);
        assertThat(s.take(70)).isTrue();
        later(1_500);
        assertThat(r.take(20)).isTrue();   // just written: not stalled
        UnsentAnswers.Connection newcomer = budget.open(new EmbeddedChannel());
        assertThat(newcomer.take(30)).as("does not fit until the stalled bytes come back").isFalse();
        assertThat(stalled.isOpen()).isFalse();
        assertThat(reading.isOpen()).isTrue();
        s.sent(70);   // the closed connection's write failed: its bytes are back
        assertThat(newcomer.take(30)).isTrue();
    }

    @Test
    void aConnectionWhoseAnswersKeepLeavingIsNeverStalled() {
        EmbeddedChannel slowButReading = new EmbeddedChannel();
        UnsentAnswers.Connection c = budget.open(slowButReading);
        c.take(50);
        c.take(50);
        later(900);
        c.sent(50);   // half out: it moves
        later(900);
        assertThat(budget.open(new EmbeddedChannel()).take(60)).isFalse();
        assertThat(slowButReading.isOpen()).isTrue();
    }

    @Test
    void theDefaultBudgetIsAQuarterOfTheDirectMemory() {
        assertThat(UnsentAnswers.defaultBudget())
                .isEqualTo(Math.max(16L << 20, io.netty.util.internal.PlatformDependent.maxDirectMemory() / 4));
    }
}
