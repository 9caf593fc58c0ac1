package no.losen.channel.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.http.RefusalLog;
import no.losen.metrics.Metrics;
import no.losen.step.NewSessions;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection's conversation: the protocol's adapter over {@link Steps}. It parses a
 * frame, asks the step service, and renders the answer or the error code as a frame; the step
 * itself (load, engine, save, what a failure means) is not here.
 *
 * <p>Frames that touch the session are handled strictly one after another, so a fast client
 * cannot make two steps race on one session; at most {@link #MAX_QUEUED} wait, and more are
 * refused at once ({@code rate_limited}), so a client cannot make the server hold its frames while
 * the store is slow. While the store is known to be down, such frames are answered
 * {@code unavailable} at once. {@code ping} is answered at once, never behind the queue.
 *
 * <p>Nothing the user typed is logged: log lines carry event names and codes. Kept small on
 * purpose: ten thousand idle sockets each hold one of these.
 */
final class Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    private static final ObjectMapper JSON = Wire.JSON;
    static final String CHANNEL = "ws";
    /** Frames waiting for the store at most, per socket; a person waits for an answer before the next tap. */
    static final int MAX_QUEUED = 8;
    private static final Future<?> IDLE = Future.succeededFuture();
    private static final Future<Optional<Reply>> NOT_EARLY = Future.succeededFuture(Optional.empty());

    /**
     * What every conversation of one channel shares (one reference per conversation instead of four).
     *
     * @param gone told when a connection is gone, whoever closed it
     */
    record Shared(Steps steps, Metrics metrics, WsLimits limits, Consumer<Conversation> gone, RefusalLog refusals,
                  Talk talk, StaffConversations owners) {

        Shared(Steps steps, Metrics metrics, WsLimits limits, Consumer<Conversation> gone, RefusalLog refusals, Talk talk) {
            this(steps, metrics, limits, gone, refusals, talk, new StaffConversations());
        }

        Shared(Steps steps, Metrics metrics, WsLimits limits, Consumer<Conversation> gone, RefusalLog refusals) {
            this(steps, metrics, limits, gone, refusals, null);
        }

        Shared(Steps steps, Metrics metrics, WsLimits limits, Consumer<Conversation> gone) {
            this(steps, metrics, limits, gone, new RefusalLog());
        }
    }

    private final Transport ws;
    private final Shared sh;
    /** The staff log-in this socket was opened with (any role); null: anonymous. */
    private final String login;
    /** Whether that log-in may run the staff dialogs (the STAFF role; a counsellor-only log-in may not). */
    private final boolean staffDialogs;
    private final String address;
    /** The last frame's step, read by the idle sweep and a shutdown on other threads. */
    private volatile Future<?> pending = IDLE;
    /** Frames taken and not yet answered; on the socket's event loop only. */
    private int queued;
    private String token;
    /** Written on the socket's event loop, read by the idle sweep on another. */
    private volatile long lastActive = System.nanoTime();
    /**
     * When a step (not a ping, not a refused frame) was last answered: what the idle sweep goes by while
     * sockets hold their whole share of the connections (WebSocketChannel#sweep). A socket that only
     * pings looks like a widget left open, which pings every 25 s, and 16,500 such sockets from 330
     * addresses kept every new conversation out for as long as they pinged (an independent tester).
     */
    private volatile long lastStep = lastActive;
    /** The person's hand-off ticket while waiting or talking to a person ({@link Talk}); null otherwise. */
    volatile String ticket;
    /** The counsellor whose inbox this socket is ({@link Talk}); null otherwise. */
    volatile String counsellor;
    /** The console's language on this inbox socket (nb or en): the dialog's words shown beside the person's. */
    volatile String counsellorLang;

    Conversation(Transport ws, Shared shared, String login, String address) {
        this(ws, shared, login, login != null, address);
    }

    Conversation(Transport ws, Shared shared, String login, boolean staffDialogs, String address) {
        this.ws = ws;
        this.sh = shared;
        this.login = login;
        this.staffDialogs = login != null && staffDialogs;
        this.address = address;
    }

    String address() {
        return address;
    }

    String login() {
        return login;
    }

    long lastActive() {
        return lastActive;
    }

    long lastStep() {
        return lastStep;
    }

    /** Waiting for or talking to a counsellor, or a staff member's socket: never closed early for room. */
    boolean withAPerson() {
        return login != null || ticket != null || counsellor != null;
    }

    /** The session's key, once there is a session. */
    String token() {
        return token;
    }

    void frame(String raw) {
        long t0 = System.nanoTime();
        lastActive = t0;
        sh.metrics().message(CHANNEL);
        if (raw.length() > sh.limits().maxFrameChars()) {
            sh.metrics().limit("frame_size");
            error(ErrorCode.TOO_LARGE, "a frame may be at most " + sh.limits().maxFrameChars() + " characters");
            return;
        }
        Frame f;
        try {
            f = Frame.parse(raw);
        } catch (DialogException e) {
            refuse(e);
            return;
        }
        if (f.type().equals("ping")) {
            send(JSON.createObjectNode().put("type", "pong"));
            return;
        }
        if (sh.steps().storeDown()) {
            refuse(Steps.unavailable());
            return;
        }
        if (queued >= MAX_QUEUED) {
            sh.metrics().limit("queue");
            error(ErrorCode.RATE_LIMITED, "wait for the answers before sending more");
            return;
        }
        queued++;
        // Whichever comes first, the early answer or the frame's turn, answers it.
        AtomicBoolean decided = new AtomicBoolean();
        early(f).onSuccess(r -> r.filter(help -> decided.compareAndSet(false, true)).ifPresent(this::send));
        Future<?> step = pending.transform(ignored -> {
            // Answered already with the emergency help: its step still moves the conversation there and says so
            // again, after the answers that came between, so that what is last on screen is where the conversation
            // is (sent once, the help was followed by ordinary answers whose buttons the server then refused, and
            // the widget ended with 112 out of view: an independent tester); a failure is not said after the help.
            boolean answered = !decided.compareAndSet(false, true);
            Future<Void> done;
            try {
                done = handle(f);
            } catch (RuntimeException e) {
                done = Future.failedFuture(e);
            }
            return done.onSuccess(v -> lastStep = System.nanoTime()).recover(e -> {
                if (!answered) {
                    refuse(Steps.failure(e));
                }
                return Future.succeededFuture();
            }).onComplete(r -> {
                queued--;
                sh.metrics().step(CHANNEL, System.nanoTime() - t0);
            });
        });
        // An idle conversation holds no finished futures: ten thousand of them would be a megabyte and a half.
        if (step.isComplete()) {
            pending = IDLE;
        } else {
            pending = step;
            step.onComplete(r -> {
                if (pending == step) {
                    pending = IDLE;
                }
            });
        }
    }

    /**
     * A typed message behind this socket's own frames still waiting is read for danger at once, and when it is
     * danger the emergency help is sent now, ahead of the answers to the frames before it
     * ({@link Steps#urgent(String, String)}): frames are taken one after another, and a person who types a few
     * questions and then the cry would otherwise wait for all of them (2–16 s behind a flood, an independent
     * tester). Its own turn then moves the conversation to the help and sends it again, last.
     */
    private Future<Optional<Reply>> early(Frame f) {
        if (!"text".equals(f.type()) || token == null || pending.isComplete()) {
            return NOT_EARLY;
        }
        return sh.steps().urgent(token, f.text());
    }

    /** Completes when every frame received so far has been answered (a shutdown waits for this). */
    Future<?> idle() {
        return pending;
    }

    /** Closes from any thread; completes when the connection is gone. */
    Future<Void> close(short code, String reason) {
        return ws.close(code, reason);
    }

    /** The connection is gone, whoever closed it. */
    void closed() {
        if (sh.talk() != null) {
            sh.talk().closed(this);
        }
        sh.gone().accept(this);
    }

    /**
     * The socket ran out of frame tokens and stopped reading for a moment; frames it had read
     * already are dropped. Said once per pause, not once per frame.
     */
    void limited() {
        sh.metrics().limit("rate");
        logRefused("rate_limited");
        error(ErrorCode.RATE_LIMITED, "too many messages; wait a moment");
    }

    /** The socket kept flooding after several pauses and is being closed (1008). */
    void flooded() {
        sh.metrics().limit("flood");
        sh.refusals().refused(address, "ws.flood", n -> LOG.info("event=ws.closed code=1008 reason=flood suppressed={}", n));
    }

    /** A message over the transport limit closed the connection. */
    void tooLarge() {
        logRefused("too_large");
        sh.metrics().limit("frame_size");
        sh.metrics().error("too_large");
    }

    /** A frame that breaks the WebSocket protocol closed the connection (1002, 1007). */
    void protocolError() {
        logRefused("protocol");
        sh.metrics().error("protocol");
    }

    private Future<Void> handle(Frame f) {
        Steps steps = sh.steps();
        boolean staff = staffDialogs;
        Steps.Caller caller = new Steps.Caller(CHANNEL, address);
        return switch (f.type()) {
            case "start" -> steps.start(token, caller, f.dialog(), f.lang(), staff).<Void>map(s -> {
                // a new key also when the conversation under the old one had ended meanwhile
                boolean fresh = !s.key().equals(token);
                token = s.key();
                if (staff) {
                    sh.owners().started(login, token);
                }
                if (fresh) {
                    sendToken();
                }
                send(s.reply());
                return null;
            }).recover(e -> {
                if (token == null && NewSessions.refused(e)) {
                    // Its network is over the budget of new conversations: this socket holds none and
                    // will get none for a while. Say busy, then close it (1013), so a churning client
                    // cannot keep retrying on it and a person's widget reconnects later, backing off.
                    refuse(Steps.failure(e));
                    ws.close(WebSocketChannel.CLOSE_TRY_LATER, "too many new conversations from your network");
                    return Future.<Void>succeededFuture();
                }
                return Future.<Void>failedFuture(e);
            });
            case "resume" -> steps.resume(f.token(), staff, t -> sh.owners().owns(login, t)).map(r -> {
                token = f.token();
                sendToken();
                send(r);
                if (sh.talk() != null) {
                    sh.talk().resumed(this);
                }
                return null;
            });
            case "talk", "talk.say", "talk.leave" -> sh.talk() == null ? notSetUp() : sh.talk().person(this, f);
            case "inbox", "inbox.accept", "inbox.say", "inbox.card", "inbox.back", "inbox.end", "inbox.block", "inbox.note" ->
                    sh.talk() == null ? notSetUp() : sh.talk().counsellor(this, f);
            case "end" -> endTalk().compose(x -> steps.end(token, caller)).map(v -> {
                // Only now: until the store has deleted it, the token stays, so a retry erases it.
                sh.owners().ended(token);
                token = null;
                send(JSON.createObjectNode().put("type", "ended"));
                return null;
            });
            default -> steps.apply(token, caller, command(f)).<Void>map(r -> {
                send(r);
                if (sh.talk() != null && "lang".equals(f.type())) {
                    sh.talk().lang(this, f.lang());   // a counsellor reading along sees the new language
                }
                return null;
            }).recover(e -> {
                if (e instanceof DialogException d && d.code() == ErrorCode.NO_SESSION) {
                    // Gone from the store (expired, or a store restarted empty): the next start is a new
                    // conversation with a new token the client is told, not the old key reused unseen.
                    token = null;
                }
                return Future.failedFuture(e);
            });
        };
    }

    private static Future<Void> notSetUp() {
        return Future.failedFuture(new DialogException(ErrorCode.UNKNOWN_TYPE, "talking to a person is not set up here"));
    }

    /** Quick exit and end also end a wait for a person or a conversation with one. */
    private Future<Void> endTalk() {
        if (sh.talk() != null) {
            sh.talk().ended(token);
        }
        return Future.succeededFuture();
    }

    private static Command command(Frame f) {
        return switch (f.type()) {
            case "choose" -> f.choices() != null ? new Command.Choose(List.copyOf(f.choices()), true)
                    : Command.Choose.one(f.choice());
            case "text" -> new Command.Type(f.text());
            case "back" -> new Command.Back();
            case "restart" -> new Command.Restart();
            default -> new Command.Lang(f.lang());
        };
    }

    private void sendToken() {
        send(JSON.createObjectNode().put("type", "session").put("token", token)
                .put("ttl", sh.steps().ttl().toSeconds()));
    }

    /** A reply to show, from the step of another socket (a counsellor handing back). */
    void sendReply(Reply r) {
        send(r);
    }

    /** Whether the socket is still open (what is sent now reaches the client). */
    boolean connected() {
        return !ws.closed();
    }

    /** A frame made elsewhere ({@link Talk}); safe from any thread. */
    void sendText(String frame) {
        ws.send(frame);
    }

    private void send(Reply r) {
        if (ws.closed()) {
            return;   // the socket would drop it; spare the serializing
        }
        // Whether "Talk to a person" is offered with this message (people only, not staff).
        String offer = sh.talk() == null || login != null ? null : sh.talk().offer(token);
        ws.send(Wire.message(r, offer));
    }

    private void send(ObjectNode n) {
        ws.send(n.toString());
    }

    private void refuse(DialogException d) {
        if (d.code() != ErrorCode.UNAVAILABLE && d.code() != ErrorCode.INTERNAL) {
            // Unavailable is logged once by the store, internal once by the step service.
            logRefused(d.code().code());
        }
        error(d.code(), d.getMessage());
    }

    /**
     * A refusal, logged at most once per client address and code a minute (with how many were
     * left out): a flood of refused frames must not become a flood of log lines.
     */
    private void logRefused(String code) {
        sh.refusals().refused(address, "ws.refused " + code,
                n -> LOG.info("event=ws.refused code={} suppressed={}", code, n));
    }

    private void error(ErrorCode code, String message) {
        sh.metrics().error(code.code());
        send(JSON.createObjectNode().put("type", "error").put("code", code.code()).put("message", message));
    }
}
