package no.losen.step;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.util.concurrent.Callable;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.internal.KeyedBuckets;

/**
 * Reads typed messages the text workers refused ({@code busy}) for danger by the model, so that "he
 * is outside my door" gets the emergency answer even while someone else behind the same address
 * floods the server with questions. (The words of danger — "knife", "kill me" — are read in every
 * refused message on the caller's thread: a list, under a millisecond for 1,000 characters. This is
 * for what only the model sees.)
 *
 * <p>Why a thread of its own: the model's read of a message's last {@link #READ} characters costs
 * about half a millisecond. On an event loop that had to be rationed, and every ration was spent by
 * the flood it was meant to see through: an independent tester's flood that ended and started
 * conversations left a person on the same address {@code busy} for 17 of 25 cries with a budget of
 * five reads per conversation and twenty per address. One thread reads some 2,000 messages a
 * second, and the event loops do none of it. Bounds: {@link #LIMITS} — a few hundred
 * waiting in all and {@code perClient} per address, so several flooding addresses cannot queue a
 * person's cry behind seconds of reads; a message beyond them is refused as before ({@code busy}:
 * the widget shows the help-now numbers and gives the text back).
 *
 * <p>And {@link #PER_CONVERSATION} reads per conversation, three at once and one a second after: a
 * person types a cry every few seconds at most, and their conversation's reads are theirs alone,
 * whatever other conversations behind the same address send; but 50 sockets of one flooder sent 400
 * refused messages a second, and reading every one took the reader more CPU than both event loops
 * had (`bench/abuse` search flood, bystander p99 227–321 ms). A message beyond its conversation's
 * reads still has its words of danger read.
 */
final class UrgentReads implements AutoCloseable {

    /** Characters the model reads, the message's last: a cry told as a story ends with the danger. */
    static final int READ = 200;
    /** One thread; 256 reads waiting or running in all, 32 per address; no rate. */
    static final TextWorkers.Limits LIMITS = new TextWorkers.Limits(1, 256, 32, 1);

    /** Reads per conversation: three at once, then one a second. */
    static final int PER_CONVERSATION_BURST = 3;
    static final double PER_CONVERSATION = 1;

    private final TextWorkers reader;
    private final KeyedBuckets conversations;

    UrgentReads() {
        this(new TextWorkers(LIMITS, "losen-urgent"), Ticker.systemTicker());
    }

    /** With a reader and a clock of the test's choosing. */
    UrgentReads(TextWorkers reader, Ticker ticker) {
        this.reader = reader;
        this.conversations = new KeyedBuckets(PER_CONVERSATION_BURST, PER_CONVERSATION, 100_000, ticker);
    }

    /** The last {@link #READ} characters of {@code text}, not starting inside a character. */
    static String tail(String text) {
        int from = Math.max(0, text.length() - READ);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        return text.substring(from);
    }

    /**
     * Runs {@code read} for the conversation under {@code key}, from {@code client}, on the reader's thread;
     * fails with {@code busy} beyond the bounds or the conversation's reads. A read the reader refuses (its
     * address's or its own bound: a flood of other conversations behind the same address) is given back to
     * the conversation: it did not happen, and the person's next cry should still be read.
     */
    Future<Boolean> read(String key, String client, Callable<Boolean> read) {
        if (!conversations.take(key)) {
            return Future.failedFuture(new DialogException(ErrorCode.BUSY, "this conversation's danger reads are spent for now"));
        }
        return reader.submit(client, read).onFailure(e -> {
            if (e instanceof DialogException d && d.code() == ErrorCode.BUSY) {
                conversations.giveBack(key);
            }
        });
    }

    @Override
    public void close() {
        reader.close();
    }
}
