package no.losen.step;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;

/**
 * The threads typed text is answered on. Typed text may reach a text action (the handbook
 * search: 40–70 ms of CPU for a long question, or an HTTP call of up to a minute when a model
 * endpoint is configured), and an event loop that waits for it stalls every conversation it
 * serves. So text steps run here, with three bounds:
 *
 * <ul>
 * <li>at most {@code capacity} steps waiting or running in all; more are refused with {@code busy};</li>
 * <li>each client (an address, a phone) may have at most {@code perClient} steps waiting or running;
 *     more are refused with {@code busy}, so one client cannot fill the queue for everyone;</li>
 * <li>each client runs at most {@code runningPerClient} at a time (by default half the threads), and
 *     its other steps wait in its own lane, so one client never holds every thread and another
 *     client's step starts at once.</li>
 * </ul>
 *
 * A refused step costs the caller a JSON error, not a search. Client keys are counters in memory
 * only, gone when the client's last step ends; never logged.
 */
public final class TextWorkers implements AutoCloseable {

    /** @param threads threads; @param capacity steps waiting or running in all; @param perClient per client */
    public record Limits(int threads, int capacity, int perClient, int runningPerClient) {
        public Limits {
            if (threads < 1 || capacity < 1 || perClient < 1 || runningPerClient < 1) {
                throw new IllegalArgumentException("text worker limits must be positive");
            }
        }

        /** As many threads as cores (at least two); one client may run on half of them and queue a few more. */
        public static Limits forCores(int cores) {
            int threads = Math.max(2, cores);
            return new Limits(threads, threads * 16, 4, Math.max(1, threads / 2));
        }

        public static Limits forThisMachine() {
            return forCores(Runtime.getRuntime().availableProcessors());
        }
    }

    private static final class Lane {
        int running;
        final ArrayDeque<Task<?>> waiting = new ArrayDeque<>(2);

        int held() {
            return running + waiting.size();
        }
    }

    /** One step to run, and where its answer goes. */
    private final class Task<T> implements Runnable {
        final String client;
        final Lane lane;
        final Callable<T> work;
        final Promise<T> done = Promise.promise();
        final Context ctx = Vertx.currentContext();

        Task(String client, Lane lane, Callable<T> work) {
            this.client = client;
            this.lane = lane;
            this.work = work;
        }

        @Override
        public void run() {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Throwable e) {
                failure = e;
            }
            finished(this);
            complete(result, failure);
        }

        void complete(T result, Throwable failure) {
            if (ctx == null) {
                settle(result, failure);
            } else {
                ctx.runOnContext(v -> settle(result, failure));
            }
        }

        private void settle(T result, Throwable failure) {
            if (failure == null) {
                done.complete(result);
            } else {
                done.fail(failure);
            }
        }
    }

    private final Limits limits;
    private final Executor executor;
    private final ThreadPoolExecutor pool;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int held;

    public TextWorkers(Limits limits) {
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        // Bounded by `capacity` above: the pool's own queue never holds more than that.
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "losen-text-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor = pool;
    }

    /** For tests: runs on the given executor (a direct one runs steps on the caller's thread). */
    public TextWorkers(Limits limits, Executor executor) {
        this.limits = limits;
        this.executor = executor;
        this.pool = null;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Runs {@code work} for {@code client} on a worker thread; the result comes back on the caller's
     * Vert.x context. Fails at once with {@code busy} when the client's or the pool's share is taken.
     */
    public <T> Future<T> submit(String client, Callable<T> work) {
        Task<T> task;
        synchronized (this) {
            if (held >= limits.capacity()) {
                return busy();
            }
            Lane lane = lanes.computeIfAbsent(client, k -> new Lane());
            if (lane.held() >= limits.perClient()) {
                return busy();
            }
            held++;
            task = new Task<>(client, lane, work);
            if (lane.running >= limits.runningPerClient()) {
                lane.waiting.add(task);
                return task.done.future();
            }
            lane.running++;
        }
        start(task);
        return task.done.future();
    }

    /** Steps waiting or running now. */
    public synchronized int held() {
        return held;
    }

    private static <T> Future<T> busy() {
        return Future.failedFuture(new DialogException(ErrorCode.BUSY, "too many questions at once; try again in a moment"));
    }

    private void start(Task<?> task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException shutDown) {
            finished(task);
            task.complete(null, shutDown);
        }
    }

    /** A task is done: its slot goes to the next in its lane, or back to the pool. */
    private void finished(Task<?> task) {
        Task<?> next;
        synchronized (this) {
            held--;
            next = task.lane.waiting.poll();
            if (next == null) {
                task.lane.running--;
                if (task.lane.held() == 0) {
                    lanes.remove(task.client);
                }
            }
        }
        if (next != null) {
            start(next);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
