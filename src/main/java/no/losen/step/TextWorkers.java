package no.losen.step;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.internal.ClientNetwork;

/**
 * The threads typed text is answered on. Typed text may reach a text action (the handbook
 * search: 40–70 ms of CPU for a long question, or an HTTP call of up to a minute when a model
 * endpoint is configured), and an event loop that waits for it stalls every conversation it
 * serves. So text steps run here, with three bounds:
 *
 * <ul>
 * <li>at most {@code capacity} steps waiting or running in all; more are refused with {@code busy},
 *     unless the newcomer's client holds fewer than the biggest holder or has asked clearly less (below);</li>
 * <li>each client (an address, a phone) may have at most {@code perClient} steps waiting or running;
 *     more are refused with {@code busy}, so one client cannot fill the queue for everyone;</li>
 * <li>each client runs at most {@code runningPerClient} at a time (by default half the threads), and
 *     its other steps wait in its own lane, so one client never holds every thread and another
 *     client's step starts at once;</li>
 * <li>each client may start {@code ratePerClient} steps a second on average (bursts of
 *     {@code burstPerClient}); a step beyond that waits for its turn (it still counts against
 *     {@code perClient}), so a flood is slowed to the rate and then refused, while a person — or a
 *     whole shelter behind one address — who types faster for a moment is answered a little later,
 *     never refused: a message about danger must not meet {@code busy} because a neighbour typed
 *     too (nor wait: {@code step.Steps} reads a waiting step for danger at once and takes it back when
 *     it is). Without the rate, one address kept a worker thread searching flat out (a core, and the
 *     garbage of 70 searches a second), and the other conversations waited for the processor.</li>
 * </ul>
 *
 * <p>A step waiting for a thread goes before the waiting steps of clients that have asked more lately
 * ({@link #priority}). Any step that waits (for its rate, its share, or a thread) is offered to be read for
 * danger and taken back meanwhile.
 *
 * <p>When all {@code capacity} places are held, a step from a client that holds fewer steps than the
 * client holding the most still gets in: it displaces, among the clients holding the most, the step not yet
 * running of the one that has asked most lately ({@link #priority}; then the newest)
 * (waiting for its rate, for its share of the threads, or in the pool's queue behind other clients'
 * steps), which is answered {@code busy} as if it had been refused on arrival (its token goes back to
 * its client's budget), and takes its place. A client that already holds as many as the biggest holder
 * gets in only in place of the waiting step of a client that has asked clearly more lately ({@link #displace});
 * else it is refused {@code busy}. This is "drop from the longest queue", as fair queueing in routers
 * does it (FQ-CoDel drops from the fattest flow). Why: an independent tester sent long questions from
 * 16 addresses × 4 sockets, each within every per-socket and per-address limit; the 64 places they
 * asked for kept the 32 always full, and a person on another address got {@code busy} for 11 of 12
 * typed questions. Now a few addresses cannot fill the workers for everyone, and a quiet person (who
 * holds fewer than any flooding address) is always admitted. The biggest holder is looked for only when
 * the pool is full: a walk over the clients holding steps (at most {@code capacity} of them), under
 * the lock that already guards the counters.
 *
 * A refused step costs the caller a JSON error, not a search. Client keys are counters in memory
 * only, gone when the client's last step ends; never logged.
 */
public final class TextWorkers implements AutoCloseable {

    /**
     * @param threads          worker threads
     * @param capacity         steps waiting or running in all
     * @param perClient        steps one client may have waiting or running
     * @param runningPerClient steps one client may have running
     * @param ratePerClient    steps one client may start per second on average
     * @param burstPerClient   steps one client may start at once
     */
    public record Limits(int threads, int capacity, int perClient, int runningPerClient, double ratePerClient,
                         double burstPerClient) {
        public Limits {
            if (threads < 1 || capacity < 1 || perClient < 1 || runningPerClient < 1 || ratePerClient <= 0
                    || burstPerClient < 1) {
                throw new IllegalArgumentException("text worker limits must be positive");
            }
        }

        /** Without a rate per client (tests of the other bounds). */
        public Limits(int threads, int capacity, int perClient, int runningPerClient) {
            this(threads, capacity, perClient, runningPerClient, 1e9, 1e9);
        }

        /**
         * As many threads as cores (at least two); one client may run on half of them, queue a few
         * more, and start two questions a second once it has asked 300 at once: a shelter's residents
         * behind one address type far slower than that, and a tool asking its few hundred questions
         * one after another (the project's evaluation does) is answered at once, not half a second
         * apart. A client that keeps going is held to two a second; while it runs, its share of the
         * threads (half) keeps it from taking the cores from everyone else.
         */
        public static Limits forCores(int cores) {
            int threads = Math.max(2, cores);
            return new Limits(threads, threads * 16, 4, Math.max(1, threads / 2), 2, 300);
        }

        public static Limits forThisMachine() {
            return forCores(Runtime.getRuntime().availableProcessors());
        }
    }

