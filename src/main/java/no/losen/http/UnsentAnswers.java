package no.losen.http;

import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bytes of HTTP answers written but not yet on their sockets, across every connection, against
 * one budget well inside the memory they are held in.
 *
 * <p>Why: an answer waits in the server's direct memory until its client reads it. One connection
 * holds about one answer (a connection that asks for more while one cannot leave is closed:
 * {@link ConnectionGuard}), but 10,000 connections from 100 addresses, each asking for the widget's
 * script (72 KB) and never reading, held a gigabyte: the event loops then waited for direct memory
 * that never came back, and the server stopped answering anyone, for good — its idle timers run on
 * those very loops (an independent tester). So the answers share a budget, a quarter of the direct
 * memory by default:
 *
 * <ul>
 * <li>when an answer does not fit, connections whose answers have not moved for a second
 *     ({@link #STALLED}) are closed, the ones waiting longest first, which gives their bytes back;</li>
 * <li>if it still does not fit, the connection asking is closed instead of answered: the server
 *     sheds a request rather than the whole process.</li>
 * </ul>
 *
 * A client that reads its answers never holds any for long, so it is not closed for others; while the
 * budget is spent (an attack under way) a newcomer may be, for the second it takes to clear.
 */
public final class UnsentAnswers {

    /** A connection whose unsent bytes have not moved this long is closed when the budget is spent. */
    static final long STALLED = TimeUnit.SECONDS.toNanos(1);
    /** The stalled connections are looked for at most this often (each look closes all it finds). */
    static final long SWEEP_EVERY = TimeUnit.MILLISECONDS.toNanos(100);

    private final long budget;
    private final LongSupplier nanos;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong lastSweep;
    private final Set<Connection> holding = ConcurrentHashMap.newKeySet();

    public UnsentAnswers(long budget, LongSupplier nanos) {
        if (budget < 1) {
            throw new IllegalArgumentException("the budget of unsent answers must be positive");
        }
        this.budget = budget;
        this.nanos = nanos;
        this.lastSweep = new AtomicLong(nanos.getAsLong() - SWEEP_EVERY);
    }

    /**
     * A quarter of the direct memory this JVM may use (by default as much as its heap, so with the
     * launcher's 1 GB heap, 256 MB): the rest stays for the sockets' own buffers, reading and Redis.
     */
    public static long defaultBudget() {
        return Math.max(16L << 20, io.netty.util.internal.PlatformDependent.maxDirectMemory() / 4);
    }

    /** One connection's share; used only on its own event loop. */
    public Connection open(Channel channel) {
        return new Connection(channel);
    }

    /** Bytes unsent now, every connection together. */
    public long total() {
        return total.get();
    }

    private boolean fits(long bytes) {
        return total.get() + bytes <= budget;
    }

    /** Closes the connections whose answers have not moved for {@link #STALLED}; at most once per {@link #SWEEP_EVERY}. */
    private void sweep() {
        long now = nanos.getAsLong();
        long last = lastSweep.get();
        if (now - last < SWEEP_EVERY || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (Iterator<Connection> it = holding.iterator(); it.hasNext(); ) {
            Connection c = it.next();
            if (now - c.since >= STALLED) {
                it.remove();
                c.channel.close();
            }
        }
    }

    /** What one connection has written and not yet sent. */
    public final class Connection {
        private final Channel channel;
        private long unsent;
        private volatile long since;

        private Connection(Channel channel) {
            this.channel = channel;
        }

        /**
         * Counts an answer's bytes about to be written; false when they do not fit even after the
         * stalled connections were closed: then close this one instead of answering.
         */
        public boolean take(long bytes) {
            if (!fits(bytes)) {
                sweep();
                if (!fits(bytes)) {
                    return false;
                }
            }
            total.addAndGet(bytes);
            if (unsent == 0) {
                since = nanos.getAsLong();
                holding.add(this);
            }
            unsent += bytes;
            return true;
        }

        /** Those bytes are on the socket, or the connection is gone with them. */
        public void sent(long bytes) {
            total.addAndGet(-bytes);
            unsent -= bytes;
            if (unsent <= 0) {
                unsent = 0;
                holding.remove(this);
            } else {
                since = nanos.getAsLong();
            }
        }
    }
}
