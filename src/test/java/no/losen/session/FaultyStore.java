package no.losen.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.losen.dialog.Session;

/**
 * A memory store a test can break: {@link Mode#DOWN} fails every call as Redis does when it cannot
 * be reached; {@link Mode#HANG} never answers (a frozen Redis, until the caller's timeout);
 * {@link #knownDown} is what {@link SessionStore#down()} says.
 */
public final class FaultyStore implements SessionStore {

    public enum Mode { UP, DOWN, HANG }

    private final MemorySessionStore memory;
    public volatile Mode mode = Mode.UP;
    public volatile boolean knownDown;
    private final List<Promise<?>> hanging = new ArrayList<>();

    public FaultyStore(long maxSessions) {
        this.memory = new MemorySessionStore(Duration.ofMinutes(30), maxSessions);
    }

    public FaultyStore() {
        this(100_000);
    }

    /** Calls made while hanging, still unanswered. */
    public synchronized int hanging() {
        return (int) hanging.stream().filter(p -> !p.future().isComplete()).count();
    }

    @Override
    public Future<Optional<Session>> get(String token) {
        return call(() -> memory.get(token));
    }

    @Override
    public Future<Void> put(String token, Session session) {
        return call(() -> memory.put(token, session));
    }

    @Override
    public Future<Void> putStarted(String token, Session session) {
        return call(() -> memory.putStarted(token, session));
    }

    @Override
    public Future<Boolean> replace(String token, Session session) {
        return call(() -> memory.replace(token, session));
    }

    @Override
    public Future<Boolean> remove(String token) {
        return call(() -> memory.remove(token));
    }

    /** What the store holds, whatever the mode. */
    public Optional<Session> peek(String token) {
        return memory.get(token).result();
    }

    @Override
    public long size() {
        return memory.size();
    }

    @Override
    public Duration ttl() {
        return memory.ttl();
    }

    @Override
    public boolean down() {
        return knownDown;
    }

    private <T> Future<T> call(java.util.function.Supplier<Future<T>> real) {
        return switch (mode) {
            case UP -> real.get();
            case DOWN -> Future.failedFuture(new StoreUnavailableException(new java.io.IOException("connection refused")));
            case HANG -> {
                Promise<T> p = Promise.promise();
                synchronized (this) {
                    hanging.add(p);
                }
                yield p.future();
            }
        };
    }
}
