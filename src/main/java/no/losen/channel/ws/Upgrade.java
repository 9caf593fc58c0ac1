package no.losen.channel.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContentDecoder;
import io.netty.handler.codec.http.HttpContentEncoder;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.http.ConnectionGuard;

/**
 * Takes a WebSocket upgrade request over from Vert.x's HTTP server and hands the connection to a
 * {@link Socket}. Vert.x parsed the request and chose the event loop; from the handshake on, the
 * connection's Netty pipeline is ours: Netty's frame codec, a UTF-8 check, fragment assembly up to
 * the transport limit, and the socket. This is the one place that reaches below Vert.x's public
 * API: the connection's Netty channel (here, and for {@code http.ConnectionGuard} through
 * {@link #channel}), and the request's context, in which a socket delivers its events
 * ({@link #events}). It does what Vert.x itself does when it upgrades; a Vert.x upgrade re-checks
 * this class alone ({@code LimitsTest} and the WebSocket tests fail first).
 */
public final class Upgrade {

    /** The name under which Vert.x's HTTP/1 server keeps its connection handler in the pipeline. */
    private static final String VERTX_HANDLER = "handler";

    private Upgrade() {
    }

    /** The Netty channel under a Vert.x HTTP connection, or empty for a kind Vert.x may add (then nothing is watched). */
    public static java.util.Optional<Channel> channel(HttpConnection conn) {
        return conn instanceof ConnectionBase base ? java.util.Optional.of(base.channel()) : java.util.Optional.empty();
    }

    /** Delivers a socket's events in the Vert.x context the upgrade request came in on, as Vert.x's own WebSocket does. */
    static Events events(HttpServerRequest req) {
        ContextInternal context = ((HttpServerRequestInternal) req).context();
        return new Events() {
            @Override
            public <T> void emit(T event, Handler<T> handler) {
                context.emit(event, handler);
            }

            @Override
            public <T> Promise<T> promise() {
                return context.promise();
            }
        };
    }

    /** Whether the request asks to become a WebSocket (GET with {@code Upgrade: websocket}). */
    static boolean requested(HttpServerRequest req) {
        return req.method() == io.vertx.core.http.HttpMethod.GET && "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
    }

    /**
     * Completes the handshake and moves the connection to {@code socket}. A request that is no valid
     * handshake is answered (400, or 426 with the one version every browser speaks, 13) and false returned.
     *
     * @param maxMessageBytes a frame, or a message in fragments, over this closes the socket with 1009
     */
    static boolean accept(HttpServerRequest req, Socket socket, int maxMessageBytes) {
        if (!(req.connection() instanceof ConnectionBase conn) || req.version() != HttpVersion.HTTP_1_1
                || req.getHeader("Sec-WebSocket-Key") == null) {
            req.response().setStatusCode(400).end();
            return false;
        }
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        for (Map.Entry<String, String> h : req.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        FullHttpRequest handshake = new DefaultFullHttpRequest(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpMethod.GET, req.uri(), Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE);
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxMessageBytes).allowExtensions(false).build();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + req.authority() + req.path(), null, config).newHandshaker(handshake);
        if (handshaker == null || handshaker.version() != WebSocketVersion.V13) {
            req.response().setStatusCode(426).putHeader("Sec-WebSocket-Version", "13").end();
            return false;
        }
        Channel channel = conn.channel();
        ChannelPipeline p = channel.pipeline();
        // HTTP compression, file streaming, WebSocket extensions, the HTTP idle timeout and the request-head deadline do not apply
        // to this connection any more (a socket has its own idle limit, WsLimits.idleTimeout).
        List<ChannelHandler> http = new ArrayList<>();
        p.forEach(e -> {
            if (e.getValue() instanceof HttpContentEncoder || e.getValue() instanceof HttpContentDecoder
                    || e.getValue() instanceof WebSocketServerExtensionHandler || e.getValue() instanceof ChunkedWriteHandler
                    || e.getValue() instanceof IdleStateHandler || ConnectionGuard.owns(e.getValue())) {
                http.add(e.getValue());
            }
        });
        http.forEach(p::remove);
        p.replace(VERTX_HANDLER, "socket", socket);
        p.addBefore("socket", "fragments", new WebSocketFrameAggregator(maxMessageBytes));
        p.addBefore("fragments", "utf8", new Utf8FrameValidator());
        // Netty writes the 101 response and swaps the HTTP codec for the WebSocket one.
        handshaker.handshake(channel, handshake);
        // Netty puts the frame encoder where Vert.x's HTTP encoder was, behind the decoder; a close
        // frame the decoder sends on a protocol violation (1002, 1009) would miss it and never leave.
        p.remove(WebSocketFrameEncoder.class);
        p.addBefore(p.context(WebSocketFrameDecoder.class).name(), "frame-encoder", new WebSocket13FrameEncoder(false));
        return true;
    }
}
