package no.losen.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader of refused typed messages: the words of danger and the model on a thread of its own, bounded
 * per conversation and in all.
 */
class UrgentReadsTest {

    private final AtomicLong now = new AtomicLong();
    private final UrgentReads reads = new UrgentReads(UrgentReads.LIMITS, now::get);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Callable<Boolean> noWord = () -> false;
    private final Callable<Boolean> held = () -> {
        release.await();
        return false;
    };

    /** A long message's read ({@link UrgentReads#cost} 1): {@code words}, then {@code model} when they find none. */
    private static Future<Boolean> read(UrgentReads r, String key, Callable<Boolean> words, Callable<Boolean> model) {
        return r.read(key, 1_000, () -> words.call() || model.call());
    }

    /** As many reads of short messages as conversation {@code key} may have waiting, each held until {@link #release}. */
    private List<Future<Boolean>> holdAll(String key) {
        List<Future<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < UrgentReads.LIMITS.perClient(); i++) {
            all.add(reads.read(key, 10, held));
        }
        return all;
    }

    private static void assertBusy(Future<Boolean> f) {
        assertThat(f.failed()).isTrue();
        assertThat(f.cause()).isInstanceOfSatisfying(DialogException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
    }

    @AfterEach
    void down() {
        release.countDown();
        reads.close();
    }

    /**
     * The reader goes by reads left alone, so a read of a conversation that has spent its own could wait for as
     * long as others keep coming (an independent tester's SMS answered 503 after 22–37 s): an SMS's read that has waited
     * {@link UrgentReads#LONGEST_WAIT} is taken back unread, {@code busy}. Its cost stays spent: given back, a flood's
     * conversations, their reads taken back each second, kept as many reads left as a person's and ranked with
     * them (2 of 28 cries after quick questions answered {@code busy} in the flood of 300 addresses).
     */
    @Test
    void aReadThatWaitsLongerThanTheLongestWaitIsTakenBackUnreadAndItsCostStaysSpent() throws Exception {
        Future<Boolean> running = reads.read("other", 1_000, held);   // holds the reader's one thread
        Future<Boolean> waiting = reads.read("person", 1_000, noWord, UrgentReads.LONGEST_WAIT);   // an SMS's read
        Thread.sleep(UrgentReads.LONGEST_WAIT.toMillis() / 2);
        assertThat(waiting.isComplete()).as("still waiting").isFalse();
        waiting.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS);   // taken back, after the longest wait
        assertBusy(waiting);
        for (int i = 1; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            assertThat(reads.read("person", 1_000, noWord).isComplete()).as("the reads left, taken").isFalse();
        }
        assertBusy(reads.read("person", 1_000, noWord));   // the one taken back is spent: refused at once
        release.countDown();
        assertThat(running.await(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theWordsAndTheModelAreReadOnTheReadersOwnThreadNeverTheCallers() throws Exception {
        List<String> on = new CopyOnWriteArrayList<>();
        Callable<Boolean> words = () -> {
            on.add(Thread.currentThread().getName());
            return false;
        };
        Callable<Boolean> model = () -> {
            on.add(Thread.currentThread().getName());
            return true;
        };
        assertThat(read(reads, "person", words, model).await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(on).hasSize(2).allMatch(name -> name.startsWith("losen-urgent"));
    }

    @Test
    void aConversationHasThreeReadsAtOnceThenOneASecondBeyondThemItsMessagesAreRefusedUnread() throws Exception {
        AtomicInteger read = new AtomicInteger();
        Callable<Boolean> words = () -> {
            read.incrementAndGet();
            return true;
        };
        for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            assertThat(read(reads, "flooder", words, () -> false).await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertBusy(read(reads, "flooder", words, () -> false));
        assertThat(read).as("the fourth at once was not read").hasValue(UrgentReads.PER_CONVERSATION_BURST);
        assertThat(read(reads, "person", noWord, () -> true).await(5, TimeUnit.SECONDS))
                .as("another conversation reads with its own, the words and then the model").isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(read(reads, "flooder", words, () -> false).await(5, TimeUnit.SECONDS)).as("a second later").isTrue();
        assertBusy(read(reads, "flooder", words, () -> false));
    }

    /**
     * A person who sent three short questions in half a second, each waiting behind a flood and read, had spent
     * the three reads counted by number, and the cry typed next waited unread (an independent tester: 2–16 s).
     */
    @Test
    void aShortMessagesReadCostsAFifthOfALongOnesSoAQuickBurstOfShortQuestionsLeavesReadsForTheCry() throws Exception {
        assertThat(UrgentReads.cost(12)).isEqualTo(UrgentReads.SHORTEST);
        assertThat(UrgentReads.cost(100)).isEqualTo(0.5);
        assertThat(UrgentReads.cost(UrgentReads.READ)).isEqualTo(1.0);
        assertThat(UrgentReads.cost(5_000)).as("the model reads no more of a longer one").isEqualTo(1.0);
        for (int i = 0; i < 5; i++) {
            assertThat(reads.read("person", 30, () -> false).await(5, TimeUnit.SECONDS)).as("short question " + i).isFalse();
        }
        assertThat(reads.read("person", 40, () -> true).await(5, TimeUnit.SECONDS)).as("the cry after them").isTrue();
        for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST; i++) {
            read(reads, "flooder", noWord, () -> false).await(5, TimeUnit.SECONDS);
        }
        assertBusy(reads.read("flooder", 30, () -> true));
    }

    @Test
    void aReadTheReaderRefusesDoesNotSpendTheConversationsReads() throws Exception {
        UrgentReads full = new UrgentReads(new TextWorkers.Limits(1, 1, 1, 1), now::get);
        try {
            Future<Boolean> holding = read(full, "other", held, () -> false);
            for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST + 2; i++) {
                assertBusy(read(full, "other", noWord, () -> true));
            }
            release.countDown();
            holding.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < UrgentReads.PER_CONVERSATION_BURST - 1; i++) {
                assertThat(read(full, "other", noWord, () -> true).await(5, TimeUnit.SECONDS))
                        .as("the refused ones gave their reads back").isTrue();
            }
        } finally {
            full.close();
        }
    }

    @Test
    void aConversationMayHaveItsReadsWaitingAnotherConversationStillQueues() throws Exception {
        List<Future<Boolean>> flood = holdAll("flooder");
        assertBusy(read(reads, "flooder", () -> true, () -> true));
        Future<Boolean> person = read(reads, "person", () -> true, () -> true);
        assertThat(person.failed()).as("another conversation waits its turn, it is not refused").isFalse();
        release.countDown();
        assertThat(person.await(5, TimeUnit.SECONDS)).isTrue();
        for (Future<Boolean> f : flood) {
            f.await(5, TimeUnit.SECONDS);
        }
    }

    /** Conversations behind one address or many: a person's conversation holds none, so it is always taken. */
    @Test
    void aPersonIsTakenWhenTheFloodsConversationsFillTheReader() throws Exception {
        List<Future<Boolean>> flood = new ArrayList<>();
        for (int c = 0; flood.size() < UrgentReads.LIMITS.capacity(); c++) {
            for (int i = 0; i < UrgentReads.LIMITS.perClient() && flood.size() < UrgentReads.LIMITS.capacity(); i++) {
                flood.add(reads.read("flood-" + c, 10, held));
            }
        }
        assertBusy(read(reads, "flood-0", () -> true, () -> true));
        Future<Boolean> person = read(reads, "person", () -> true, () -> true);
        assertThat(person.failed()).isFalse();
        assertThat(flood.stream().filter(Future::failed)).as("the newest waiting read of a flooder made room").hasSize(1);
        release.countDown();
        assertThat(person.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * An independent tester's flood from ten addresses that ended and started its conversations every third
     * message held the reader one read per conversation; each of its new conversations was a newcomer that took
     * the place of the newest read, as often a person's cry as its own: 17 of 51 cries on a flooded address
     * were answered busy, unread.
     */
    @Test
    void aFloodThatKeepsStartingConversationsDisplacesItsOwnSpentReadsNotAPersonsCry() throws Exception {
        UrgentReads small = new UrgentReads(new TextWorkers.Limits(1, 4, UrgentReads.PER_CONVERSATION_BURST, 1), now::get);
        try {
            // Four places, one thread: flood-1 holds the thread; flood-2 has two reads waiting, flood-3 one.
            read(small, "flood-1", held, () -> false);
            read(small, "flood-2", noWord, () -> false);
            read(small, "flood-2", noWord, () -> false);
            read(small, "flood-3", noWord, () -> false);
            Future<Boolean> cry = read(small, "person", noWord, () -> true);
            assertThat(cry.failed()).as("the person takes the place of flood-2's newest read").isFalse();
            // Now every conversation holds one read, and the person's is the newest; a newcomer displaces
            // flood-2's, whose conversation has spent two of its reads, not the person's, which spent one.
            Future<Boolean> newcomer = read(small, "flood-4", noWord, () -> false);
            assertThat(newcomer.failed()).isFalse();
            assertThat(cry.failed()).isFalse();
            release.countDown();
            assertThat(cry.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            small.close();
        }
    }
}
