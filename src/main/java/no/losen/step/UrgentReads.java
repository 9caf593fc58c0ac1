package no.losen.step;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.util.concurrent.Callable;
import no.losen.internal.KeyedBuckets;

/**
 * Reads typed messages the text workers refused ({@code busy}), or too long to answer, for danger now, so
 * that "he has a knife" or "he is outside my door" gets the emergency answer even while someone else behind
 * the same address floods the server with questions: first the words of danger (a list), then the danger
 * model over the message's last {@link #READ} characters and, when longer, its first, for what only the model sees.
 *
 * <p>Why a thread of its own, for both: the event loops serve every conversation, and anything a flood
 * makes them do, everyone waits for. The model's read (about half a millisecond) was rationed on an event
 * loop, and every ration was spent by the flood it was meant to see through: an independent tester's flood
 * that ended and started conversations left a person on the same address {@code busy} for 17 of 25 cries
 * with a budget of five reads per conversation and twenty per address. The words stayed on the event loops
 * (0.4–0.7 ms for 1,000 characters once compiled), until a profile of {@code bench/abuse}'s search flood
 * showed them as most of what the event loops did: 50 sockets of one address sent some 400 refused
 * messages a second, and in a server's first seconds, before the JIT has compiled the list's loops, each
 * read costs several times that (a bystander's slowest step 108–366 ms in three runs; 130–146 ms with the
 * words here). Here the event loops do none of it.
 *
 * <p>Bounds, by conversation (not by address: a person behind a flooding address is a conversation of
 * their own): {@link #LIMITS} — each conversation at most its few reads waiting, read one at a time and in
 * turn with every other conversation's, a few hundred waiting in all. A person's message, from a
 * conversation holding none, is always taken: when the reader is full it takes the place of the newest
 * waiting read of the conversation holding the most ({@link TextWorkers}). A flood's message beyond its
 * conversation's reads is refused without being read ({@code busy}: the widget shows the help-now numbers
 * and gives the text back).
 *
 * <p>And {@link #PER_CONVERSATION} reads per conversation, three at once and one a second after, counted by
 * what each costs ({@link #cost}); a message beyond them is refused unread ({@code busy}, which shows the
 * help-now numbers). A person types a cry every few seconds at most, but a flooder's conversations keep their
 * places full: 50 sockets of one address reading the model for every message took the reader more CPU than
 * both event loops had, and reading only the words for each (0.4–0.7 ms for 1,000 characters) still kept the
 * reader at work for the whole of {@code bench/abuse}'s search flood, more of the server's CPU than both text
 * workers (a flight recording, 2–12 s into the flood), while the bystander's typed questions waited for a core.
 *
 * <p>Why by cost and not by number: a read of a short message costs a fifth of a long one's
 * ({@code bench/jmh UrgentReadBench}: 0.2 ms up to 40 characters, 0.5 ms at 100, 1.0–1.2 ms from 200 to
 * 1,000), and a frightened person types short bits quickly. Counted by number, a person who sent three short
 * questions in half a second, each waiting behind a flood and read, had spent their reads, and the cry typed
 * next waited its turn unread (an independent tester: 2–16 s). By cost, that person has fifteen short reads
 * at once and five a second after, while a conversation sending long messages is held to three and one a
 * second, as before: the reader spends at most about a millisecond a second on each conversation, whatever
 * its messages' length.
 */
final class UrgentReads implements AutoCloseable {

    /** Characters the model reads, the message's last and its first: a cry comes at the end of a story, or before it. */
    static final int READ = 200;
    /** Reads of a long message per conversation: three at once, then one a second ({@link #cost}). */
    static final int PER_CONVERSATION_BURST = 3;
    static final double PER_CONVERSATION = 1;
    /** What the read of a short message costs, of a long one's. */
    static final double SHORTEST = 0.2;

    /**
     * One thread; 256 reads waiting or running in all, per conversation as many as a cry typed after a quick
     * burst of short questions needs (the rest of its budget is refused on arrival, {@link #read}).
     */
    static final TextWorkers.Limits LIMITS = new TextWorkers.Limits(1, 256, 8, 1);

