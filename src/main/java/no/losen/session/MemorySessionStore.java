package no.losen.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import no.losen.dialog.Session;

/**
 * Sessions in this process's memory: the default for one instance. Caffeine evicts a session
 * once it has been idle for the TTL, and the oldest ones first when the size bound is reached,
 * so memory stays bounded whatever the traffic.
 *
 * <p>Sessions are kept as the engine made them, not encoded: they are immutable, and the steps of
 * a history share the node ids and variable maps the engine already holds, so a session with a
 * long history costs about as much as its encoded form did (bench/ws-load: 3.7 KB per idle
 * conversation, socket included, either way), while encoding and decoding it on every step took
 * a third of the server's work under load. DialogWalkTest checks that every session the engine
 * makes still survives the encoded form Redis keeps.
 *
 * <p>A conversation that has only been started is kept for {@link SessionStore#STARTED_TTL} from its
 * start, reading it does not renew that, and its first step gives it the full TTL: each entry
 * carries its own expiry ({@link Caffeine#expireAfter}).
 */
public final class MemorySessionStore implements SessionStore {

    /** A session as held, and whether it has only been started (kept for the short life, not renewed on reading). */
    private record Held(Session session, boolean started) {
    }

    private final Cache<String, Held> cache;
    private final Duration ttl;

    public MemorySessionStore(Duration ttl, long maxSessions) {
        this(ttl, maxSessions, Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so expiry can be tested without waiting. */
    public MemorySessionStore(Duration ttl, long maxSessions, Ticker ticker) {
        this.ttl = ttl;
        long full = ttl.toNanos();
        long started = Math.min(full, STARTED_TTL.toNanos());
        this.cache = Caffeine.newBuilder().expireAfter(new Expiry<String, Held>() {
            @Override
            public long expireAfterCreate(String token, Held held, long now) {
                return held.started() ? started : full;
            }

            @Override
            public long expireAfterUpdate(String token, Held held, long now, long left) {
                return held.started() ? started : full;
            }

            @Override
            public long expireAfterRead(String token, Held held, long now, long left) {
                return held.started() ? left : full;
            }
        }).maximumSize(maxSessions).ticker(ticker).executor(Runnable::run).build();
    }

    @Override
    public Future<Optional<Session>> get(String token) {
        Held held = cache.getIfPresent(token);
        return Future.succeededFuture(held == null ? Optional.empty() : Optional.of(held.session()));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        cache.put(token, new Held(session, false));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> putStarted(String token, Session session) {
        cache.put(token, new Held(session, true));
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> replace(String token, Session session) {
        return Future.succeededFuture(cache.asMap().replace(token, new Held(session, false)) != null);
    }

    @Override
    public Future<Boolean> remove(String token) {
        return Future.succeededFuture(cache.asMap().remove(token) != null);
    }

    @Override
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public Duration ttl() {
        return ttl;
    }
}
