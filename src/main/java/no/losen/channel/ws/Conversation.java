package no.losen.channel.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.session.StoreUnavailableException;
import no.losen.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection's conversation. Frames are handled strictly one after another
 * (each waits for the store), so a fast client cannot make two steps race on one session.
 * Nothing the user typed is logged: log lines carry event names, dialog and node ids, codes.
 * Kept small on purpose: ten thousand idle sockets each hold one of these.
 */
final class Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter REPLY = JSON.writerFor(Reply.class);
    static final String CHANNEL = "ws";
    private static final Future<?> IDLE = Future.succeededFuture();

    private final Socket ws;
    private final WebSocketChannel ch;
    private final boolean staff;
    private final String address;
    private final TokenBucket bucket;
    /** The last frame's step, read by the idle sweep and a shutdown on other threads. */
    private volatile Future<?> pending = IDLE;
    private String token;
    /** Written on the socket's event loop, read by the idle sweep on another. */
    private volatile long lastActive = System.nanoTime();

    Conversation(Socket ws, WebSocketChannel ch, boolean staff, String address) {
        this.ws = ws;
        this.ch = ch;
        this.staff = staff;
        this.address = address;
        this.bucket = new TokenBucket(ch.limits().ratePerSecond(), ch.limits().burst(), System::nanoTime);
    }

    String address() {
        return address;
    }

    long lastActive() {
        return lastActive;
    }

    void frame(String raw) {
        long t0 = System.nanoTime();
        lastActive = t0;
        ch.metrics().message(CHANNEL);
        if (!bucket.tryTake()) {
            ch.metrics().limit("rate");
            error(ErrorCode.RATE_LIMITED, "too many messages; wait a moment");
            return;
        }
        if (raw.length() > ch.limits().maxFrameChars()) {
            ch.metrics().limit("frame_size");
            error(ErrorCode.TOO_LARGE, "a frame may be at most " + ch.limits().maxFrameChars() + " characters");
            return;
        }
        Future<?> step = pending.transform(ignored -> {
            Future<Void> done;
            try {
                done = handle(raw).recover(this::fail);
            } catch (RuntimeException e) {
                done = fail(e);
            }
            return done.onComplete(r -> ch.metrics().step(CHANNEL, System.nanoTime() - t0));
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
        ch.closed(this);
    }

    /** A message over the transport limit closed the connection. */
    void tooLarge() {
        ch.tooLarge();
    }

    /** A frame that breaks the WebSocket protocol closed the connection (1002, 1007). */
    void protocolError() {
        ch.protocolError();
    }

    private Future<Void> handle(String raw) {
        Frame f = Frame.parse(raw);
        return switch (f.type()) {
            case "ping" -> send(JSON.createObjectNode().put("type", "pong"));
            case "start" -> {
                Engine.Turn t = ch.engine().start(f.dialog(), f.lang(), staff);
                boolean fresh = token == null;
                if (fresh) {
                    if (ch.store().size() >= ch.maxSessions()) {
                        ch.metrics().limit("max_sessions");
                        throw new DialogException(ErrorCode.BUSY, "too many conversations right now; try again in a few minutes");
                    }
                    token = Tokens.next();
                }
                LOG.info("event=session.start dialog={} lang={}", t.session().dialog(), t.session().lang());
                String current = token;
                yield ch.store().put(current, t.session())
                        .compose(v -> fresh ? sendToken() : Future.succeededFuture())
                        .compose(v -> send(t.reply()));
            }
            case "resume" -> {
                String wanted = Tokens.wellFormed(f.token()) ? f.token() : null;
                yield (wanted == null ? Future.succeededFuture(Optional.<Session>empty()) : ch.store().get(wanted))
                        .compose(s -> {
                            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                                    "that session has ended or expired; start again"));
                            if (session.staff() && !staff) {
                                throw new DialogException(ErrorCode.FORBIDDEN, "log in again to continue");
                            }
                            token = wanted;
                            return sendToken().compose(v -> send(ch.engine().current(session)));
                        });
            }
            case "end" -> {
                String old = token;
                token = null;
                LOG.info("event=session.end");
                yield (old == null ? Future.<Void>succeededFuture() : ch.store().remove(old))
                        .compose(v -> send(JSON.createObjectNode().put("type", "ended")));
            }
            default -> step(command(f));
        };
    }

    private Future<Void> step(Command c) {
        if (token == null) {
            throw new DialogException(ErrorCode.NO_SESSION, "start a dialog first");
        }
        String current = token;
        return ch.store().get(current).compose(s -> {
            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                    "the session has ended or expired; start again"));
            Engine.Turn t = ch.engine().apply(session, c);
            return ch.store().put(current, t.session()).compose(v -> send(t.reply()));
        });
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

    private Future<Void> sendToken() {
        return send(JSON.createObjectNode().put("type", "session").put("token", token)
                .put("ttl", ch.store().ttl().toSeconds()));
    }

    private Future<Void> send(Reply r) {
        if (ws.isClosed()) {
            return Future.succeededFuture();   // the socket would drop it; spare the serializing
        }
        // Written straight to text (no tree in between): the reply is an object with fields, so
        // the type goes in front of its first one.
        String body;
        try {
            body = REPLY.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        return ws.send("{\"type\":\"message\"," + body.substring(1));
    }

    private Future<Void> send(ObjectNode n) {
        return ws.send(n.toString());
    }

    private Future<Void> fail(Throwable e) {
        if (e instanceof DialogException d) {
            LOG.info("event=ws.refused code={}", d.code().code());
            return error(d.code(), d.getMessage());
        }
        if (e instanceof StoreUnavailableException) {
            // Already logged once by the store when it went down; one line per frame would flood the log.
            return error(ErrorCode.UNAVAILABLE, "we cannot reach your conversation right now; try again in a minute");
        }
        // The client learns only that it failed; the stack stays in our log, but not the exception's
        // message, which might quote what the user sent.
        Throwable trace = new Throwable(e.getClass().getName());
        trace.setStackTrace(e.getStackTrace());
        LOG.error("event=ws.fault cause={}", e.getClass().getName(), trace);
        return error(ErrorCode.INTERNAL, "something went wrong on our side; try again");
    }

    private Future<Void> error(ErrorCode code, String message) {
        ch.metrics().error(code.code());
        return send(JSON.createObjectNode().put("type", "error").put("code", code.code()).put("message", message));
    }
}
