package no.losen.staff;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Password checks running at once, with a short, bounded queue in front. bcrypt is deliberately
 * slow, so checks are capped (a flood of log-ins must not take every core); but refusing at once
 * whenever the cap was full locked staff out: eight guessers from other addresses kept the one
 * check slot busy, and the right password got 503 thirteen times in a row. Now a log-in waits its
 * turn, first come first served, for up to {@code maxWait}; only when {@code maxWaiting} are
 * already waiting, or the wait runs out, is it refused. Guessers are held back before they get
 * here, by the log-in limiter, which counts a refusal here as an attempt.
 *
 * <p>Waiting costs no thread: a waiter is a promise completed on its own context when a slot is
 * handed over.
 */
final class HashSlots {

    private final Vertx vertx;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int free;

    private static final class Waiter {
        final Promise<Void> promise;
        final Context context;
        long timer = -1;

        Waiter(Promise<Void> promise, Context context) {
            this.promise = promise;
            this.context = context;
        }
    }

    /**
     * @param slots      checks at once
     * @param maxWaiting log-ins waiting for a slot at most; beyond that a log-in is refused at once
     * @param maxWait    how long a log-in waits for a slot before it is refused
     */
    HashSlots(Vertx vertx, int slots, int maxWaiting, Duration maxWait) {
        this.vertx = vertx;
        this.free = slots;
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /** A slot, now or after a short wait; fails when none came in time. Each success needs one {@link #release}. */
    Future<Void> acquire() {
        Context context = vertx.getOrCreateContext();
        Waiter w;
        synchronized (this) {
            if (free > 0) {
                free--;
                return Future.succeededFuture();
            }
            if (waiting.size() >= maxWaiting) {
                return Future.failedFuture(new Busy());
            }
            w = new Waiter(Promise.promise(), context);
            waiting.addLast(w);
        }
        long timer = vertx.setTimer(maxWait.toMillis(), id -> {
            boolean gaveUp;
            synchronized (this) {
                gaveUp = waiting.remove(w);
            }
            if (gaveUp) {
                w.promise.tryFail(new Busy());
            }
        });
        synchronized (this) {
            w.timer = timer;
        }
        return w.promise.future();
    }

    /** Hands the slot to the longest waiter, or frees it. */
    void release() {
        Waiter next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                free++;
                return;
            }
        }
        vertx.cancelTimer(next.timer);
        next.context.runOnContext(v -> next.promise.tryComplete());
    }

    /** No slot came in time. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("no password check slot", null, false, false);
        }
    }
}
