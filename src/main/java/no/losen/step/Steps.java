package no.losen.step;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.internal.Characters;
import no.losen.metrics.Metrics;
import no.losen.session.SessionStore;
import no.losen.session.StoreBusyException;
import no.losen.session.StoreUnavailableException;
import no.losen.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation step for every channel: load the session, apply the engine, save or erase,
 * and turn whatever went wrong into one {@link ErrorCode}. The WebSocket, SMS and the staff
 * console (which runs over the WebSocket) only parse what came in, call this, and render what
 * comes back, so a step behaves the same whichever channel asked, and a fault is mapped in one
 * place: a session store that cannot be reached is {@code unavailable} everywhere, a full
 * worker pool is {@code busy}, and so is a client that has started more new conversations than
 * its budget ({@link NewSessions}) allows, a bug is {@code internal} (logged once, with its stack but not its
 * message, which might quote what the user sent).
 *
 * <p>Typed text may reach a text action that takes long (the handbook search, a model endpoint),
 * so text steps run on the bounded {@link TextWorkers}; choices, back and language switches are
 * a few microseconds of CPU and stay on the caller's event loop.
 *
 * <p>Every future returned here fails only with a {@link DialogException}, whose message is safe
 * to show (it names ids and codes, never user text).
 */
public final class Steps {

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    /**
     * Who asks: the channel (for logs and metrics) and the client, a key for the per-client share
     * of the text workers (the client address for a socket, the phone key for SMS). Never logged.
     */
    public record Caller(String channel, String client) {
    }

    /** A conversation started: the key it is stored under and its first reply. */
    public record Started(String key, Reply reply) {
    }

    private final Engine engine;
    private final SessionStore store;
    private final TextWorkers workers;
    private final long maxSessions;
    private final Metrics metrics;
    private final NewSessions newSessions;
    private final UrgentReads urgentReads = new UrgentReads();
    /**
     * Start and end lines, at most one per client and kind a minute ({@code suppressed=N} on the next):
     * an independent tester's flood that ended and started conversations wrote 6,500 of them a minute.
     * Conversations are still counted every time ({@code losen_sessions}).
     */
    private final no.losen.http.RefusalLog lines = new no.losen.http.RefusalLog();

    /** Without a per-client budget of new conversations (tests of other things). */
    public Steps(Engine engine, SessionStore store, TextWorkers workers, long maxSessions, Metrics metrics) {
        this(engine, store, workers, maxSessions, new NewSessions(NewSessions.Budget.UNLIMITED), metrics);
    }

    /**
     * @param maxSessions new conversations are refused ({@code busy}) while the store holds this many
     * @param newSessions how many new conversations one client may start; beyond it that client
     *                    alone is refused ({@code busy}), so no one can fill the table for everyone
     */
    public Steps(Engine engine, SessionStore store, TextWorkers workers, long maxSessions, NewSessions newSessions,
                 Metrics metrics) {
        this.engine = engine;
        this.store = store;
        this.workers = workers;
        this.maxSessions = maxSessions;
        this.newSessions = newSessions;
        this.metrics = metrics;
    }

    public Engine engine() {
        return engine;
    }

    /** Stops the urgent reader's thread (the text workers are the caller's, who closes them). */
    public void close() {
        urgentReads.close();
    }

    /** How long an idle session is kept. */
    public Duration ttl() {
        return store.ttl();
    }

    /**
     * Whether the store is known to be down: a channel answers {@code unavailable} at once instead
     * of queueing work behind calls that will time out.
     */
    public boolean storeDown() {
        return store.down();
    }

