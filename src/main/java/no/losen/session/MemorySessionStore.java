package no.losen.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import no.losen.dialog.Session;

/**
 * Sessions in this process's memory: the default for one instance. Caffeine evicts a session
 * once it has been idle for the TTL, and the oldest ones first when the size bound is reached,
 * so memory stays bounded whatever the traffic.
 *
 * <p>A session is kept in its compact stored form ({@link SessionCodec}, UTF-8), not as objects:
 * an idle session with a long history costs a few hundred bytes instead of several kilobytes,
 * for a few microseconds per step, and the memory store round-trips sessions exactly as Redis does.
 */
public final class MemorySessionStore implements SessionStore {

    private final Cache<String, byte[]> cache;
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
        byte[] b = cache.getIfPresent(token);
        return Future.succeededFuture(b == null ? Optional.empty()
                : Optional.of(SessionCodec.decode(new String(b, StandardCharsets.UTF_8))));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        cache.put(token, SessionCodec.encode(session).getBytes(StandardCharsets.UTF_8));
        return Future.succeededFuture();
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