    private final TextWorkers reader;
    private final KeyedBuckets reads;

    UrgentReads() {
        this(LIMITS, Ticker.systemTicker());
    }

    /**
     * With bounds and a clock of the test's choosing. When the reader is full, a newcomer displaces a read
     * of the conversation that has the fewest reads left: a flood's conversation has just spent its own, a
     * person's cry comes seconds after the last ({@link TextWorkers#TextWorkers(TextWorkers.Limits, String,
     * java.util.function.ToDoubleFunction)}).
     */
    UrgentReads(TextWorkers.Limits limits, Ticker ticker) {
        this.reads = new KeyedBuckets(PER_CONVERSATION_BURST, PER_CONVERSATION, 100_000, ticker);
        this.reader = new TextWorkers(limits, "losen-urgent", reads::tokens);
    }

    /**
     * Reads a message of {@code characters} of the conversation under {@code key} on the reader's thread: what
     * {@code read} answers (is it danger now; for a channel, the emergency help to send). Fails with
     * {@code busy} beyond the conversation's reads, or its reads waiting.
     */
    <T> Future<T> read(String key, int characters, Callable<T> read) {
        return read(key, characters, read, null);
    }

    /**
     * As {@link #read(String, int, Callable)}; a read that has waited {@code longest} for the reader is taken back
     * unread ({@code busy}), its cost kept spent (given back, a flood's conversations, their reads taken back each
     * second, kept as many reads left as a person's and ranked with them: 2 of 28 cries after quick questions
     * {@code busy} under a 300-address flood). Null: it waits its turn.
     */
    <T> Future<T> read(String key, int characters, Callable<T> read, java.time.Duration longest) {
        double cost = cost(characters);
        if (!reads.take(key, cost)) {
            return TextWorkers.busy();
        }
        Future<T> f = longest == null ? reader.submit(key, read)
                : reader.submit(key, read, withdraw -> TextWorkers.Later.REAL.run(longest.toNanos(), withdraw::getAsBoolean));
        if (f.failed()) {
            reads.giveBack(key, cost);   // refused at once: nothing was read
        }
        return f;
    }

    /**
     * How long the read of a message that waits for the text workers (an SMS: {@code Steps.typed} with patience) may
     * wait for the reader. Why: the reader goes by reads left alone, with no time in its order (a cry must not wait
     * behind the flood's older reads), so the read of a conversation that has spent its own can wait for as long as
     * others keep coming, and a message the workers refused is answered only once its read is: an independent
     * tester's 400 phones through one SMS gateway had questions answered 503 after 22–37 s, or not within 40 s. Not
     * for the WebSocket: there a flood's refused frames waiting for their reads hold its sockets' later frames back,
     * and bounded, the flood's frames came through faster ({@code bench/abuse}'s ligature and spread floods p99 41.8 and
     * 62.8 → 78.2 and 148.0 ms in one pair of runs).
     */
    static final java.time.Duration LONGEST_WAIT = java.time.Duration.ofSeconds(1);

    /**
     * Whether the conversation under {@code key} has a read of a message of about {@code length} characters left
     * now (its length as stored, not counted as read: cheap), without taking it: a caller that would load the
     * session first asks this, so a flood whose reads are spent costs a lookup and no more
     * ({@link Steps#urgent(String, String)}, for every frame a flooding socket sends while its others wait; with
     * the read's own count, NFKC over each 1,000-character frame, {@code bench/abuse}'s search flood had more slow
     * steps).
     */
    boolean left(String key, int length) {
        return reads.tokens(key) >= cost(length) - 1e-9;
    }

    /**
     * What reading a message of {@code characters} costs, of a long message's read: the model reads at most
     * {@link #READ} characters at each end, so from that length on a read costs the same; below it, in
     * proportion, but never less than {@link #SHORTEST} (what reading anything costs).
     */
    static double cost(int characters) {
        return Math.max(SHORTEST, Math.min(1.0, characters / (double) READ));
    }

    @Override
    public void close() {
        reader.close();
    }
}
