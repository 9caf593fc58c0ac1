package no.losen.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 */
public final class MemorySessionStore implements SessionStore {

    private final Cache<String, Session> cache;
    private final Duration ttl;

    public MemorySessionStore(Duration ttl, long maxSessions) {
        this(ttl, maxSessions, Ticker.systemTicker());
    }

    /** With a ticker of the test's choosing, so expiry can be tested without waiting. */
    public MemorySessionStore(Duration ttl, long maxSessions, Ticker ticker) {
        this.ttl = ttl;
        this.cache = Caffeine.newBuilder().expireAfterAccess(ttl).maximumSize(maxSessions).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public Future<Optional<Session>> get(String token) {
        return Future.succeededFuture(Optional.ofNullable(cache.getIfPresent(token)));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        cache.put(token, session);
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> replace(String token, Session session) {
        return Future.succeededFuture(cache.asMap().replace(token, session) != null);
    }

    @Override
    public Future<Void> remove(String token) {
        cache.invalidate(token);
        return Future.succeededFuture();
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
