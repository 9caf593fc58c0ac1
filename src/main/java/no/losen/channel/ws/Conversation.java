package no.losen.channel.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Optional;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.session.SessionStore;
import no.losen.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection's conversation. Frames are handled strictly one after another
 * (each waits for the store), so a fast client cannot make two steps race on one session.
 * Nothing the user typed is logged: log lines carry event names, dialog and node ids, codes.
 */
final class Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerWebSocket ws;
    private final Engine engine;
    private final SessionStore store;
    private final boolean staff;
    private final WsLimits limits;
    private final TokenBucket bucket;
    private Future<?> pending = Future.succeededFuture();
    private String token;

    Conversation(ServerWebSocket ws, Engine engine, SessionStore store, boolean staff, WsLimits limits) {
        this.ws = ws;
        this.engine = engine;
        this.store = store;
        this.staff = staff;
        this.limits = limits;
        this.bucket = new TokenBucket(limits.ratePerSecond(), limits.burst(), System::nanoTime);
    }

    void frame(String raw) {
        if (!bucket.tryTake()) {
            error(ErrorCode.RATE_LIMITED, "too many messages; wait a moment");
            return;
        }
        if (raw.length() > limits.maxFrameChars()) {
            error(ErrorCode.TOO_LARGE, "a frame may be at most " + limits.maxFrameChars() + " characters");
            return;
        }
        pending = pending.transform(ignored -> {
            try {
                return handle(raw).recover(this::fail);
            } catch (RuntimeException e) {
                return fail(e);
            }
        });
    }

    private Future<Void> handle(String raw) {
        Frame f = Frame.parse(raw);
        return switch (f.type()) {
            case "ping" -> send(JSON.createObjectNode().put("type", "pong"));
            case "start" -> {
                Engine.Turn t = engine.start(f.dialog(), f.lang(), staff);
                boolean fresh = token == null;
                if (fresh) {
                    token = Tokens.next();
                }
                LOG.info("event=session.start dialog={} lang={}", t.session().dialog(), t.session().lang());
                yield store.put(token, t.session()).compose(v -> fresh ? sendToken() : Future.succeededFuture())
                        .compose(v -> send(t.reply()));
            }
            case "resume" -> {
                String wanted = Tokens.wellFormed(f.token()) ? f.token() : null;
                yield (wanted == null ? Future.succeededFuture(Optional.<Session>empty()) : store.get(wanted))
                        .compose(s -> {
                            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                                    "that session has ended or expired; start again"));
                            if (session.staff() && !staff) {
                                throw new DialogException(ErrorCode.FORBIDDEN, "log in again to continue");
                            }
                            token = wanted;
                            return sendToken().compose(v -> send(engine.current(session)));
                        });
            }
            case "end" -> {
                String old = token;
                token = null;
                LOG.info("event=session.end");
                yield (old == null ? Future.<Void>succeededFuture() : store.remove(old))
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
        return store.get(current).compose(s -> {
            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                    "the session has ended or expired; start again"));
            Engine.Turn t = engine.apply(session, c);
            return store.put(current, t.session()).compose(v -> send(t.reply()));
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
                .put("ttl", store.ttl().toSeconds()));
    }

    private Future<Void> send(Reply r) {
        ObjectNode n = JSON.valueToTree(r);
        n.put("type", "message");
        return send(n);
    }

    private Future<Void> send(ObjectNode n) {
        if (ws.isClosed()) {
            return Future.succeededFuture();
        }
        return ws.writeTextMessage(n.toString());
    }

    private Future<Void> fail(Throwable e) {
        if (e instanceof DialogException d) {
            LOG.info("event=ws.refused code={}", d.code().code());
            return error(d.code(), d.getMessage());
        }
        // The client learns only that it failed; the cause stays in our log, without user text.
        LOG.error("event=ws.fault cause={}", e.getClass().getName(), e);
        return error(ErrorCode.INTERNAL, "something went wrong on our side; try again");
    }

    private Future<Void> error(ErrorCode code, String message) {
        return send(JSON.createObjectNode().put("type", "error").put("code", code.code()).put("message", message));
    }
}
