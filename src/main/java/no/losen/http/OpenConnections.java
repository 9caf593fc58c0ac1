package no.losen.http;

import io.netty.channel.Channel;
import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Every TCP connection the server holds, of every client, against one cap below the process's
 * file-handle limit; when the cap is reached, connections that are idle make room for new ones.
 *
 * <p>Why: the cap per address does not bound the whole. Some 234 addresses each holding 90 silent
 * connections (under their cap of 100) took all 20,000 file handles of a server until the idle
 * minute closed them (an independent tester); past that point a process cannot accept anyone, nor
 * open a file or reconnect to Redis. So the server stops short of the limit, and before it refuses
 * a newcomer it closes connections that carry nothing: a connection between requests (kept alive)
 * or not yet asked anything, idle for at least {@link #MIN_IDLE}. This is what nginx does when it
 * runs out of connections ("reusable" keep-alive connections are closed first). Closing an idle
 * HTTP connection is harmless by the protocol: a browser opens another for its next request. Only
 * when nothing is idle (every connection mid-request or a WebSocket) is the newcomer closed.
 *
 * <p>The idle connections are found by a scan of those open, which runs only at the cap, and stops
 * at the first {@link #DRAIN_BATCH} it finds; a flood of silent connections makes them nearly all
 * idle, so the scan is short. WebSockets are counted, not drained: a person reading a long answer
 * holds a silent socket that is still a conversation (sockets have their own caps and idle limit).
 */
public final class OpenConnections {

    /** A connection must have been idle this long to be closed for a newcomer (not one just accepted). */
    static final long MIN_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Idle connections closed at once when the cap is reached, so the next newcomers find room. */
    static final int DRAIN_BATCH = 16;

    private final int max;
    private final LongSupplier nanos;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Held> http = ConcurrentHashMap.newKeySet();

    /**
     * @param max connections held at once, WebSockets included (see {@link #fromFileLimit()})
     */
    public OpenConnections(int max, LongSupplier nanos) {
        if (max < 1) {
            throw new IllegalArgumentException("the cap on connections must be positive");
        }
        this.max = max;
        this.nanos = nanos;
    }

    /**
     * The default cap: the process's limit of open files less what the server needs besides
     * connections (its jar, caches, logs, the Redis connection, the JVM's own): a tenth, at least
     * 128. Without a known limit (not a Unix system), 10,000.
     */
    public static int fromFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long files = unix.getMaxFileDescriptorCount();
            return (int) Math.max(16, Math.min(Integer.MAX_VALUE, files - Math.max(128, files / 10)));
        }
        return 10_000;
    }

    /**
     * Counts a new connection, idle from now, and forgets it when it closes; at the cap, first closes
     * idle ones. Null (and not counted) when the cap is reached and none is idle: close the newcomer.
     */
    public Held admit(Channel channel) {
        if (open.get() >= max && drain() == 0) {
            return null;
        }
        open.incrementAndGet();
        Held held = new Held(channel, nanos.getAsLong());
        http.add(held);
        channel.closeFuture().addListener(f -> {
            open.decrementAndGet();
            http.remove(held);
        });
        return held;
    }

    /** Closes up to {@link #DRAIN_BATCH} idle connections; how many it closed. */
    private int drain() {
        long now = nanos.getAsLong();
        int closed = 0;
        for (Iterator<Held> it = http.iterator(); it.hasNext() && closed < DRAIN_BATCH; ) {
            Held h = it.next();
            long since = h.idleSince;
            if (since != Held.BUSY && now - since >= MIN_IDLE_NANOS && h.claim()) {
                h.channel.close();
                closed++;
            }
        }
        return closed;
    }

    /**
     * How many of the connections sockets may hold: all but a tenth, which stays for plain HTTP, so
     * health checks, pages and webhooks are answered even when sockets that are never drained (a
     * person reading is still a conversation) fill the rest. 18,800 silent sockets from 376 addresses
     * (50 each, the cap per address) once took every connection, and each newcomer was closed at
     * once: the chat page, {@code /health/live} (an orchestrator would restart the server) and a new
     * visitor's socket alike (an independent tester).
     */
    public int socketShare() {
        return max - Math.max(1, max / 10);
    }

    /** Connections held now. */
    public int open() {
        return open.get();
    }

    public int max() {
        return max;
    }

    /**
     * One connection as the cap sees it: idle (since when) or busy, and whether it may be drained at
     * all. Its state is written on its own event loop and read by another loop's drain.
     */
    public final class Held {
        static final long BUSY = Long.MIN_VALUE;

        private final Channel channel;
        private volatile long idleSince;
        private final AtomicBoolean claimed = new AtomicBoolean();

        private Held(Channel channel, long now) {
            this.channel = channel;
            this.idleSince = now;
        }

        /** A request has begun: not to be drained until it is answered. */
        public void busy() {
            idleSince = BUSY;
        }

        /** Its last answer is out and no request has begun. */
        public void idle() {
            idleSince = nanos.getAsLong();
        }

        /** Upgraded to a WebSocket: still counted, never drained. */
        public void upgraded() {
            idleSince = BUSY;
            http.remove(this);
        }

        /** Only one drain closes a connection (two event loops may scan at once). */
        private boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }
}
