package no.losen.channel.internal;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * As {@link #run}, for a message that need not wait its turn: when work for {@code key} is pending, {@code early}
     * is asked at once, and what it answers (the emergency help for a cry) is the answer; the message's turn is then
     * dropped, answering {@code dropped} when it comes. Why: a phone's messages are taken one after another, and a
     * cry sent right after a question waited for that question's answer, seconds during a flood (independent
     * testers, by SMS and by WhatsApp through Twilio). The earlier message's answer reaches the phone after the
     * help, and the conversation stays where that answer left it, so a number sent next means what the phone shows
     * last (on the WebSocket, where the help can be sent again, a tester found the screen and the conversation apart).
     */
    public <T> Future<T> run(String key, Supplier<Future<T>> work, Supplier<Future<Optional<T>>> early, T dropped) {
        boolean behind = busy(key);
        AtomicBoolean answered = new AtomicBoolean();
        Future<T> turn = run(key, () -> answered.get() ? Future.succeededFuture(dropped) : work.get());
        if (!behind) {
            return turn;
        }
        return early.get().compose(a -> {
            a.ifPresent(x -> answered.set(true));
            return a.map(Future::succeededFuture).orElse(turn);
        });
    }
}
