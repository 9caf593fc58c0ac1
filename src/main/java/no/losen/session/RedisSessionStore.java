package no.losen.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.losen.dialog.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in Redis, shared by every instance behind a load balancer: a client that reconnects
 * to another instance, or to this one after a restart, resumes where it was. Each session is one
 * key with the idle TTL set on every write and renewed on every read, so Redis forgets it exactly
 * as the memory store would; {@code end} deletes it at once.
 *
 * <p>When Redis cannot be reached every call fails fast with {@link StoreUnavailableException}
 * (no call waits longer than {@link #TIMEOUT}); the client's pool opens new connections on later
 * calls, so the store recovers by itself when Redis is back.
 */
public final class RedisSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    /** Keys are namespaced so the database can be inspected; the token is the rest of the key. */
    static final String PREFIX = "losen:s:";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** While Redis is down, one call this often is let through to find out whether it is back. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final Redis client;
    private final RedisAPI api;
    private final Duration ttl;
    private final String ttlMillis;
    private final long sizeTimer;
    private volatile long size;
    private volatile boolean up = true;
    private final java.util.function.LongSupplier nanos;
    /** When a call was last let through while down (nanos). */
    private final java.util.concurrent.atomic.AtomicLong lastProbe = new java.util.concurrent.atomic.AtomicLong();

    public RedisSessionStore(Vertx vertx, String uri, Duration ttl) {
        this(vertx, uri, ttl, System::nanoTime);
    }

    /** With a clock of the test's choosing, for the probe interval while down. */
    RedisSessionStore(Vertx vertx, String uri, Duration ttl, java.util.function.LongSupplier nanos) {
        this.vertx = vertx;
        this.nanos = nanos;
        this.ttl = ttl;
        this.ttlMillis = Long.toString(ttl.toMillis());
        RedisOptions options = new RedisOptions().setConnectionString(uri)
                .setMaxPoolSize(16).setMaxPoolWaiting(4096).setMaxWaitingHandlers(8192)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) TIMEOUT.toMillis())
                        .setTcpNoDelay(true).setTcpKeepAlive(true));
        this.client = Redis.createClient(vertx, options);
        this.api = RedisAPI.api(client);
        // The count of sessions is for health and metrics only; reading it every few seconds is enough.
        // It says nothing about up or down: only callers' calls do, so the first read, which may fail
        // before anyone has asked the store anything, cannot mark it down.
        this.sizeTimer = vertx.setPeriodic(0, 5_000, id -> api.dbsize()
                .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .onSuccess(r -> size = r.toLong()));
    }

    @Override
    public Future<Optional<Session>> get(String token) {
        if (!mayCall()) {
            return Future.failedFuture(new StoreUnavailableException(null));
        }
        return guard(api.getex(List.of(PREFIX + token, "PX", ttlMillis)))
                .map(r -> r == null ? Optional.<Session>empty() : Optional.of(SessionCodec.decode(r.toString())));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        if (!mayCall()) {
            return Future.failedFuture(new StoreUnavailableException(null));
        }
        return guard(api.set(List.of(PREFIX + token, SessionCodec.encode(session), "PX", ttlMillis))).mapEmpty();
    }

    @Override
    public Future<Void> remove(String token) {
        if (!mayCall()) {
            return Future.failedFuture(new StoreUnavailableException(null));
        }
        return guard(api.del(List.of(PREFIX + token))).mapEmpty();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Duration ttl() {
        return ttl;
    }

    /**
     * Down since a call failed, until one succeeds. While down, calls fail at once (no work queues
     * behind calls that would time out), except one per {@link #PROBE_EVERY}, which finds out;
     * this says whether a caller would be refused now, and has no effect of its own.
     */
    @Override
    public boolean down() {
        return !up && nanos.getAsLong() - lastProbe.get() < PROBE_EVERY.toNanos();
    }

    /** Up, or down with a probe due, which this caller takes (exactly one caller per interval). */
    private boolean mayCall() {
        if (up) {
            return true;
        }
        long now = nanos.getAsLong();
        long last = lastProbe.get();
        return now - last >= PROBE_EVERY.toNanos() && lastProbe.compareAndSet(last, now);
    }

    @Override
    public Future<Boolean> ready() {
        return guard(api.ping(List.of())).map(r -> true).otherwise(false);
    }

    @Override
    public Future<Void> close() {
        vertx.cancelTimer(sizeTimer);
        return client.close();
    }

    /** Bounds the wait, turns any failure into "unavailable", and logs only when the state changes. */
    private Future<Response> guard(Future<Response> call) {
        return call.timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).transform(ar -> {
            if (ar.succeeded()) {
                if (!up) {
                    up = true;
                    LOG.info("event=store.up store=redis");
                }
                return Future.succeededFuture(ar.result());
            }
            if (up) {
                lastProbe.set(nanos.getAsLong());
                up = false;
                LOG.warn("event=store.down store=redis cause={}", ar.cause().getClass().getSimpleName());
            }
            return Future.failedFuture(new StoreUnavailableException(ar.cause()));
        });
    }
}
