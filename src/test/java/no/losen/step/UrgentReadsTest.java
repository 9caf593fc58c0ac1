package no.losen.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reader of refused typed messages: a thread of its own, bounded per conversation, per address and in all. */
class UrgentReadsTest {

    private final AtomicLong now = new AtomicLong();
    private final UrgentReads reads = new UrgentReads(new TextWorkers(UrgentReads.LIMITS, "losen-urgent"), now::get);
    private final CountDownLatch release = new CountDownLatch(1);
    private int conversations;

    /** A conversation of its own for each read, unless a test says otherwise. */
    private String next() {
        return "conversation-" + conversations++;
    }

    /** As many reads from {@code client} as it may have, each in a conversation of its own, waiting for {@link #release}. */
    private List<Future<Boolean>> holdAll(String client) {
        List<Future<Boolean>> held = new ArrayList<>();
        for (int i = 0; i < UrgentReads.LIMITS.perClient(); i++) {
            held.add(reads.read(next(), client, () -> {
                release.await();
                return true;
            }));
        }
        return held;
    }

    @AfterEach
    void down() {
        release.countDown();
        reads.close();
    }

    @Test
    void aMessageIsReadOnTheReadersOwnThread() throws Exception {
        String thread = reads.read(next(), "198.51.100.7", () -> Thread.currentThread().getName().startsWith("losen-urgent"))
                .await(5, TimeUnit.SECONDS) ? "reader" : "other";
        assertThat(thread).isEqualTo("reader");
    }

    @Test
    void oneAddressMayHaveThirtyTwoReadsWaitingAnotherAddressStillQueues() throws Exception {
        List<Future<Boolean>> held = holdAll("198.51.100.7");
        Future<Boolean> over = reads.read(next(), "198.51.100.7", () -> true);
        assertThat(over.failed()).isTrue();
        assertThat(over.cause()).isInstanceOfSatisfying(DialogException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        Future<Boolean> elsewhere = reads.read(next(), "203.0.113.9", () -> true);
        assertThat(elsewhere.failed()).as("another address waits its turn, it is not refused").isFalse();
        release.countDown();
        assertThat(elsewhere.await(5, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> f : held) {
            assertThat(f.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aConversationHasThreeReadsAtOnceThenOneASecondWhateverOthersOnItsAddressSpend() throws Exception {
        for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            assertThat(reads.read("flooder", "198.51.100.7", () -> true).await(5, TimeUnit.SECONDS)).isTrue();
        }
        Future<Boolean> spent = reads.read("flooder", "198.51.100.7", () -> true);
        assertThat(spent.failed()).as("a fourth at once from one conversation").isTrue();
        assertThat(spent.cause()).isInstanceOfSatisfying(DialogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
        assertThat(reads.read("person", "198.51.100.7", () -> true).await(5, TimeUnit.SECONDS))
                .as("a person behind the same address reads with their own conversation's").isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(reads.read("flooder", "198.51.100.7", () -> true).await(5, TimeUnit.SECONDS)).as("a second later").isTrue();
    }

    @Test
    void aReadTheAddressesBoundRefusesLeavesTheConversationItsReads() throws Exception {
        List<Future<Boolean>> held = holdAll("198.51.100.7");
        for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            Future<Boolean> refused = reads.read("person", "198.51.100.7", () -> true);
            assertThat(refused.failed()).as("the address's reads are all waiting").isTrue();
        }
        release.countDown();
        for (Future<Boolean> f : held) {
            assertThat(f.await(5, TimeUnit.SECONDS)).isTrue();
        }
        for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            assertThat(reads.read("person", "198.51.100.7", () -> true).await(5, TimeUnit.SECONDS))
                    .as("the refused reads were not the conversation's to lose: read %d of %d, no time passed", i + 1,
                            UrgentReads.PER_CONVERSATION_BURST).isTrue();
        }
    }

    @Test
    void theModelReadsAMessagesLastCharactersWithoutSplittingOne() {
        String story = "a".repeat(500) + "😱 he is outside";
        assertThat(UrgentReads.tail(story)).hasSizeLessThanOrEqualTo(UrgentReads.READ).endsWith("he is outside");
        String split = "b".repeat(10) + "😱".repeat(100) + "c";
        assertThat(UrgentReads.tail(split)).isEqualTo("😱".repeat(99) + "c");
        assertThat(UrgentReads.tail("short")).isEqualTo("short");
    }
}
