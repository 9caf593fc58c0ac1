package no.losen.channel.ws;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import no.losen.step.NewSessions;

/**
 * How fast one client address gets new sockets: {@link Pace#burst} at once, then
 * {@link Pace#perSecond}. A handshake beyond the pace is not refused but waits its turn, at most
 * {@link #MAX_WAIT}; one that would wait longer is refused.
 *
 * <p>Why: fifty sockets from one address, opened and started in the same tenth of a second, took
 * a bystander's step on another address to 84–284 ms (the abuse benchmark's search flood; both
 * cores were full for some 150 ms while the server accepted, upgraded and started them all), and
 * five addresses opening, starting and dropping sockets in loops took it to 68–215 ms, many times
 * over their first seconds. Paced, the search flood's worst step was 38–108 ms and the churn's
 * 21–155 ms (docs/measurements.md, "Abuse"). Neither broke a limit: the budgets of new connections and new conversations
 * are sized for a building behind one NAT address and for tools, so both let such a burst through
 * at once. Spread over two seconds, the same sockets cost the same work a little at a time, and
 * nobody is refused: the people of a reception centre who open the chat together after an
 * announcement wait a fraction of a second each. A smaller burst of new connections, which
 * refuses rather than holds, was measured before and did not help (docs/measurements.md).
 *
 * <p>The pace is kept as the time the address's next socket is due (the generic cell rate
 * algorithm): a socket arriving before that time, less the burst's tolerance, waits the
 * difference. Entries are forgotten once they are no longer ahead of the clock, and at most
 * {@link #KEEP} are kept, the idlest going first (a forgotten address starts with its whole
 * burst). Keys are addresses in memory only, never logged; an IPv6 address counts by its /64
 * and the server's own host is not paced, as for the budget of new conversations
 * ({@link NewSessions#key}, {@link NewSessions#thisMachine}).
 */
public final class SocketPace {

    /** Entries kept at most. */
    static final int KEEP = 100_000;

    /**
     * The longest a handshake waits. With the default pace it is reached only by an address holding
     * a hundred handshakes waiting, which is twice the sockets it may keep open.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /**
     * @param burst     new sockets one address gets at once; 0: no pace
     * @param perSecond then this many a second
     */
    public record Pace(int burst, double perSecond) {

        public static final Pace DEFAULT = new Pace(10, 20);
        public static final Pace UNLIMITED = new Pace(0, 1);

        public Pace {
            if (burst < 0) {
                throw new IllegalArgumentException("LOSEN_NEW_SOCKETS_BURST must not be negative");
            }
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("LOSEN_NEW_SOCKETS_RATE must be a positive number");
            }
        }

        public boolean unlimited() {
            return burst == 0;
        }
    }

    /** What {@link #waitFor} answers when the wait would be longer than {@link #MAX_WAIT}. */
    static final long REFUSED = -1;

    private final Pace pace;
    private final long interval;
    private final long tolerance;
    private final Ticker ticker;
    private final Cache<String, Long> due;

    SocketPace(Pace pace, Ticker ticker) {
        this.pace = pace;
        this.interval = (long) Math.ceil(1e9 / pace.perSecond());
        this.tolerance = (Math.max(1, pace.burst()) - 1) * interval;
        this.ticker = ticker;
        // An entry is ahead of the clock by at most the longest wait plus the burst; after that long it is the same as none.
        this.due = Caffeine.newBuilder().expireAfterAccess(Duration.ofNanos(tolerance + interval + MAX_WAIT.toNanos()))
                .maximumSize(KEEP).ticker(ticker).executor(Runnable::run).build();
    }

    /**
     * Takes the next turn of {@code address} for a new socket: how many nanoseconds its handshake waits
     * (0: at once), or {@link #REFUSED} when that would be longer than {@link #MAX_WAIT}; then no turn is taken.
     */
    long waitFor(String address) {
        if (pace.unlimited() || NewSessions.thisMachine(Conversation.CHANNEL, address)) {
            return 0;
        }
        long now = ticker.read();
        long[] wait = {0};
        due.asMap().compute(NewSessions.key(Conversation.CHANNEL, address), (k, next) -> {
            long turn = next == null ? now : Math.max(next, now);
            long w = Math.max(0, turn - tolerance - now);
            if (w > MAX_WAIT.toNanos()) {
                wait[0] = REFUSED;
                return next;
            }
            wait[0] = w;
            return turn + interval;
        });
        return wait[0];
    }

    /**
     * Gives back a turn {@link #waitFor} gave {@code address} for a handshake whose client left before it came:
     * the next socket of the address is due one interval sooner. Why: a client that sent handshakes and dropped
     * them at once, 95 a second, held the address's queue at its five seconds, and a person on the same
     * address waited five seconds for every socket while nothing was open (an independent tester). Those
     * already waiting keep their turns.
     */
    void giveBack(String address) {
        if (pace.unlimited() || NewSessions.thisMachine(Conversation.CHANNEL, address)) {
            return;
        }
        due.asMap().computeIfPresent(NewSessions.key(Conversation.CHANNEL, address), (k, next) -> next - interval);
    }
}
