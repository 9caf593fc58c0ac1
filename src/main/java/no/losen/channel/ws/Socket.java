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
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded WebSocket connection: the last handler of its Netty pipeline, and all a
 * {@link Conversation} sees of the transport (text out, close).
 *
 * <p>It also enforces the frame rate, with back-pressure: every frame but a close (text,
 * binary, ping, pong) takes a token; a socket out of tokens is not read from until a token is
 * back, so a flood costs the server one pause, not an answer per frame. Frames that were already
 * read when the tokens ran out are dropped unanswered; the conversation is told once per pause
 * (one {@code rate_limited} error), the log once per client address a minute. A socket that keeps flooding
 * ({@link #STRIKES} pauses without a calm minute between) is closed with 1008.
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
    /** Pauses a socket may earn in a row; one is forgiven each calm minute. */
    static final int STRIKES = 5;
    static final short CLOSE_POLICY = 1008;

    private final Events context;
    private final TokenBucket bucket;
    /** Made at the first pause only: most sockets never need one. */
    private TokenBucket strikes;
    private boolean paused;
    private Conversation conversation;
    private Handler<String> frames;
    private Channel channel;
    private volatile boolean closing;

    /**
     * @param context delivers every event in the Vert.x context the upgrade request came in on
     * @param limits  the frame rate and burst
     */
    Socket(Events context, WsLimits limits) {
        this.context = context;
        this.bucket = new TokenBucket(limits.ratePerSecond(), limits.burst(), System::nanoTime);
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
            if (!(msg instanceof CloseWebSocketFrame) && msg instanceof WebSocketFrame && !bucket.tryTake()) {
                limited(ctx);
                return;
            }
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

    /** Out of tokens: stop reading until one is back; tell the conversation once per pause; close a persistent flood. */
    private void limited(ChannelHandlerContext ctx) {
        if (paused || closing) {
            return;   // already read before the pause: dropped unanswered
        }
        paused = true;
        ctx.channel().config().setAutoRead(false);
        long wait = Math.max(TimeUnit.MILLISECONDS.toNanos(1), bucket.nanosUntilNext());
        ctx.executor().schedule(() -> resume(ctx), wait, TimeUnit.NANOSECONDS);
        if (strikes == null) {
            strikes = new TokenBucket(1.0 / 60, STRIKES, System::nanoTime);
        }
        if (!strikes.tryTake()) {
            context.emit(conversation, Conversation::flooded);
            close(CLOSE_POLICY, "too many messages");
            return;
        }
        context.emit(conversation, Conversation::limited);
    }

    private void resume(ChannelHandlerContext ctx) {
        paused = false;
        if (!closing) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // A client that does not read its replies stops being read from, so it cannot make us buffer.
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && !paused);
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
