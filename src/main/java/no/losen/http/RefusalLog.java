package no.losen.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Refusals are logged at most once per client and event a minute, each line saying how many
 * of the same were left out since the last one ({@code suppressed=N}). Why: one line per refused
 * log-in or socket let a flood write the log instead of the attack being refused cheaply
 * (57,000 lines, 6.4 MB, in a minute of log-in flood; 17,000 {@code ws.refused} lines in 20 s).
 * A refusal still counts in {@code losen_limits_total} / {@code losen_errors_total} every time.
 *
 * <p>The key is the client (an address, a phone key) with the event, in memory only; it is never
 * logged. At most {@link #LINES_PER_WINDOW} lines a minute from one log (each part of the server that
 * refuses has its own), so many addresses (an IPv6 range) cannot flood the log either; at most
 * {@link #KEEP} keys are remembered.
 */
public final class RefusalLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int LINES_PER_WINDOW = 120;
    static final int KEEP = 20_000;

    /** When the key's window began (ticker nanos), and how many were left out since. */
    private static final class Seen {
        long since;
        long suppressed;
    }

    private final Ticker ticker;
    private final Cache<String, Seen> seen;
    private long windowStart;
    private int lines;

    public RefusalLog() {
        this(Ticker.systemTicker());
    }

    public RefusalLog(Ticker ticker) {
        this.ticker = ticker;
        this.seen = Caffeine.newBuilder().expireAfterAccess(WINDOW.multipliedBy(10)).maximumSize(KEEP).ticker(ticker)
                .executor(Runnable::run).build();
        this.windowStart = ticker.read();
    }

    /**
     * Calls {@code log} with the number left out since the last line, when a line for this client
     * and event is due; otherwise only counts it.
     */
    public void refused(String client, String event, LongConsumer log) {
        long now = ticker.read();
        long suppressed;
        synchronized (this) {
            if (now - windowStart >= WINDOW.toNanos()) {
                windowStart = now;
                lines = 0;
            }
            Seen s = seen.get(event + "\n" + client, k -> {
                Seen fresh = new Seen();
                fresh.since = now - WINDOW.toNanos();
                return fresh;
            });
            if (now - s.since < WINDOW.toNanos() || lines >= LINES_PER_WINDOW) {
                s.suppressed++;
                return;
            }
            suppressed = s.suppressed;
            s.suppressed = 0;
            s.since = now;
            lines++;
        }
        log.accept(suppressed);
    }
}
