package no.losen.channel.ws;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import no.losen.http.ClientAddress;
import no.losen.http.ConnectionRate;
import no.losen.http.HeldRefusal;
import no.losen.http.OpenConnections;
import no.losen.http.Origins;
import no.losen.http.RefusalLog;
import no.losen.metrics.Metrics;
import no.losen.staff.StaffAuth;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint. Sockets are accepted only on the right path and from an allowed
 * {@code Origin} (a page on another site must not drive a user's session: cross-site WebSocket
 * hijacking), and only while the client's address holds fewer than its share of sockets;
 * everything after that is one {@link Conversation} per socket. A client address gets new
 * sockets at a pace ({@link SocketPace}): a handshake beyond it waits its turn before any
 * handshake work. Behind a trusted proxy, each
 * handshake also takes one from the client's budget of new connections ({@link ConnectionRate};
 * a direct client's connection took it when it was accepted): over it, {@code 429} before any
 * handshake work, so a client looping open-start-drop through the proxy is refused cheaply too.
 *
 * <p>Close codes a client sees: 1000 idle (reconnect and {@code resume} when the user acts),
 * 1002/1007 a broken frame or text that is not UTF-8, 1008 kept sending far over the frame rate,
 * 1009 frame too large, 1012 the server is
 * restarting (reconnect, possibly to another instance, and {@code resume}), 1013 too many
 * sockets, or too many new conversations, from this address (try again later).
 */
