package no.losen.http;

import com.github.benmanes.caffeine.cache.Ticker;
import no.losen.internal.ClientNetwork;
import no.losen.internal.KeyedBuckets;

/**
 * How many <em>new</em> connections one client address may open: a token bucket per address, a
 * burst of {@link Limit#burst} and then {@link Limit#perSecond} a second. Checked when a TCP
 * connection is accepted, before a byte of it is parsed ({@link ConnectionGuard}), and, behind a
 * trusted proxy (whose connections carry everyone), at each WebSocket handshake for the address
 * the proxy names.
 *
 * <p>Why: the caps on connections <em>held</em> per address say nothing about how fast an
 * address opens and drops them. Five addresses opening {@code /ws}, sending {@code start} and
 * dropping the socket in a loop made 8,800 handshakes in 10 s; each one, though its
 * {@code start} was refused, cost a TCP accept, an HTTP parse, a handshake and a frame, and the
 * bystander's p99 rose from about 15 ms to 1.4 s on two cores. A budget on new connections
 * stops that at the cheapest point.
 *
 * <p>Sizing (the default, 1,000 at once and then 50 a second): a browser opening the chat uses
 * three or four connections (page, script, {@code /api/boot}, the socket), and keeps them
 * alive for the next minute, so a building behind one NAT address never meets it. The burst is
 * large because a tool asking questions one after another opens a connection for each (the
 * project's search and routing evaluations do: at 100 and 10 a second their 131st question was
 * refused); what the budget must stop is a loop held up for seconds: one of 1,900 connections a
 * second per address, as the churn attack made, is cut to 50 once its burst is spent.
 *
 * <p>Buckets are kept only until they would be full again (a full bucket is the same as none),
 * and at most {@link #KEEP}, so memory stays bounded; the keys are addresses in memory only,
 * never logged. An IPv6 address counts by its /64, since one host is given a whole /64 and could
 * otherwise open each connection from a new address.
 */
public final class ConnectionRate {

    /** Buckets kept at most; the idlest go first (a forgotten bucket is a full one). */
    static final int KEEP = 100_000;

    /**
     * @param burst     new connections one address may open at once; 0: no limit
     * @param perSecond then this many a second
     */
    public record Limit(int burst, double perSecond) {

        public static final Limit DEFAULT = new Limit(1000, 50);
        public static final Limit UNLIMITED = new Limit(0, 1);

        public Limit {
            if (burst < 0) {
                throw new IllegalArgumentException("LOSEN_NEW_CONNECTIONS_BURST must not be negative");
            }
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException("LOSEN_NEW_CONNECTIONS_RATE must be a positive number");
            }
        }

        public boolean unlimited() {
            return burst == 0;
        }
    }

    private final Limit limit;
    private final KeyedBuckets buckets;

    public ConnectionRate(Limit limit) {
        this(limit, Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so refills can be tested without waiting. */
    public ConnectionRate(Limit limit, Ticker ticker) {
        this.limit = limit;
        this.buckets = limit.unlimited() ? null : new KeyedBuckets(limit.burst(), limit.perSecond(), KEEP, ticker);
    }

    public Limit limit() {
        return limit;
    }

    /** Takes one new connection from {@code address}'s budget; false: it has none left now. */
    public boolean take(String address) {
        return limit.unlimited() || buckets.take(ClientNetwork.of(address));
    }
}
