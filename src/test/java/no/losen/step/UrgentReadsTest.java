package no.losen.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budgets for reading refused typed messages for danger: per conversation, then per address. */
class UrgentReadsTest {

    private final AtomicLong now = new AtomicLong(1);
    private final UrgentReads reads = new UrgentReads(now::get);
    private static final Steps.Caller SHELTER = new Steps.Caller("ws", "198.51.100.7");

    @Test
    void aConversationHasAFewReadsThenOneEveryTenSeconds() {
        for (int i = 0; i < UrgentReads.CONVERSATION_BURST; i++) {
            assertThat(reads.take("a", SHELTER)).isTrue();
        }
        assertThat(reads.take("a", SHELTER)).isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertThat(reads.take("a", SHELTER)).isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(reads.take("a", SHELTER)).isTrue();
    }

    @Test
    void aFloodingConversationCannotSpendAnotherConversationsReads() {
        for (int i = 0; i < 100; i++) {
            reads.take("flood", SHELTER);
        }
        assertThat(reads.take("person", SHELTER)).isTrue();
    }

    @Test
    void manyConversationsFromOneAddressShareItsLargerBudgetStayingJustUnderItLeavesOneRead() {
        for (int i = 0; i < UrgentReads.CLIENT_BURST - 1; i++) {
            assertThat(reads.take("c" + i, SHELTER)).isTrue();
        }
        assertThat(reads.take("person", SHELTER)).isTrue();
        assertThat(reads.take("late", SHELTER)).isFalse();
        assertThat(reads.take("elsewhere", new Steps.Caller("ws", "203.0.113.9"))).isTrue();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos((long) (1000 / UrgentReads.CLIENT_PER_SECOND) + 1));
        assertThat(reads.take("late", SHELTER)).isTrue();
    }
}
