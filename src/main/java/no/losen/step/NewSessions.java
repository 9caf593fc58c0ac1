package no.losen.step;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.internal.ClientNetwork;
import no.losen.internal.KeyedBuckets;

/**
 * How many <em>new</em> conversations one client may start: a token bucket per client (the
 * client address for a socket, the phone key for SMS), a burst of {@link Budget#burst} and then
 * one more every {@link Budget#every}.
 *
 * <p>Why: the session table is shared by everyone. Without a per-client budget, a few addresses
 * opening a socket, sending {@code start} and dropping it filled the table (332 sessions a second
 * from five addresses; the 100,000 cap in five minutes), and then nobody new got help for the
 * 30-minute TTL. With the default budget (300, then one every 6 s) one address holds at most
 * 300 + 1800 / 6 = 600 sessions at any time, so filling the default table takes some 170 addresses
 * working at once, while the residents of a reception centre behind one NAT address, who start
 * a conversation each now and then, never meet it. The burst is large on purpose, and the refill
 * slow: what the table needs bounded is the sessions one address holds within the TTL, not how
 * fast an honest client starts them. With a burst of 30 a tool asking its 48 or 144 questions one
 * after another (each a new conversation, as the project's routing evaluation does) was refused
 * from the 31st on, as would a whole building opening the chat after one announcement.
 *
 * <p>Only a new conversation takes a token: steps, resumes and restarts of a running one cost
 * nothing here, and one its client ends gives it back ({@link #giveBack}). A refusal is {@code busy} for that client alone. Buckets are kept only while
 * they are not full (a full bucket is the same as none), and at most {@link #KEEP} of them, so
 * memory stays bounded; the keys are addresses or phone keys in memory only, never logged.
 */
public final class NewSessions {

    /** Buckets kept at most; the idlest go first (a forgotten bucket is a full one). */
    static final int KEEP = 100_000;

    /**
     * The refusal, one instance (it has no stack and names no one), so a channel can tell it from
     * other {@code busy}s ({@link #refused}): a socket refused for its client's budget holds nothing
     * and will get nothing for a while, so it is closed, not kept for the client to retry on.
     */
    static final DialogException REFUSED = new DialogException(ErrorCode.BUSY,
            "too many new conversations from your network; try again in a minute");

    /** Whether a step failed because its client's budget of new conversations is spent. */
    public static boolean refused(Throwable failure) {
        return failure == REFUSED;
    }

    /**
     * @param burst new conversations one client may start at once; 0: no limit
     * @param every one more after this long
     */
    public record Budget(int burst, Duration every) {

        public static final Budget DEFAULT = new Budget(300, Duration.ofSeconds(6));
        public static final Budget UNLIMITED = new Budget(0, Duration.ofSeconds(1));

        public Budget {
            if (burst < 0) {
                throw new IllegalArgumentException("LOSEN_NEW_SESSIONS_BURST must not be negative");
            }
            if (every == null || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("LOSEN_NEW_SESSIONS_EVERY must be positive");
            }
        }

        public boolean unlimited() {
            return burst == 0;
        }
    }

    private final Budget budget;
    private final KeyedBuckets buckets;

    public NewSessions(Budget budget) {
        this(budget, Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so refills can be tested without waiting. */
    public NewSessions(Budget budget, Ticker ticker) {
        this.budget = budget;
        this.buckets = budget.unlimited() ? null
                : new KeyedBuckets(budget.burst(), 1e9 / budget.every().toNanos(), KEEP, ticker);
    }

    public Budget budget() {
        return budget;
    }

    /**
     * The bucket a client draws on: per channel (an SMS phone and a socket address never share
     * one), and for an address its {@link ClientNetwork} (an IPv6 address's /64).
     */
    public static String key(String channel, String client) {
        String c = client == null ? "" : client;
        return channel + " " + ("sms".equals(channel) ? c : ClientNetwork.of(c));
    }

    /**
     * Whether a socket's client is this machine itself (127.0.0.1, ::1), which the budget leaves
     * alone: a client on the server's own host is an operator's tool — monitoring, the project's
     * routing evaluation, which opens a new conversation for each of its hundreds of messages and
     * was refused from the 301st — or a proxy in front that was not named in LOSEN_TRUSTED_PROXY,
     * behind which every user would share one budget. Whoever runs code on the host can do worse
     * than start conversations. Other loopback addresses (127.0.1.2) are counted like any client.
     */
    public static boolean thisMachine(String channel, String client) {
        return !"sms".equals(channel) && ClientNetwork.thisHost(client);
    }

    /**
     * Takes one new conversation for a client of {@code channel}: from the bucket it draws on
     * ({@link #key}), unless it is this machine; false: it has none left now.
     */
    public boolean take(String channel, String client) {
        return thisMachine(channel, client) || take(key(channel, client));
    }

    /**
     * Gives back the new conversation a client of {@code channel} ended ({@code end}, the conversation
     * erased): the budget bounds what one client holds in the shared table, and an ended conversation
     * holds nothing. Why: a flood that ended and started conversations behind one address spent the
     * address's budget, and a person arriving after it got {@code busy} at {@code start} for some 17 s
     * (14–15 of 18 cries never became typed text, an independent tester's runs). A conversation left
     * without {@code end} still counts until the budget refills.
     */
    public void giveBack(String channel, String client) {
        if (!budget.unlimited() && !thisMachine(channel, client)) {
            buckets.giveBack(key(channel, client));
        }
    }

    /** Takes one new conversation from the bucket under {@code client}; false: it has none left now. */
    public boolean take(String client) {
        return budget.unlimited() || buckets.take(client);
    }
}
