package no.losen.staff;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Password checks running at once, with a short, bounded queue in front. bcrypt is deliberately
 * slow, so checks are capped (a flood of log-ins must not take every core); but refusing at once
 * whenever the cap was full locked staff out: eight guessers from other addresses kept the one
 * check slot busy, and the right password got 503 thirteen times in a row. Now a log-in waits its
 * turn for up to {@code maxWait}; only when {@code maxWaiting} are already waiting, or its own
 * address already has a quarter of those places, or the wait runs out, is it refused. Guessers are
 * held back before they get here, by the log-in limiter, which counts a refusal here as an attempt.
 *
 * <p>Turns go round the addresses waiting, first come first served within one address, and an
 * address with nobody waiting takes the next turn: twenty guesses sent at once from one address,
 * within its limit, queued ahead of the employee in one line and made their log-in from another
 * address wait 2.5 s and fail (the thirteenth abuse tester); with turns alone it still waited for two
 * checks (1.2 s warm, a 503 on a cold server: the re-test); now it waits for the one running.
 *
 * <p>Waiting costs no thread: a waiter is a promise completed on its own context when a slot is
 * handed over.
 */
final class HashSlots {

    private final Vertx vertx;
    private final int maxWaiting;
    private final int maxWaitingPerKey;
    private final Duration maxWait;
    /** The waiters of each address, and the addresses in the order of their next turn. */
    private final Map<String, Deque<Waiter>> waiting = new HashMap<>();
    private final Deque<String> turns = new ArrayDeque<>();
    private int waiters;
    private int free;

    private static final class Waiter {
        final String key;
        final Promise<Void> promise;
        final Context context;
        long timer = -1;

        Waiter(String key, Promise<Void> promise, Context context) {
            this.key = key;
            this.promise = promise;
            this.context = context;
        }
    }

    /**
     * @param slots      checks at once
     * @param maxWaiting log-ins waiting for a slot at most (a quarter of them, at least one, from one address);
     *                   beyond that a log-in is refused at once
     * @param maxWait    how long a log-in waits for a slot before it is refused
     */
    HashSlots(Vertx vertx, int slots, int maxWaiting, Duration maxWait) {
        this.vertx = vertx;
        this.free = slots;
        this.maxWaiting = maxWaiting;
        this.maxWaitingPerKey = Math.max(1, maxWaiting / 4);
        this.maxWait = maxWait;
    }

    /**
     * A slot for a log-in from {@code key} (the client address), now or after a short wait; fails when none
     * came in time. Each success needs one {@link #release}.
     */
    Future<Void> acquire(String key) {
        Context context = vertx.getOrCreateContext();
        Waiter w;
        synchronized (this) {
            if (free > 0) {
                free--;
                return Future.succeededFuture();
            }
            Deque<Waiter> mine = waiting.get(key);
            if (waiters >= maxWaiting || mine != null && mine.size() >= maxWaitingPerKey) {
                return Future.failedFuture(new Busy());
            }
            w = new Waiter(key, Promise.promise(), context);
            if (mine == null) {
                // An address with nobody waiting goes first, as a new flow does in FQ-CoDel: the employee's
                // log-in waits for the check running, not also for the guesser's next.
                waiting.put(key, mine = new ArrayDeque<>());
                turns.addFirst(key);
            }
            mine.addLast(w);
            waiters++;
        }
        long timer = vertx.setTimer(maxWait.toMillis(), id -> {
            if (remove(w)) {
                w.promise.tryFail(new Busy());
            }
        });
        synchronized (this) {
            w.timer = timer;
        }
        return w.promise.future();
    }

    /** Hands the slot to the first waiter of the address whose turn it is, or frees it. */
    void release() {
        Waiter next;
        synchronized (this) {
            String key = turns.pollFirst();
            if (key == null) {
                free++;
                return;
            }
            Deque<Waiter> queue = waiting.get(key);
            next = queue.pollFirst();
            waiters--;
            if (queue.isEmpty()) {
                waiting.remove(key);
            } else {
                turns.addLast(key);
            }
        }
        vertx.cancelTimer(next.timer);
        next.context.runOnContext(v -> next.promise.tryComplete());
    }

    /** {@code w} gave up waiting: out of its address's line (and the address out of the turns when it was the last). */
    private synchronized boolean remove(Waiter w) {
        Deque<Waiter> queue = waiting.get(w.key);
        if (queue == null || !queue.remove(w)) {
            return false;
        }
        waiters--;
        if (queue.isEmpty()) {
            waiting.remove(w.key);
            turns.remove(w.key);
        }
        return true;
    }

    /** No slot came in time. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("no password check slot", null, false, false);
        }
    }
}
