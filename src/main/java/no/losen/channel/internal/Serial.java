package no.losen.channel.internal;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work for one key strictly one after another. Two messages from one phone can arrive
 * together (a gateway sends concurrently); each step reads the session, moves it and writes
 * it back, so two at once would lose one step. Keys with nothing pending take no memory.
 */
public final class Serial {

    private final Map<String, Future<?>> tails = new HashMap<>();

    /** Whether work for {@code key} is running or waiting now: what {@link #run} is given next waits behind it. */
    public synchronized boolean busy(String key) {
        return tails.containsKey(key);
    }

    public <T> Future<T> run(String key, Supplier<Future<T>> work) {
        Future<T> next;
        synchronized (this) {
            Future<?> prev = tails.getOrDefault(key, Future.succeededFuture());
            next = prev.transform(ignored -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    return Future.failedFuture(e);
                }
            });
            tails.put(key, next);
        }
        Future<T> mine = next;
        mine.onComplete(ignored -> {
            synchronized (this) {
                tails.remove(key, mine);
            }
        });
        // After another request's step, this one ran on that request's event loop: back to the caller's.
        return no.losen.internal.OwnContext.of(mine);
    }
}
