package no.losen.channel.ws;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded WebSocket connection: the last handler of its Netty pipeline, and all a
 * {@link Conversation} sees of the transport (text out, close).
 *
 * <p>Why not Vert.x's {@code ServerWebSocket}: it keeps the upgraded HTTP request, response and
 * connection for the socket's life and allocates a 1,024-slot write queue per socket, about
 * 10 KB per idle connection measured with {@code bench/ws-load}; this handler costs about 2 KB.
 * Everything still happens on the socket's Vert.x event loop and inside its Vert.x context, so
 * the conversation code sees the same threading as with Vert.x's own WebSocket.
 */
final class Socket extends ChannelInboundHandlerAdapter implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Socket.class);
    /** How long we wait for the client to answer our close frame before we drop the connection. */
    private static final long CLOSE_WAIT_MS = 2_000;

    private final ContextInternal context;
    private Conversation conversation;
    private Handler<String> frames;
    private Channel channel;
    private volatile boolean closing;

    /** @param context the Vert.x context the upgrade request came in on; every event is delivered in it */
    Socket(ContextInternal context) {
        this.context = context;
    }

    /** Set once, before the handshake: the conversation that gets this socket's messages and events. */
    void attach(Conversation c) {
        this.conversation = c;
        this.frames = c::frame;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public boolean closed() {
        return closing || channel == null || !channel.isActive();
    }

    /** Queues a text message; order is kept, and a closed socket drops it (the session stays in the store). */
    @Override
    public void send(String message) {
        if (!closed()) {
            channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), message)),
                    channel.voidPromise());
        }
    }

    /** Sends a close frame from any thread; completes when the connection is gone. */
    @Override
    public Future<Void> close(short code, String reason) {
        Promise<Void> done = context.promise();
        if (channel == null || !channel.isActive()) {
            done.complete();
            return done.future();
        }
        channel.closeFuture().addListener(f -> done.tryComplete());
        if (!closing) {
            closing = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f ->
                    channel.eventLoop().schedule(() -> channel.close(), CLOSE_WAIT_MS, TimeUnit.MILLISECONDS));
        }
        return done.future();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame t) {
                if (!closing) {
                    context.emit(t.text(), frames);
                }
            } else if (msg instanceof BinaryWebSocketFrame) {
                if (!closing) {
                    // The protocol is text; the conversation answers this with its bad-frame error.
                    context.emit("\u0000binary", frames);
                }
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame c) {
                if (closing) {
                    ctx.close();
                } else {
                    closing = true;
                    ctx.writeAndFlush(new CloseWebSocketFrame(c.statusCode() < 0 ? 1000 : c.statusCode(), ""))
                            .addListener(ChannelFutureListener.CLOSE);
                }
            }
            // Anything else (the upgrade request's empty last part, a pong) needs no answer.
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that does not read its replies stops being read from, so it cannot make us buffer.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        context.emit(conversation, Conversation::closed);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException c
                && c.closeStatus() != null && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            // Netty's decoder has already sent 1009 and is closing the connection.
            closing = true;
            conversation.tooLarge();
        } else if (cause instanceof TooLongFrameException) {
            // A message in fragments over the limit: the aggregator refuses it, we close.
            conversation.tooLarge();
            close(WebSocketChannel.CLOSE_TOO_LARGE, "message too large");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            // A broken frame or bad UTF-8: Netty has sent 1002 or 1007; we count it and let go.
            closing = true;
            conversation.protocolError();
            ctx.close();
        } else {
            // Typically a connection reset by the peer: nothing to answer, nobody to tell.
            LOG.debug("event=ws.exception cause={}", cause.getClass().getSimpleName());
            ctx.close();
        }
    }
}
