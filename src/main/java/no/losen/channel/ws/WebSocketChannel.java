package no.losen.channel.ws;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.net.URI;
import java.util.List;
import no.losen.dialog.Engine;
import no.losen.session.SessionStore;
import no.losen.staff.StaffAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint. Sockets are accepted only on the right path and from an allowed
 * {@code Origin} (a page on another site must not drive a user's session: cross-site WebSocket
 * hijacking); everything after that is one {@link Conversation} per socket.
 */
public final class WebSocketChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);
    public static final String PATH = "/ws";

    private final Engine engine;
    private final SessionStore store;
    private final StaffAuth staff;
    private final List<String> allowedOrigins;
    private final WsLimits limits;

    /**
     * @param allowedOrigins origins allowed to open sockets ({@code https://site.example}); empty means the
     *                       server's own origin only; {@code *} allows any (for development)
     */
    public WebSocketChannel(Engine engine, SessionStore store, StaffAuth staff, List<String> allowedOrigins,
                            WsLimits limits) {
        this.engine = engine;
        this.store = store;
        this.staff = staff;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.limits = limits;
    }

    public void install(HttpServer server) {
        server.webSocketHandshakeHandler(this::handshake).webSocketHandler(this::connected);
    }

    private void handshake(ServerWebSocketHandshake h) {
        if (!PATH.equals(h.path())) {
            h.reject(404);
            return;
        }
        if (!originAllowed(h.headers().get("Origin"), h.headers().get("Host"))) {
            LOG.info("event=ws.rejected reason=origin");
            h.reject(403);
            return;
        }
        h.accept();
    }

    private void connected(ServerWebSocket ws) {
        Conversation c = new Conversation(ws, engine, store, staff.isStaff(ws.headers()), limits);
        ws.textMessageHandler(c::frame);
        ws.binaryMessageHandler(b -> c.frame("\u0000binary"));
        ws.exceptionHandler(e -> {
            // Vert.x drops a message over the transport limit and reports it here as IllegalStateException.
            if (e instanceof IllegalStateException && !ws.isClosed()) {
                LOG.info("event=ws.refused code=too_large");
                ws.close((short) 1009, "message too large");
            } else {
                LOG.debug("event=ws.exception cause={}", e.getClass().getSimpleName());
            }
        });
    }

    boolean originAllowed(String origin, String host) {
        if (origin == null) {
            // Browsers always send Origin; its absence means a non-browser client, which cookies cannot reach.
            return true;
        }
        if (allowedOrigins.contains("*") || allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