    /**
     * Starts {@code dialog}. With {@code key} null this is a new conversation: refused with
     * {@code busy} when the store is full, else given a fresh key. With a key, the conversation
     * under it starts over in the new dialog.
     */
    public Future<Started> start(String key, Caller caller, String dialog, String lang, boolean staff) {
        try {
            failFast();
            Engine.Turn t = engine.start(dialog, lang, staff);
            lines.refused(caller.client(), "session.start", n -> LOG.info(
                    "event=session.start channel={} dialog={} lang={} suppressed={}", caller.channel(),
                    t.session().dialog(), t.session().lang(), n));
            if (key == null) {
                return fresh(caller, t);
            }
            // Over the conversation only if it is still stored: one ended meanwhile (another socket on the same
            // token) stays ended, and this start is a new conversation with a new key (an independent tester
            // brought an ended token back with a start sent after the end).
            return store.replace(key, t.session()).compose(kept -> kept ? Future.succeededFuture(new Started(key, t.reply()))
                    : fresh(caller, t)).recover(Steps::failed);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** The answer to a step on a conversation that is no longer stored: ended (here or on another socket) or expired. */
    private static DialogException gone() {
        return new DialogException(ErrorCode.NO_SESSION, "the session has ended or expired; start again");
    }

    /**
     * {@code t}'s session stored under a new key, if there is room for one more from {@code caller}: as a
     * started-only session, kept for {@link SessionStore#STARTED_TTL} until its first step, so one that
     * is started and dropped (a flood of them) stops counting against the maximum within minutes.
     */
    private Future<Started> fresh(Caller caller, Engine.Turn t) {
        try {
            requireRoom(caller);
        } catch (RuntimeException e) {
            return failed(e);
        }
        String k = Tokens.next();
        return store.putStarted(k, t.session()).map(v -> new Started(k, t.reply())).recover(Steps::failed);
    }

    /**
     * The conversation under {@code key} as it stands; a staff conversation only for staff, and only if
     * {@code owns} says the caller started it (one employee's log-in never reads another's): to anyone else
     * it is as if ended.
     */
    public Future<Reply> resume(String key, boolean staff, java.util.function.Predicate<String> owns) {
        if (key == null || !Tokens.wellFormed(key)) {
            return Future.failedFuture(notThere());
        }
        if (store.down()) {
            return Future.failedFuture(unavailable());   // at once, while the store is known to be down
        }
        return store.get(key).map(s -> {
            Session session = s.orElseThrow(Steps::notThere);
            if (session.staff() && !staff) {
                throw new DialogException(ErrorCode.FORBIDDEN, "log in again to continue");
            }
            if (session.staff() && !owns.test(key)) {
                throw notThere();
            }
            return engine.current(session);
        }).recover(Steps::failed);
    }

    /** What {@link #resume} answers for a conversation that is not there, or not the caller's to see. */
    private static DialogException notThere() {
        return new DialogException(ErrorCode.NO_SESSION, "that session has ended or expired; start again");
    }

    /**
     * One command against the conversation under {@code key}. Typed text the workers refuse
     * ({@code busy}), or too long to answer ({@code too_long}), is still read for danger now, and then goes
     * to the emergency help ({@link #typed}).
     */
    public Future<Reply> apply(String key, Caller caller, Command c) {
        if (key == null) {
            return Future.failedFuture(new DialogException(ErrorCode.NO_SESSION, "start a dialog first"));
        }
        Function<Optional<Session>, Outcome<Reply>> step = s -> {
            Session session = s.orElseThrow(Steps::gone);
            Engine.Turn t = engine.apply(session, c);
            return Outcome.keep(t.reply(), t.session());
        };
        if (!(c instanceof Command.Type typed)) {
            return run(key, caller, false, step);
        }
        String text = typed.text() == null ? "" : typed.text();
        Function<Optional<Session>, Optional<Outcome<Reply>>> danger = s -> s.flatMap(session -> emergency(session, text))
                .map(t -> Outcome.keep(t.reply(), t.session()));
        try {
            // Before the workers: text that is too long is refused as such, not as busy when the address
            // has questions in flight (an independent tester got busy for each of 17 during a flood).
            Engine.requireLength(text.strip());   // as the engine counts it
        } catch (DialogException e) {
            return tooLong(key, caller, text, danger, e);
        }
        return typed(key, caller, text, step, danger);
    }

    /**
     * Text too long to answer is still read for danger, as a step the workers refused is ({@link #typed}):
     * a cry pasted at the end of a long story gets the emergency help (an independent tester's was cut off
     * and lost); anything else is refused with {@code refusal}, and the widget gives the text back.
     */
    private Future<Reply> tooLong(String key, Caller caller, String text,
                                  Function<Optional<Session>, Optional<Outcome<Reply>>> danger, DialogException refusal) {
        if (store.down()) {
            return Future.failedFuture(unavailable());   // at once, while the store is known to be down
        }
        // Unread (the conversation's reads spent: the same cry pasted again and again) it is busy, not too long:
        // the widget then shows the numbers to call and gives the text back (an independent tester got "too long").
        return store.get(key).compose(s -> {
            s.orElseThrow(Steps::gone);
            return read(key, text, () -> danger.apply(s)).compose(o -> o
                    .map(outcome -> save(key, caller, false, outcome))
                    .orElseGet(() -> Future.failedFuture(refusal)));
        }).recover(Steps::failed);
    }

    /**
     * Erases the conversation under {@code key}. Succeeds only once the store has deleted it: a
     * channel must not tell the user "ended" before that, nor forget the key (a retry must delete it).
     * A conversation this call erased gives the caller's start back ({@link NewSessions#giveBack}).
     */
    public Future<Void> end(String key, Caller caller) {
        lines.refused(caller.client(), "session.end", n -> LOG.info("event=session.end channel={} suppressed={}",
                caller.channel(), n));
        if (key == null) {
            return Future.succeededFuture();
        }
        if (store.down()) {
            return Future.failedFuture(unavailable());   // at once, while the store is known to be down
        }
        return store.remove(key).<Void>map(erased -> {
            if (erased) {
                newSessions.giveBack(caller.channel(), caller.client());
            }
            return null;
        }).recover(Steps::failed);
    }

    /**
     * The general step, for a channel with its own way of reading input (SMS keywords, numbered
     * choices): loads the session under {@code key} (empty if none), lets {@code step} decide,
     * and stores or erases what it says. With {@code text} the step runs on the text workers,
     * because it may reach a text action; a channel's typed message goes through {@link #typed}, which
     * reads it for danger too. A new session (none was stored) is refused with {@code busy} when the store
     * is full.
     */
    public <R> Future<R> run(String key, Caller caller, boolean text, Function<Optional<Session>, Outcome<R>> step) {
        return run(key, caller, text, step, s -> Future.succeededFuture(Optional.empty()), false);
    }

    /**
     * A typed message {@code text}, as {@link #run} on the text workers, for every channel: while the step waits
     * (for its client's rate, behind its client's other steps, or for a thread busy with other clients'), or when
     * the workers refuse it, {@code danger} reads it at once on the urgent reader ({@link UrgentReads}, within the
     * conversation's reads), and what that answers (the emergency help, in the channel's form) is the step's
     * outcome: the step is taken back from the workers. Empty: not danger now, and the step keeps its turn (or
     * stays refused). Why every channel: an SMS cry met a full pool during an independent tester's flood and was
     * answered 503, unread, 2 to 4 times in 6.
     */
    public <R> Future<R> typed(String key, Caller caller, String text, Function<Optional<Session>, Outcome<R>> step,
                               Function<Optional<Session>, Optional<Outcome<R>>> danger) {
        return run(key, caller, true, step, s -> read(key, text, () -> danger.apply(s)).otherwise(e -> Optional.empty()),
                false);
    }

    /**
     * As {@link #typed(String, Caller, String, Function, Function)}, for a channel whose person waits for a message,
     * not at a screen (SMS): a step refused {@code busy} is tried again {@link #FIRST_RETRY} later, then after twice
     * as long each time (at most {@link #LONGEST_RETRY}), until {@code patience} is spent, and only then refused.
     * Why: an independent tester's SMS questions during a flood were answered 503 {@code busy} (3 of 13, in the
     * flood's first seconds), a gateway need not retry a 503, and the person got nothing; a reply some seconds
     * late is an answer. The widget answers {@code busy} at once instead: its person sees it, with the text given
     * back. The message is read for danger once, at the first try whose read happens, so the retries spend none of
     * the conversation's reads once it is read: they stay for a cry.
     */
    public <R> Future<R> typed(String key, Caller caller, String text, Function<Optional<Session>, Outcome<R>> step,
                               Function<Optional<Session>, Optional<Outcome<R>>> danger, Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        AtomicBoolean read = new AtomicBoolean();
        Function<Optional<Session>, Future<Optional<Outcome<R>>>> reading = s -> read(key, text, () -> {
            read.set(true);
            return danger.apply(s);
        }, UrgentReads.LONGEST_WAIT).otherwise(e -> Optional.empty());
        // A try whose read did not happen (the reader full, or its wait too long) is read at the next try.
        Function<Optional<Session>, Future<Optional<Outcome<R>>>> unread = s -> read.get()
                ? Future.succeededFuture(Optional.empty()) : reading.apply(s);
        return run(key, caller, true, step, reading, false)
                .recover(e -> again(key, caller, step, unread, e, until, FIRST_RETRY));
    }

    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    /** {@code step} once more after {@code wait} when {@code refusal} is {@code busy} and there is time; else the refusal. */
    private <R> Future<R> again(String key, Caller caller, Function<Optional<Session>, Outcome<R>> step,
                                Function<Optional<Session>, Future<Optional<Outcome<R>>>> unread,
                                Throwable refusal, long until, Duration wait) {
        if (!(refusal instanceof DialogException d && d.code() == ErrorCode.BUSY)
                || System.nanoTime() + wait.toNanos() > until) {
            return Future.failedFuture(refusal);
        }
        Duration next = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        Promise<R> answer = Promise.promise();
        Runnable retry = () -> run(key, caller, true, step, unread, true)
                .recover(e -> again(key, caller, step, unread, e, until, next)).onComplete(answer);
        Context here = Vertx.currentContext();
        if (here != null) {
            here.owner().setTimer(wait.toMillis(), t -> retry.run());   // back on the caller's event loop
        } else {
            TextWorkers.Later.REAL.run(wait.toNanos(), retry);   // tools, tests
        }
        return answer.future();
    }

    /**
     * Typed {@code text} for the conversation under {@code key} read for danger now, before its turn: the
     * emergency help when it is danger, not stored (the message's own step, in its turn, moves the conversation
     * there). For a channel that takes a connection's or a phone's messages one after another: a message waiting
     * behind the same person's earlier ones is not yet a step anywhere, so nothing else reads it (an independent
     * tester's cry typed right after three quick questions waited 2–16 s behind them during a flood). Empty: not
     * danger, or the conversation's reads are spent, or its store cannot be reached.
     */
    public Future<Optional<Reply>> urgent(String key, String text) {
        return urgent(key, text, s -> s.flatMap(session -> emergency(session, text)).map(Engine.Turn::reply));
    }

    /** As {@link #urgent(String, String)}, with a channel's own reading and rendering ({@code danger}, as in {@link #typed}). */
    public <R> Future<Optional<R>> urgent(String key, String text, Function<Optional<Session>, Optional<R>> danger) {
        if (key == null || store.down() || !urgentReads.left(key, text == null ? 0 : text.length())) {
            return Future.succeededFuture(Optional.empty());
        }
        return store.get(key).compose(s -> read(key, text, () -> danger.apply(s))).otherwise(e -> Optional.empty());
    }

    /**
     * As {@link #run(String, Caller, boolean, Function)}; {@code refused} may still answer a text step the
     * workers refused, or one that waits: that one is read by {@code refused} at once, and taken back from the
     * workers when {@code refused} answers it ({@link TextWorkers#submit(String, Callable, java.util.function.Consumer)});
     * {@code again}: the same message tried again after {@code busy}, not counted as asking once more.
     */
    private <R> Future<R> run(String key, Caller caller, boolean text, Function<Optional<Session>, Outcome<R>> step,
                              Function<Optional<Session>, Future<Optional<Outcome<R>>>> refused, boolean again) {
        if (store.down()) {
            return Future.failedFuture(unavailable());   // at once, while the store is known to be down
        }
        return store.get(key).compose(s -> {
            // read while the step waits; the same read answers it if the workers then refuse it or it is taken back
            AtomicReference<Future<Optional<Outcome<R>>>> early = new AtomicReference<>();
            Future<Outcome<R>> decided = !text ? Future.succeededFuture(step.apply(s))
                    : workers.<Outcome<R>>submit(caller.client(), () -> step.apply(s), withdraw -> {
                        Future<Optional<Outcome<R>>> read = refused.apply(s);
                        early.set(read);
                        read.onSuccess(o -> {
                            if (o.isPresent()) {
                                withdraw.getAsBoolean();
                            }
                        });
                    }, again).recover(e -> {
                        if (!(e instanceof DialogException d && d.code() == ErrorCode.BUSY)) {
                            return Future.failedFuture(e);
                        }
                        metrics.limit("text_workers");
                        Future<Optional<Outcome<R>>> read = early.get() != null ? early.get() : refused.apply(s);
                        return read.compose(o -> o.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(e)));
                    });
            return decided.compose(o -> save(key, caller, s.isEmpty(), o));
        }).recover(Steps::failed);
    }

    /**
     * The emergency help for typed text read as danger now outside its step (waiting, refused, or too long to
     * answer), in session {@code s}: the words of danger in all of it or, when longer than
     * {@link Engine#READ_WHEN_TOO_LONG}, its first and last half of that (0.4–0.7 ms for 1,000 characters once
     * compiled, {@code bench/jmh DangerWordsBench}), then the danger model over its last {@link UrgentReads#READ}
     * and its first (a cry comes last or first in a story). Empty when it is not danger.
     */
    private Optional<Engine.Turn> emergency(Session s, String text) {
        String last = Characters.last(text, UrgentReads.READ);
        String first = Characters.first(text, UrgentReads.READ);   // the same, in a short message
        boolean danger = engine.dangerWord(s, Characters.ends(text, Engine.READ_WHEN_TOO_LONG))
                || engine.urgent(s.dialog(), last, s.lang())
                || !first.equals(last) && engine.urgent(s.dialog(), first, s.lang());
        return danger ? engine.emergency(s, text) : Optional.empty();
    }

    /**
     * {@code read} of typed {@code text} on the urgent reader's thread, never here on an event loop
     * ({@link UrgentReads}), within the conversation's reads; fails with {@code busy} when they are spent.
     */
    private <T> Future<T> read(String key, String text, Callable<T> read) {
        return read(key, text, read, null);
    }

    /** As above, taken back unread after waiting {@code longest} for the reader ({@link UrgentReads#LONGEST_WAIT}). */
    private <T> Future<T> read(String key, String text, Callable<T> read, Duration longest) {
        return urgentReads.read(key, characters(text), read, longest).onFailure(e -> metrics.limit("urgent_reads"));
    }

    private static int characters(String text) {
        return text == null ? 0 : Characters.count(text);
    }

    private <R> Future<R> save(String key, Caller caller, boolean fresh, Outcome<R> o) {
        if (o.erase()) {
            return store.remove(key).map(o.answer());
        }
        if (o.keep() == null) {
            return Future.succeededFuture(o.answer());
        }
        if (fresh) {
            requireRoom(caller);
            return store.put(key, o.keep()).map(o.answer());
        }
        // Only over the session loaded: if it was ended meanwhile (another socket on the same token), it stays ended.
        return store.replace(key, o.keep()).compose(kept -> kept ? Future.succeededFuture(o.answer())
                : Future.failedFuture(gone()));
    }

    private void failFast() {
        if (store.down()) {
            throw unavailable();
        }
    }

    /**
     * Room for one more conversation from {@code caller}: the store is not full, and the caller
     * has a new conversation left in its budget (checked second, so a full store costs no token).
     */
    private void requireRoom(Caller caller) {
        if (store.size() >= maxSessions) {
            metrics.limit("max_sessions");
            throw new DialogException(ErrorCode.BUSY, "too many conversations right now; try again in a few minutes");
        }
        if (!newSessions.take(caller.channel(), caller.client())) {
            metrics.limit("new_sessions");
            throw NewSessions.REFUSED;
        }
    }

    /** What a client is told while the store cannot be reached. */
    public static DialogException unavailable() {
        return failure(new StoreUnavailableException(null));
    }

    private static <T> Future<T> failed(Throwable e) {
        return Future.failedFuture(failure(e));
    }

    /**
     * The one mapping from whatever went wrong in a step to what the client is told. A fault that
     * is not the client's doing or a known outage is logged here, once, with its stack trace but
     * not its message (which might quote input).
     */
    public static DialogException failure(Throwable e) {
        if (e instanceof DialogException d) {
            return d;
        }
        if (e instanceof StoreUnavailableException) {
            // Logged once by the store when it went down; one line per message would flood the log.
            return new DialogException(ErrorCode.UNAVAILABLE, "we cannot reach your conversation right now; try again in a minute");
        }
        if (e instanceof StoreBusyException) {
            return new DialogException(ErrorCode.BUSY, "too many conversations at once; try again in a moment");
        }
        if (e instanceof RejectedExecutionException) {
            return new DialogException(ErrorCode.BUSY, "too many questions at once; try again in a moment");
        }
        Throwable trace = new Throwable(e.getClass().getName());
        trace.setStackTrace(e.getStackTrace());
        LOG.error("event=step.fault cause={}", e.getClass().getName(), trace);
        return new DialogException(ErrorCode.INTERNAL, "something went wrong on our side; try again");
    }
}
