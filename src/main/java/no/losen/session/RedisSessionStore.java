package no.losen.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import no.losen.dialog.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in Redis, shared by every instance behind a load balancer: a client that reconnects
 * to another instance, or to this one after a restart, resumes where it was. Each session is one
 * key with the idle TTL set on every write and renewed on every read, so Redis forgets it exactly
 * as the memory store would; {@code end} deletes it at once.
 *
 * <p>A conversation that has only been started ({@link #putStarted}) is written with the short life
 * ({@link SessionStore#STARTED_TTL}) and a mark at the head of its value ({@link SessionCodec#STARTED}),
 * which a read checks inside Redis ({@link #READ}) so as not to renew it; its first step writes it
 * without the mark, for the full TTL.
 *
 * <p>When Redis cannot be reached every call fails fast with {@link StoreUnavailableException}
 * (no call waits longer than {@link #TIMEOUT}, and while it is known to be down none waits at
 * all); the store pings Redis each second until it answers, so it recovers by itself when Redis is back.
 */
public final class RedisSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    /** Keys are namespaced so the database can be inspected; the token is the rest of the key. */
    static final String PREFIX = "losen:s:";
    /**
     * The longest a call waits for Redis: the first steps after Redis stops answering wait this long before the
     * store knows it is down (2 s before, over the 1 s any step may take: an independent tester's bystander on a
     * Redis-backed server waited 2.0 s once per outage). Redis answers in well under a millisecond; measured under
     * {@code bench/ws-load --store redis}'s 10,000 sessions the shorter wait did not mark the store down more often
     * (14 times in one run against 13 with 2 s; docs/measurements.md).
     */
    static final Duration TIMEOUT = Duration.ofMillis(800);
    /** While Redis is down, the store pings it this often (after the last ping's answer) to find out whether it is back. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /**
     * A read: the value, its full TTL renewed unless it is a started-only session (it begins with
     * {@link SessionCodec#STARTED}), in one round trip and atomically, so a step saved meanwhile
     * is never given a started-only life, nor a started-only session a full one.
     */
    static final String READ = "local v = redis.call('GET', KEYS[1]) "
            + "if v and string.sub(v, 1, " + SessionCodec.STARTED.length() + ") ~= '" + SessionCodec.STARTED + "' "
            + "then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return v";

    private final Vertx vertx;
    private final Redis client;
    private final RedisAPI api;
    private final Duration ttl;
    private final String ttlMillis;
    private final String startedMillis;
    private final long sizeTimer;
    /** Redis's count, read every few seconds, plus the conversations this instance started since (see the constructor). */
    private final AtomicLong size = new AtomicLong();
    /** Conversations sent to Redis and not yet stored: a read of Redis's count does not hold them yet. */
    private final AtomicLong storing = new AtomicLong();
    private volatile boolean up = true;
    private volatile boolean closed;
    /** Whether a chain of pings is running: at most one, whoever noticed the outage first. */
    private final AtomicBoolean probing = new AtomicBoolean();
    /**
     * Conversations ended while Redis was away, with when (nanos): erased as soon as it answers again. The
     * channel still says {@code unavailable}, never "ended", and keeps the token for a retry; but a widget
     * that sent {@code end} and closed, or a person who gave up, asks nothing again, and the conversation
     * stayed in Redis for its TTL (an independent tester: nothing came after Redis was back). One past its
     * TTL is dropped: Redis has let it go. At most {@link #MAX_TO_ERASE}, as many as sessions are held.
     */
    private final Map<String, Long> toErase = new ConcurrentHashMap<>();
    static final int MAX_TO_ERASE = 100_000;

    public RedisSessionStore(Vertx vertx, String uri, Duration ttl) {
        this(vertx, uri, ttl, 16, 4096);
    }

    /** With {@code connections} to Redis and at most {@code waiting} calls queued for one (tests: a small queue). */
    RedisSessionStore(Vertx vertx, String uri, Duration ttl, int connections, int waiting) {
        this(vertx, uri, ttl, STARTED_TTL, connections, waiting);
    }

    /** With started-only sessions kept for {@code started} (tests: a short life, so expiry is seen without waiting minutes). */
    RedisSessionStore(Vertx vertx, String uri, Duration ttl, Duration started, int connections, int waiting) {
        this.vertx = vertx;
        this.ttl = ttl;
        this.ttlMillis = Long.toString(ttl.toMillis());
        this.startedMillis = Long.toString(Math.min(ttl.toMillis(), started.toMillis()));
        RedisOptions options = new RedisOptions().setConnectionString(uri)
                .setMaxPoolSize(connections).setMaxPoolWaiting(waiting).setMaxWaitingHandlers(8192)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) TIMEOUT.toMillis())
                        .setTcpNoDelay(true).setTcpKeepAlive(true));
        this.client = Redis.createClient(vertx, options);
        this.api = RedisAPI.api(client);
        // The count of sessions is read every few seconds, and between reads each conversation this instance
        // starts, or ends, is counted at once: the maximum of sessions is checked against it, and with the
        // read alone 345 addresses starting conversations at once took the store 5 % past the maximum (an
        // independent tester). It says nothing about up or down: only callers' calls do, so the first read,
        // which may fail before anyone has asked the store anything, cannot mark it down.
        this.sizeTimer = vertx.setPeriodic(0, 5_000, id -> readCount());
    }

    /** Reads Redis's count into the count of sessions, with the conversations on their way there (the timer's; tests call it). */
    Future<Void> readCount() {
        return api.dbsize().timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .onSuccess(r -> size.set(r.toLong() + storing.get())).mapEmpty();
    }

    @Override
    public Future<Optional<Session>> get(String token) {
        return call(() -> api.eval(List.of(READ, "1", PREFIX + token, ttlMillis)))
                .map(r -> r == null ? Optional.<Session>empty() : Optional.of(SessionCodec.decode(r.toString())));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        return call(() -> api.set(List.of(PREFIX + token, SessionCodec.encode(session), "PX", ttlMillis))).mapEmpty();
    }

    @Override
    public Future<Void> putStarted(String token, Session session) {
        // Counted before Redis answers, so conversations started at once all see it; and while on their way, so
        // a read of Redis's count meanwhile does not drop them (from a fresh start, the count lagged Redis's by
        // 500 under a flood, and the store went 11 % past the maximum: an independent tester).
        return call(() -> {
            size.incrementAndGet();
            storing.incrementAndGet();
            return api.set(List.of(PREFIX + token, SessionCodec.encodeStarted(session), "PX", startedMillis))
                    .onComplete(r -> {
                        storing.decrementAndGet();
                        if (r.failed()) {
                            size.decrementAndGet();
                        }
                    });
        }).mapEmpty();
    }

    @Override
    public Future<Boolean> replace(String token, Session session) {
        // XX: only if the key exists; a DEL between our GET and this SET wins.
        return call(() -> api.set(List.of(PREFIX + token, SessionCodec.encode(session), "PX", ttlMillis, "XX")))
                .map(r -> r != null);
    }

    @Override
    public Future<Boolean> remove(String token) {
        return call(() -> api.del(List.of(PREFIX + token))).onComplete(r -> {
            if (r.succeeded()) {
                toErase.remove(token);
                size.addAndGet(-(r.result() == null ? 0 : r.result().toLong()));
            } else if (r.cause() instanceof StoreUnavailableException && toErase.size() < MAX_TO_ERASE) {
                toErase.put(token, System.nanoTime());
            }
        }).map(r -> r != null && r.toLong() > 0);
    }

    /** Erases the conversations ended while Redis was away ({@link #toErase}); Redis has just answered again. */
    private void eraseLeft() {
        long expired = System.nanoTime() - ttl.toNanos();
        for (Map.Entry<String, Long> e : toErase.entrySet()) {
            if (e.getValue() - expired < 0) {
                toErase.remove(e.getKey());
            } else {
                remove(e.getKey());
            }
        }
    }

    @Override
    public long size() {
        return size.get();
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    /**
     * Down since a call failed, until a ping is answered. While down, calls fail at once: no work
     * queues behind calls that would time out, and no person's step is the one that waits two
     * seconds to find out — the store's own pings do that (the last design let one caller a second
     * through as the probe, so a client that retried one step at a time had every retry wait the
     * full timeout, and a retried {@code end} could take longer than the outage itself).
     */
    @Override
    public boolean down() {
        return !up;
    }

    @Override
    public Future<Boolean> ready() {
        return guard(api.ping(List.of())).map(r -> true).otherwise(false);
    }

    @Override
    public Future<Void> close() {
        closed = true;
        vertx.cancelTimer(sizeTimer);
        return client.close();
    }

    /** {@code request} sent to Redis and {@link #guard guarded}; failed at once, unsent, while Redis is known to be down. */
    private Future<Response> call(Supplier<Future<Response>> request) {
        if (!up) {
            return Future.failedFuture(new StoreUnavailableException(null));
        }
        return guard(request.get());
    }

    /**
     * Bounds the wait, turns a full queue into "busy" and any other failure into "unavailable", and logs
     * only when the state changes.
     */
    private Future<Response> guard(Future<Response> call) {
        return call.timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).transform(ar -> {
            if (ar.succeeded()) {
                if (!up) {
                    up = true;
                    LOG.info("event=store.up store=redis to_erase={}", toErase.size());
                    eraseLeft();
                }
                return Future.succeededFuture(ar.result());
            }
            if (ar.cause() instanceof ConnectionPoolTooBusyException) {
                // Our own queue is full, Redis itself answers: busy, not down (bench/ws-load --store redis
                // flat out marked the store down thousands of times and refused every step meanwhile).
                return Future.failedFuture(new StoreBusyException(ar.cause()));
            }
            if (up) {
                up = false;
                LOG.warn("event=store.down store=redis cause={}", ar.cause().getClass().getSimpleName());
                if (probing.compareAndSet(false, true)) {
                    probeLater();
                }
            }
            return Future.failedFuture(new StoreUnavailableException(ar.cause()));
        });
    }

    /** One ping after {@link #PROBE_EVERY}, and another after that one's answer, until Redis is back. */
    private void probeLater() {
        vertx.setTimer(PROBE_EVERY.toMillis(), id -> {
            if (closed) {
                probing.set(false);
                return;
            }
            ready().onComplete(ar -> {
                probing.set(false);
                // Still down: go on (unless an outage noticed meanwhile started a chain of its own).
                if (!up && !closed && probing.compareAndSet(false, true)) {
                    probeLater();
                }
            });
        });
    }
}