public final class WebSocketChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);
    public static final String PATH = "/ws";
    static final short CLOSE_IDLE = 1000;
    static final short CLOSE_TOO_LARGE = 1009;
    static final short CLOSE_RESTART = 1012;
    static final short CLOSE_TRY_LATER = 1013;

    private final Vertx vertx;
    private final StaffAuth staff;
    /** How fast each client address gets new sockets; a handshake beyond it waits its turn. */
    private final SocketPace pace;
    /** The turns of handshakes held by the pace, so a drain answers them at once. */
    private final Set<Promise<Void>> waiting = ConcurrentHashMap.newKeySet();
    private final Origins origins;
    /** Open staff sockets by log-in id, so a log-out closes them. */
    private final Map<String, Set<Conversation>> staffSockets = new ConcurrentHashMap<>();
    private final WsLimits limits;
    private final ClientAddress clientAddress;
    private final ConnectionRate newConnections;
    private final Metrics metrics;
    private final Connections connections;
    private final Conversation.Shared shared;
    /** Refusals are logged once per address and kind a minute, not once per socket or frame. */
    private final RefusalLog refusals = new RefusalLog();
    private volatile boolean draining;
    private final OpenConnections all;
    /** "Talk to a person"; null when not set up. */
    private final Talk talk;

    /**
     * @param steps          the step service every conversation calls
     * @param origins        which pages may open sockets: the server's own and the widget hosts
     * @param clients        who a request's client is (the same answer for every limit)
     * @param newConnections the clients' budget of new connections, shared with {@code http.ConnectionGuard}
     * @param handoff        "Talk to a person" ({@link Talk}): this instance's desk and relay, shared with the SMS
     *                       channel; null (not set up): the {@code talk} and {@code inbox} frames are refused
     */
    public WebSocketChannel(Vertx vertx, Steps steps, StaffAuth staff, Origins origins, WsLimits limits,
                            ClientAddress clients, ConnectionRate newConnections, OpenConnections all, Metrics metrics,
                            no.losen.handoff.Switchboard handoff) {
        this.vertx = vertx;
        this.pace = new SocketPace(limits.newSockets(), Ticker.systemTicker());
        this.newConnections = newConnections;
        this.all = all;
        this.staff = staff;
        this.origins = origins;
        this.limits = limits;
        this.clientAddress = clients;
        this.metrics = metrics;
        this.connections = new Connections(limits.maxPerAddress());
        this.talk = handoff != null ? new Talk(handoff, java.time.Clock.systemUTC(), steps, staff) : null;
        this.shared = new Conversation.Shared(steps, metrics, limits, this::closed, refusals, talk);
        if (talk != null) {
            metrics.gauge("losen.handoff", "people waiting for or talking to a counsellor", () -> talk.desk().size());
        }
        metrics.gauge("losen.connections", "open WebSocket connections", connections::size);
        staff.onLogout(this::loggedOut);
    }

    /** Starts the idle sweep (once per channel); it stops when Vert.x closes. */
    public void sweep() {
        long every = Math.max(250, Math.min(limits.idleTimeout().toMillis() / 4, 30_000));
        vertx.setPeriodic(every, id -> sweep(System.nanoTime()));
        if (talk != null) {
            talk.sweep(vertx);
        }
    }

    /**
     * The server's request handler: WebSocket upgrades for {@code /ws} become conversations,
     * every other request goes on to {@code next}.
     */
    public Handler<HttpServerRequest> before(Handler<HttpServerRequest> next) {
        return req -> {
            if (PATH.equals(req.path()) && Upgrade.requested(req)) {
                upgrade(req);
            } else {
                next.handle(req);
            }
        };
    }

    /** Whether sockets hold their whole share of all connections ({@link OpenConnections#socketShare()}). */
    private boolean socketsFull() {
        return connections.size() >= all.socketShare();
    }

    /** Open sockets now. */
    public int connections() {
        return connections.size();
    }

    private void upgrade(HttpServerRequest req) {
        if (draining) {
            req.response().setStatusCode(503).end();
            return;
        }
        if (!origins.socketAllowed(req)) {
            refusals.refused(clientAddress.of(req.remoteAddress(), req.headers()), "ws.origin",
                    n -> LOG.info("event=ws.rejected reason=origin suppressed={}", n));
            metrics.limit("origin");
            req.response().setStatusCode(403).end();
            return;
        }
        String address = clientAddress.of(req.remoteAddress(), req.headers());
        long wait = pace.waitFor(address);
        if (wait == SocketPace.REFUSED) {
            refusals.refused(address, "ws.new_sockets", n -> LOG.info("event=ws.rejected reason=new_sockets suppressed={}", n));
            metrics.limit("new_sockets");
            HeldRefusal.send(vertx, req, () -> req.response().setStatusCode(429).end());
        } else if (wait > 0) {
            hold(req, address, wait);
        } else {
            admit(req, address);
        }
    }

    /**
     * Holds a handshake until its turn ({@link SocketPace}), or until the server drains (then it is answered
     * {@code 503} at once, not at its turn: 45 held handshakes learnt of a shutdown over 2.2 s, and the shutdown
     * waited for them). A client that leaves before gives its turn back, so handshakes sent and dropped do not keep
     * the address's queue full for the people behind it.
     */
    private void hold(HttpServerRequest req, String address, long waitNanos) {
        Promise<Void> turn = Upgrade.events(req).promise();   // completes in the request's context
        long timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), t -> turn.tryComplete());
        waiting.add(turn);
        turn.future().onComplete(r -> {
            waiting.remove(turn);
            vertx.cancelTimer(timer);
            if (r.succeeded() && !req.response().closed()) {
                admit(req, address);
            }
        });
        Upgrade.channel(req.connection()).ifPresent(ch -> ch.closeFuture().addListener(f -> {
            if (turn.tryFail("gone")) {
                pace.giveBack(address);
            }
        }));
    }

    /** The handshake's turn has come ({@link SocketPace}): the socket is opened, or refused by the caps. */
    private void admit(HttpServerRequest req, String address) {
        if (draining) {
            req.response().setStatusCode(503).end();
            return;
        }
        if (clientAddress.trusted(ClientAddress.peer(req.remoteAddress())) && !newConnections.take(address)) {
            refusals.refused(address, "ws.new_connections",
                    n -> LOG.info("event=ws.rejected reason=new_connections suppressed={}", n));
            metrics.limit("new_connections");
            req.response().setStatusCode(429).putHeader("Retry-After", "1").putHeader("Connection", "close").end();
            return;
        }
        Socket socket = new Socket(Upgrade.events(req), limits);
        String login = staff.login(req).orElse(null);
        Conversation c = new Conversation(socket, shared, login, login != null && staff.staffDialogs(login), address);
        socket.attach(c);
        if (login != null) {
            staffSockets.computeIfAbsent(login, k -> ConcurrentHashMap.newKeySet()).add(c);
        }
        boolean full = socketsFull();
        // At the share, a newcomer holding fewer sockets than the biggest holder takes the place of one of its sockets.
        Conversation displaced = full ? connections.displaceableFor(address).orElse(null) : null;
        boolean admitted = (!full || displaced != null) && connections.admit(address);
        if (admitted) {
            // Counted before the handshake, so a connection that dies during it is counted out again.
            connections.add(c);
        }
        if (!Upgrade.accept(req, socket, 4 * limits.maxFrameChars())) {
            closed(c);
            return;
        }
        if (admitted && displaced != null) {
            metrics.limit("sockets_displaced");
            displaced.idle().onComplete(r -> displaced.close(CLOSE_IDLE, "idle"));
        }
        if (full && displaced == null) {
            metrics.limit("sockets_full");
            socket.close(CLOSE_TRY_LATER, "too many connections; try again later");
        } else if (!admitted) {
            // Closing with a code (not refusing the handshake) because browsers hide a refused handshake's status.
            refusals.refused(address, "ws.per_address",
                    n -> LOG.info("event=ws.refused code=per_address suppressed={}", n));
            metrics.limit("per_address");
            socket.close(CLOSE_TRY_LATER, "too many connections from your network; try again later");
        }
    }

    /** The socket is gone: its slot is free again (its session stays in the store until the TTL). */
    private void closed(Conversation c) {
        connections.remove(c, c.address());
        if (c.login() != null) {
            staffSockets.computeIfPresent(c.login(), (k, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Who ends a logged-out employee's conversations (for the store's log lines: no address). */
    private static final Steps.Caller LOGGED_OUT = new Steps.Caller(Conversation.CHANNEL, "logged-out");

    /**
     * A staff member logged out, or their log-in ended by idleness: their sockets lose staff rights at once,
     * by closing (1008), and their conversations are erased, also those open in another tab
     * ({@link StaffConversations}).
     */
    private void loggedOut(String login) {
        for (String token : shared.owners().loggedOut(login)) {
            shared.steps().end(token, LOGGED_OUT).onFailure(e -> LOG.warn("event=staff.conversation.kept reason={}",
                    e.getClass().getSimpleName()));
        }
        Set<Conversation> open = staffSockets.remove(login);
        if (open != null) {
            LOG.info("event=ws.closed reason=logged_out sockets={}", open.size());
            open.forEach(c -> c.idle().onComplete(r -> c.close(Socket.CLOSE_POLICY, "logged out")));
        }
    }

    /**
     * Closes sockets that sent nothing for the idle timeout; their sessions stay for the session TTL.
     * While sockets hold their whole share of the connections ({@link OpenConnections#socketShare()}),
     * also those that took no step for a fifth of it: with the default ten minutes, two. Pings do not
     * count then (a socket that only pings, every 25 s as the widget does, held its place for ever from
     * hundreds of addresses); a person reading gets their socket back, and the conversation resumed, at
     * their next step. Staff sockets and people waiting for or talking to a counsellor are left alone.
     */
    void sweep(long now) {
        long limit = limits.idleTimeout().toNanos();
        boolean full = socketsFull();
        for (Conversation c : connections.all()) {
            if (now - c.lastActive() > limit || full && !c.withAPerson() && now - c.lastStep() > limit / 5) {
                metrics.limit("idle");
                c.idle().onComplete(r -> c.close(CLOSE_IDLE, "idle"));
            }
        }
    }

    /**
     * Graceful shutdown: refuse new sockets, let every conversation finish the step it is in, then
     * close it with 1012 so the client reconnects (to another instance behind the load balancer)
     * and resumes its session. Completes when all sockets are closed or {@code grace} has passed.
     */
    public Future<Void> drain(Duration grace) {
        draining = true;
        waiting.forEach(Promise::tryComplete);   // their turn now: answered 503
        List<Future<?>> closing = new ArrayList<>();
        for (Conversation c : connections.all()) {
            closing.add(c.idle().transform(r -> c.close(CLOSE_RESTART, "server restarting; reconnect")));
        }
        LOG.info("event=ws.draining connections={}", closing.size());
        return Future.join(closing).timeout(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS)
                .<Void>mapEmpty().otherwiseEmpty();
    }

    /** Lets go of the hand-off relay (its Redis connections), after {@link #drain}. */
    public Future<Void> closeHandoff() {
        return talk == null ? Future.succeededFuture() : talk.close();
    }

    public boolean draining() {
        return draining;
    }
}