    private static final class Lane {
        /** Steps handed to the threads (running, or in the pool's queue), oldest first. */
        final ArrayDeque<Task<?>> running = new ArrayDeque<>(2);
        /** Steps waiting for the client's rate to allow them, oldest first. */
        final ArrayDeque<Task<?>> delayed = new ArrayDeque<>(2);
        /** Steps waiting for one of the client's share of threads, oldest first. */
        final ArrayDeque<Task<?>> waiting = new ArrayDeque<>(2);

        int held() {
            return running.size() + delayed.size() + waiting.size();
        }

        /** The newest step no thread has begun, or null when every step it holds runs. */
        Task<?> newestNotStarted() {
            Task<?> w = waiting.peekLast();
            Task<?> d = delayed.peekLast();
            if (w != null || d != null) {
                return w == null ? d : d == null ? w : w.seq > d.seq ? w : d;
            }
            var handed = running.descendingIterator();
            while (handed.hasNext()) {
                Task<?> t = handed.next();
                if (!t.claimed.get()) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Runs a task after a delay (a test runs it when it chooses). */
    @FunctionalInterface
    public interface Later {
        /** On one timer thread for the whole server ({@link Timer}). */
        Later REAL = (nanos, task) -> Timer.THREAD.schedule(task, nanos, TimeUnit.NANOSECONDS);

        void run(long nanos, Runnable task);
    }

    /**
     * The one thread delayed steps wait on. {@code CompletableFuture.delayedExecutor} was used before,
     * and on two cores (where the common pool has a single thread) it runs every task on a new thread
     * of its own: an independent tester's flood made some 1,800, and those still waiting when the
     * server stopped each printed a stack trace. A delayed step only hands itself to the pool.
     */
    private static final class Timer {
        static final java.util.concurrent.ScheduledExecutorService THREAD =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "losen-text-later");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * One step to run, and where its answer goes. In the pool's queue the step due first goes first ({@link #due}),
     * then the oldest.
     */
    private final class Task<T> implements Runnable, Comparable<Task<?>> {
        final String client;
        final Lane lane;
        final Callable<T> work;
        final Promise<T> done = Promise.promise();
        final Context ctx = Vertx.currentContext();
        /** Arrival order, to find a client's newest step. */
        final long seq;
        /** Taken by the thread that runs the step, or by its displacement; whoever takes it first decides. */
        final AtomicBoolean claimed = new AtomicBoolean();
        /** Its place in the pool's queue, set when it is handed to the pool ({@link #due}). */
        volatile double due;

        Task(String client, Lane lane, Callable<T> work, long seq) {
            this.client = client;
            this.lane = lane;
            this.work = work;
            this.seq = seq;
        }

        @Override
        public int compareTo(Task<?> o) {
            int byDue = Double.compare(due, o.due);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return; // displaced while in the pool's queue: already answered busy
            }
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
                return;
            }
            try {
                ctx.runOnContext(v -> settle(result, failure));
            } catch (RejectedExecutionException stopped) {
                // The caller's event loop has stopped with the server: nobody is there to answer (an independent
                // tester saw this as a stack trace at every shutdown after a flood).
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
    /** Each client's budget of steps; a client unseen for ten minutes is forgotten (its budget is full again by then). */
    private final Cache<String, double[]> budgets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    /**
     * How often each client asks: its steps, refused ones too, counted with a decay of {@link #DEMAND_SECONDS} s
     * ({count, when}); a client unseen for ten minutes is forgotten ({@link #priority}).
     */
    private final Cache<String, double[]> demand = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    /**
     * How much later a step is due in the pool's queue for how often its client has asked lately ({@link #due}): at
     * most {@code LEAD_SECONDS}, half of it at {@code HALF_LEAD_AT} steps (a client asking twice a second).
     */
    static final double LEAD_SECONDS = 5;
    static final double HALF_LEAD_AT = 6;
    /** How long a step counts in its client's demand: its weight halves in about 2 s. */
    static final double DEMAND_SECONDS = 3;
    /**
     * How far a newcomer must stand above a client holding as many steps to take the place of its waiting step
     * in a full pool ({@link #displace}): a step of demand, so that clients asking alike do not displace each
     * other back and forth.
     */
    static final double OUTRANK = 1;
    private final LongSupplier nanos;
    private final Later later;
    /**
     * How a client ranks, in place of how often it has asked lately (null: by that); {@link #priority},
     * {@link #TextWorkers(Limits, String, ToDoubleFunction)}.
     */
    private final ToDoubleFunction<String> rank;
    private int held;
    private long arrivals;

    public TextWorkers(Limits limits) {
        this(limits, "losen-text");
    }

    /** With threads named {@code name-1}, {@code name-2} … */
    public TextWorkers(Limits limits, String name) {
        this(limits, name, null);
    }

    /**
     * As {@link #TextWorkers(Limits, String)}, with clients ranked by {@code rank} (higher first, displaced
     * last: {@link #priority}) instead of by how often they have asked lately. Why: the urgent reader's clients
     * are conversations, ranked by the reads each has left ({@link UrgentReads}). A flood that keeps starting new
     * conversations brings a newcomer with every message; with the whole reader held one read per conversation,
     * the newest read was as often a person's cry as a flood's (an independent tester's person on a flooded
     * shared address: {@code busy} for 17 of 51 cries), while a flood's conversation has just spent its reads.
     * And not by how often it asked: a flood's conversations, whose reads are spent, are refused before they ask
     * the reader, so a person who sent six short messages in half a second had asked it more than any of them,
     * and their cry, ranked below the flood's, was refused ({@code busy}) by the full reader.
     */
    public TextWorkers(Limits limits, String name, ToDoubleFunction<String> rank) {
        this.limits = limits;
        this.rank = rank;
        this.nanos = System::nanoTime;
        this.later = Later.REAL;
        AtomicInteger n = new AtomicInteger();
        // Bounded by `capacity` above: the pool's own queue never holds more than that.
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 60, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor = pool;
    }

    /** For tests: runs on the given executor (a direct one runs steps on the caller's thread). */
    public TextWorkers(Limits limits, Executor executor) {
        this(limits, executor, System::nanoTime, Later.REAL);
    }

    /** For tests: with a clock for the per-client rate, and what runs a step whose turn comes later. */
    public TextWorkers(Limits limits, Executor executor, LongSupplier nanos, Later later) {
        this.limits = limits;
        this.rank = null;
        this.executor = executor;
        this.pool = null;
        this.nanos = nanos;
        this.later = later;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Runs {@code work} for {@code client} on a worker thread, at once or when the client's rate
     * allows; the result comes back on the caller's Vert.x context. Fails at once with {@code busy}
     * when the client's or the pool's share is taken, or later, before it starts, when a client
     * holding fewer steps takes its place in a full pool.
     */
    public <T> Future<T> submit(String client, Callable<T> work) {
        return submit(client, work, withdraw -> { });
    }

    /**
     * As {@link #submit(String, Callable)}; when the step cannot start at once (it waits for its client's rate,
     * up to {@code perClient / ratePerClient} seconds, behind its client's running steps, or in the pool's queue
     * for a thread), {@code whileWaiting} is called at once with a way to take it back before it starts: true,
     * taken back and answered {@code busy} as if refused on arrival (its token given back); false, it has
     * started or was answered already. Why: a person behind an address whose flood has just stopped is let in
     * as the flood's places drain, and their cry then waited for the address's rate, 1.3–1.9 s in an
     * independent tester's runs, where a refused cry is read for danger at once ({@code step.Steps} reads a
     * waiting step the same way, and takes it back when it is danger); and a cry typed right after a few
     * questions of one's own waited behind them, 2–16 s while they waited behind a flood (a second tester).
     */
    public <T> Future<T> submit(String client, Callable<T> work, Consumer<BooleanSupplier> whileWaiting) {
        return submit(client, work, whileWaiting, false);
    }

    /**
     * As {@link #submit(String, Callable, Consumer)}; {@code again}: the same message tried again after it was
     * answered {@code busy} (an SMS waits for a place: {@code Steps}), not counted in how often its client asks
     * ({@link #priority}). Counted, a person's patience ranked them with the flood they waited behind: a phone's
     * question tried again five times in the first seconds of a 300-address flood stood at a flooding address's
     * count, and was displaced each time (7 s).
     */
    public <T> Future<T> submit(String client, Callable<T> work, Consumer<BooleanSupplier> whileWaiting, boolean again) {
        Task<T> task;
        Task<?> displaced = null;
        long wait;
        boolean startNow = false;
        synchronized (this) {
            if (rank == null && !again) {
                asked(client);   // ranked clients (the urgent reader's) go by rank alone: their count is never read
            }
            Lane existing = lanes.get(client);
            int mine = existing == null ? 0 : existing.held();
            if (mine >= limits.perClient()) {
                return busy();
            }
            if (held >= limits.capacity()) {
                displaced = displace(client, mine);
                if (displaced == null) {
                    return busy();
                }
            }
            Lane lane = existing != null ? existing : lanes.computeIfAbsent(client, k -> new Lane());
            held++;
            task = new Task<>(client, lane, work, arrivals++);
            wait = turn(client);
            if (wait > 0) {
                lane.delayed.add(task);
            } else {
                startNow = queueOrRun(task);
            }
        }
        if (displaced != null) {
            if (pool != null && displaced.claimed.get()) {
                pool.remove(displaced); // out of the pool's queue at once, not left there as an empty step
            }
            displaced.complete(null, busyError());
        }
        if (wait > 0) {
            later.run(wait, () -> admitDelayed(task));
            whileWaiting.accept(() -> withdraw(task));
        } else if (!startNow || start(task)) {
            // It waits: behind its own client's steps in its lane, or in the pool's queue while every thread is busy.
            whileWaiting.accept(() -> withdraw(task));
        }
        return task.done.future();
    }

    /** A step whose turn has come runs, or waits in its client's lane while the client's share of threads is busy. */
    private void admitDelayed(Task<?> task) {
        boolean startNow;
        synchronized (this) {
            if (!task.lane.delayed.remove(task)) {
                return; // displaced while it waited: already answered busy
            }
            startNow = queueOrRun(task);
        }
        if (startNow) {
            start(task);
        }
    }

    /**
     * Takes back a step not yet started (waiting for its turn, for its share of the threads, or in the pool's
     * queue for a free one): answered {@code busy}. A step taken out of the pool's queue frees its client's
     * share for the next step waiting in its lane.
     */
    private boolean withdraw(Task<?> task) {
        Task<?> next = null;
        boolean queued = false;
        synchronized (this) {
            Lane lane = task.lane;
            if (!lane.delayed.remove(task) && !lane.waiting.remove(task)) {
                if (!lane.running.contains(task) || !task.claimed.compareAndSet(false, true)) {
                    return false; // running, or answered already
                }
                lane.running.remove(task);
                queued = true;
                next = lane.waiting.poll();
                if (next != null) {
                    lane.running.add(next);
                }
            }
            forget(task);
        }
        if (queued && pool != null) {
            pool.remove(task);
        }
        if (next != null) {
            start(next);
        }
        task.complete(null, busyError());
        return true;
    }

    /**
     * Under the lock: a step taken out of its lane (withdrawn or displaced) that will not run leaves every
     * count, gives its client's token back, and its lane goes when it held nothing else.
     */
    private void forget(Task<?> task) {
        held--;
        double[] b = budgets.getIfPresent(task.client);
        if (b != null) {
            b[0] = Math.min(limits.burstPerClient(), b[0] + 1);
        }
        if (task.lane.held() == 0) {
            lanes.remove(task.client);
        }
    }

    /** Under the lock: the step joins its client's running steps (true: the caller starts it) or waits in its lane. */
    private boolean queueOrRun(Task<?> task) {
        if (task.lane.running.size() >= limits.runningPerClient()) {
            task.lane.waiting.add(task);
            return false;
        }
        task.lane.running.add(task);
        return true;
    }

    /**
     * When the pool is full, a client holding {@code mine} steps may take the place of the newest step not yet
     * started of another client: of a client holding the most, if that is more than {@code mine} (between
     * biggest holders: the lowest {@link #priority}, then the newest step); else of the client whose
     * {@link #priority} is lowest, if it stands at least {@link #OUTRANK} below the newcomer's. Returns the
     * displaced step, taken out of every count (its caller answers it {@code busy}), or null when there is none.
     *
     * <p>Why the second: a flood of many clients each holding one step (300 addresses of one socket, each asking
     * twice a second) holds every place with one each, and a person holding one too, or a conversation whose
     * read for danger already waits, could displace nobody: an independent tester's SMS cry was refused
     * {@code busy} unread while the urgent reader's places were held by the flood's conversations, one read each.
     * By how often each asks, the person stands well above any of them.
     */
    private Task<?> displace(String newcomer, int mine) {
        int most = 0;
        for (Lane lane : lanes.values()) {
            most = Math.max(most, lane.held());
        }
        Task<?> victim = null;
        double lowest = Double.POSITIVE_INFINITY;
        boolean byShare = most > mine;
        for (Lane lane : lanes.values()) {
            Task<?> t = !byShare || lane.held() == most ? lane.newestNotStarted() : null;
            if (t == null) {
                continue;
            }
            double rank = priority(t.client);
            if (victim == null || rank < lowest || rank == lowest && t.seq > victim.seq) {
                victim = t;
                lowest = rank;
            }
        }
        if (victim == null || !byShare && lowest > priority(newcomer) - OUTRANK) {
            return null;
        }
        Lane lane = victim.lane;
        if (!lane.waiting.remove(victim) && !lane.delayed.remove(victim)) {
            if (!victim.claimed.compareAndSet(false, true)) {
                return null; // a thread began it just now
            }
            lane.running.remove(victim);
        }
        forget(victim);
        return victim;
    }

    /** Steps waiting or running now. */
    public synchronized int held() {
        return held;
    }

    /**
     * Takes one step from the client's budget (a token bucket: {tokens, last refill in nanos}) and
     * says how long the step must wait for it: 0 when a token is there; else the budget goes into
     * debt (at most {@code perClient} steps deep, as each waiting step is held) and the step waits
     * until the refill has paid for it. This machine itself has no rate, as it has no budget of new
     * conversations ({@link NewSessions#thisMachine}): the project's search evaluation asks its questions
     * once per mode, 390 for the public files, and from the 301st on each waited half a second (p50
     * 495 ms instead of 18); its share of the threads and of the places still bounds it.
     */
    private long turn(String client) {
        if (ClientNetwork.thisHost(client)) {
            return 0;
        }
        long now = nanos.getAsLong();
        double[] b = budgets.get(client, k -> new double[] {limits.burstPerClient(), now});
        b[0] = Math.min(limits.burstPerClient(), b[0] + (now - (long) b[1]) / 1e9 * limits.ratePerClient());
        b[1] = now;
        b[0] -= 1;
        return b[0] >= 0 ? 0 : (long) Math.ceil(-b[0] / limits.ratePerClient() * 1e9);
    }

    /** What a refused step fails with; {@link UrgentReads} refuses a read beyond a conversation's budget the same way. */
    static <T> Future<T> busy() {
        return Future.failedFuture(busyError());
    }

    private static DialogException busyError() {
        return new DialogException(ErrorCode.BUSY, "too many questions at once; try again in a moment");
    }

    /** Hands a step to the threads; true when it waits in the pool's queue for one (every thread is busy). */
    private boolean start(Task<?> task) {
        synchronized (this) {
            task.due = due(task.client);
        }
        try {
            executor.execute(task);
            return pool != null && pool.getQueue().contains(task);
        } catch (RejectedExecutionException shutDown) {
            if (task.claimed.compareAndSet(false, true)) {
                finished(task);
                task.complete(null, shutDown);
            }
            return false;
        }
    }

    /**
     * Under the lock: when a step of {@code client} handed to the pool now is due to leave its queue, earliest
     * first: now, plus a lead that grows with how often the client has asked lately and never passes
     * {@link #LEAD_SECONDS}; the urgent reader's ranked reads by rank alone. Why not by priority alone: a priority
     * fixed when a step joins the queue let newer steps of clients standing higher pass it for as long as they
     * came; a person's SMS question waited 13 s behind a flood of 300 addresses whose own steps, held back by their
     * sockets' queues, had them look about as light as the person. Now a step is passed by newer ones for 5 s at
     * most, whoever keeps coming, and a person asking every few seconds (a step or two, against six for a client
     * asking twice a second, and far more for a flooding address) still stands about a second or more ahead,
     * about what the queue holds (32 places, some 1.3 s of searches on two cores). The tester's flood and a new
     * phone's question every two seconds: 13 questions answered in 495–881 ms (three {@code busy} in its first
     * five seconds), none waiting 13 s. Tried first, a lead without a bound (half a second, then two, a step):
     * at half a second the person stood hardly ahead of the flood and waited as long as its steps (1–1.7 s for
     * each SMS step); at two, {@code bench/abuse}'s bystander (twice a second) got slow steps in the spread flood
     * (p99 50.4–60.6 ms in three runs, 31.9–33.8 by priority alone, 33.5 with this bound).
     */
    private double due(String client) {
        // Ranked (the urgent reader): by rank alone. Its reads take a millisecond, so none waits long, and a cry
        // must not wait behind the flood's older reads (by time too, a person's cries were refused, busy, as their
        // reads queued behind the flood's).
        if (rank != null) {
            return -priority(client);
        }
        double asked = Math.max(0, -priority(client));
        return nanos.getAsLong() / 1e9 + LEAD_SECONDS * asked / (asked + HALF_LEAD_AT);
    }

    /**
     * Under the lock: how a client ranks, higher first, and, among the clients
     * holding the most, whose waiting step yields last to a newcomer: less how often it has asked lately
     * ({@link #demand}), or its {@link #rank} when given. Why: the queue was first come, first served, and an independent
     * tester's twenty addresses, each within every limit, kept another person's typed question waiting behind
     * some twenty long searches (190–720 ms on two cores); ordered by what each address had left of its budget,
     * a second tester's 300 addresses each asking twice a second (the budget's refill, so each looked as light
     * as the person) tied with the person, whose question, the newest, was the one displaced: busy for 24 of 45.
     * By how often it asks, each of those addresses stands at about 6 and a person typing every few seconds at
     * about 1: the person goes first and is displaced last. The count fades in seconds ({@link #DEMAND_SECONDS}):
     * with ten, a client that had asked twice a second for minutes stood behind a flood's fresh addresses for
     * their first second ({@code bench/abuse}'s bystander: one step of 1.1 s at the spread flood's start). (A cry
     * waiting in the pool's queue is also read for danger at once: {@link #submit(String, Callable, Consumer)}.)
     */
    private double priority(String client) {
        double[] d = demand.getIfPresent(client);
        double by = rank != null ? rank.applyAsDouble(client) : d == null ? 0 : -decayed(d, nanos.getAsLong());
        // In hundredths: two clients that have asked alike are equal (then the older step first), not told apart by
        // the nanoseconds between their steps.
        return Math.round(by * 100) / 100.0;
    }

    /** Under the lock: one more step asked by {@code client}, refused or not. */
    private void asked(String client) {
        long now = nanos.getAsLong();
        double[] d = demand.get(client, k -> new double[] {0, now});
        d[0] = decayed(d, now) + 1;
        d[1] = now;
    }

    /** A client's count of steps ({count, when}) as it stands at {@code now}. */
    private static double decayed(double[] d, long now) {
        return d[0] * Math.exp(-(now - (long) d[1]) / 1e9 / DEMAND_SECONDS);
    }

    /** A task is done: its slot goes to the next in its lane, or back to the pool. */
    private void finished(Task<?> task) {
        Task<?> next;
        synchronized (this) {
            held--;
            task.lane.running.remove(task);
            next = task.lane.waiting.poll();
            if (next != null) {
                task.lane.running.add(next);
            } else if (task.lane.held() == 0) {
                lanes.remove(task.client);
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
