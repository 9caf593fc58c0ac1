package no.losen.step;

import com.github.benmanes.caffeine.cache.Ticker;
import no.losen.internal.KeyedBuckets;

/**
 * Which typed messages the text workers refused ({@code busy}) are still read for danger by the
 * model, on the caller's thread, so that "he is outside my door" gets the emergency answer even
 * while someone else behind the same address floods the server with questions. (The words of
 * danger — "knife", "kill me" — are read in every refused message without a budget: a list, a
 * tenth of a millisecond for 1,000 characters. This budget is for what only the model sees.)
 *
 * <p>Why a budget at all: the model's read is the two models over the text (0.3 ms at the median
 * for a message as people type it, 2.5 ms for 1,000 characters), run on an event loop. Reading
 * every refused frame is the stall issue #16 removed: 50 sockets from one address at 10 frames a
 * second would cost the loop most of every second. Why two budgets: a budget per address alone is drained by the flood it
 * should see through (the flooder's refused frames take its tokens, the frightened person's one
 * message finds none). So each <em>conversation</em> has its own small allowance — a person sends
 * a few messages a minute, and a flooding socket cannot spend another socket's — and the address
 * as a whole a larger one, which bounds the cost of an attacker who opens many conversations.
 *
 * <p>A message that gets no read is refused as before ({@code busy}): the widget then shows the
 * help-now numbers and gives the text back. Keys are in memory only, never logged.
 */
final class UrgentReads {

    /**
     * Refused messages read per conversation: five at once, then one every 10 s. An independent
     * tester's frightened person wrote every 2 s and ran out at three and one every 20 s.
     */
    static final int CONVERSATION_BURST = 5;
    static final double CONVERSATION_PER_SECOND = 1 / 10.0;
    /**
     * Refused messages read per address (or IPv6 /64): 20 at once, then 10 a second — with
     * {@link #READ} characters, at most some 10 ms of an event loop at once and 5 ms a second.
     */
    static final int CLIENT_BURST = 20;
    static final double CLIENT_PER_SECOND = 10;
    /**
     * Characters the model reads, the message's last: its read costs about 2.5 ms per 1,000
     * characters, and a cry told as a story ends with the danger (blind sets' buried lines: under
     * 200 characters).
     */
    static final int READ = 200;
    private static final int KEEP = 100_000;

    private final KeyedBuckets conversations;
    private final KeyedBuckets clients;

    UrgentReads() {
        this(Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so refills can be tested without waiting. */
    UrgentReads(Ticker ticker) {
        this.conversations = new KeyedBuckets(CONVERSATION_BURST, CONVERSATION_PER_SECOND, KEEP, ticker);
        this.clients = new KeyedBuckets(CLIENT_BURST, CLIENT_PER_SECOND, KEEP, ticker);
    }

    /**
     * Takes one read for a refused message of conversation {@code key} from {@code caller}: false when
     * either the conversation or the caller's address has none left now (the conversation is asked
     * first, so a conversation out of reads costs its address nothing).
     */
    boolean take(String key, Steps.Caller caller) {
        return conversations.take(key) && clients.take(NewSessions.key(caller.channel(), caller.client()));
    }
}
