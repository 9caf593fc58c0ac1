package no.losen.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import no.losen.metrics.Metrics;

/**
 * What every TCP connection must respect before it is anything else (an HTTP request, a
 * WebSocket): one client address holds at most so many connections at once, all clients together
 * at most the cap of {@link OpenConnections}, an address opens new ones only within its budget
 * ({@link ConnectionRate}), and a request (request line, headers and body) must be complete within
 * a deadline from its first byte (the first request, from the connection's opening); answers not
 * yet read are bounded per connection ({@link Unanswered}) and together ({@link UnsentAnswers}).
 * Without the deadline, a client that
 * sends one header line every few seconds (slowloris) resets the idle timeout for ever; 1,490
 * such connections from one address once exhausted the server's file handles. Without the cap,
 * one address could open as many as the operating system allows. Without the budget, a client
 * opening and dropping connections in a loop makes the server parse a request, and for
 * {@code /ws} complete a handshake, thousands of times a second.
 *
 * <p>A connection over the budget is refused before its first byte is parsed: what it sends is
 * read and dropped, and after {@link #REFUSAL_HOLD} it is answered {@code 429} with
 * {@code Retry-After} and closed. The hold is what makes the refusal cheap for us and slow for
 * the client: a refusal at once sent a looping client straight back for another (a tight
 * connect loop costs the server an accept and a connection object each time), while a held one
 * costs a timer and a file handle, and those are bounded by the cap on connections held.
 *
 * <p>Connections from a trusted proxy are not counted per address (every client comes through it;
 * the proxy must enforce its own limit). It watches the bytes before Vert.x's HTTP decoder does,
 * so it needs the connection's Netty channel, which Vert.x's public API does not give: the server
 * hands it {@code channel.ws.Upgrade::channel}, the one place that reaches below that API.
 */
public final class ConnectionGuard {

    /** How long a connection over the budget is held (its bytes dropped unparsed) before its 429. */
    static final Duration REFUSAL_HOLD = Duration.ofSeconds(1);
    private static final byte[] TOO_MANY = ("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\n"
            + "Content-Length: 0\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final long headTimeoutNanos;
    private final ClientAddress clients;
    private final Metrics metrics;
    private final AddressCount open;
    private final OpenConnections all;
    private final UnsentAnswers unsent;
    private final ConnectionRate opened;
    private final Function<HttpConnection, Optional<Channel>> channels;

    /**
     * @param perAddress connections one address may hold at once
     * @param all        every connection held, against the cap below the file-handle limit
     * @param unsent     the bytes of answers not yet on their sockets, against their budget
     * @param opened     how fast one address may open new ones
     * @param channels   the Netty channel under a connection, when there is one to watch
     */
    public ConnectionGuard(Duration headTimeout, int perAddress, OpenConnections all, UnsentAnswers unsent,
            ConnectionRate opened, ClientAddress clients, Metrics metrics,
            Function<HttpConnection, Optional<Channel>> channels) {
        this.channels = channels;
        this.all = all;
        this.unsent = unsent;
        this.opened = opened;
        this.headTimeoutNanos = headTimeout.toNanos();
        this.open = new AddressCount(perAddress);
        this.clients = clients;
        this.metrics = metrics;
    }

    /**
     * For {@code HttpServer.connectionHandler}: counts the connection (or closes it), takes it from
     * its address's budget (or refuses it) and watches its request heads.
     */
    public void accept(HttpConnection conn) {
        Channel channel = channels.apply(conn).orElse(null);
        if (channel == null) {
            return;
        }
        String peer = ClientAddress.peer(conn.remoteAddress());
        if (!clients.trusted(peer)) {
            if (!open.admit(peer)) {
                metrics.limit("http_per_address");
                channel.close();
                return;
            }
            channel.closeFuture().addListener(f -> open.release(peer));
        }
        OpenConnections.Held held = all.admit(channel);
        if (held == null) {
            metrics.limit("connections_full");
            channel.close();
            return;
        }
        if (!clients.trusted(peer) && !opened.take(peer)) {
            metrics.limit("new_connections");
            refuse(channel);
            return;
        }
        ChannelPipeline p = channel.pipeline();
        ChannelHandlerContext decoder = p.context(HttpServerCodec.class);
        if (decoder == null) {
            decoder = p.context(HttpRequestDecoder.class);
        }
        if (decoder == null) {
            return;   // not HTTP/1.x: nothing to watch
        }
        HeadDeadline d = new HeadDeadline(held);
        p.addFirst("head-bytes", d.bytes);
        p.addAfter(decoder.name(), "head-end", d.heads);
        // Where it sees the answers before they are encoded: after the encoder (outbound runs towards the head).
        ChannelHandlerContext encoder = p.context(HttpResponseEncoder.class);
        p.addAfter(encoder != null ? encoder.name() : "head-end", "unanswered", new Unanswered(d, unsent.open(channel)));
        // The first request is due within the deadline of the connection's opening: a connection that never
        // asks anything held a file handle for the idle minute.
        d.start(p.context(d.bytes));
    }

    /**
     * Drops what the connection sends, unparsed (Vert.x never sees a request), and after the hold
     * answers 429 and closes. The connection stays counted against its address while held, so a
     * client cannot hold more refused connections than its cap.
     */
    private void refuse(Channel channel) {
        ChannelPipeline p = channel.pipeline();
        p.addFirst("refused", new Discard());
        channel.eventLoop().schedule(() -> {
            if (!channel.isActive()) {
                return;
            }
            if (p.get(SslHandler.class) != null) {
                channel.close();   // an answer would have to be encrypted: just close
                return;
            }
            // From the first handler's context the bytes go straight to the socket, past the HTTP encoder.
            p.firstContext().writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY)).addListener(f -> channel.close());
        }, REFUSAL_HOLD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Reads a refused connection's bytes and lets them go, so nothing behind it parses them. */
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Connections open now from {@code address} (for tests). */
    int open(String address) {
        return open.of(address);
    }

    /** Whether a handler is one of the guard's (a WebSocket upgrade removes them: frames are not request heads). */
    public static boolean owns(ChannelHandler h) {
        return h instanceof Watch || h instanceof Unanswered;
    }

    /** Requests a connection may have read but not yet answered onto its socket ({@link Unanswered}). */
    public static final int MAX_UNANSWERED = 8;

    /**
     * Counts the requests a connection has sent whose answers have not yet gone out onto its socket, and
     * closes the connection when there are more than {@link #MAX_UNANSWERED}. A client that pipelines
     * requests and never reads the answers made the server hold every answer in its buffers: one
     * connection sending 15,000 requests for the widget's script in a tenth of a second took the server
     * from 0.5 to 2.3 GB and stalled an event loop waiting for memory, twenty stalled both (an independent
     * tester). Browsers do not pipeline; a client that does, and reads, never has more than a few waiting.
     */
    private final class Unanswered extends ChannelDuplexHandler {
        private final HeadDeadline reading;
        private final UnsentAnswers.Connection share;
        private int waiting;
        private boolean closing;

        Unanswered(HeadDeadline reading, UnsentAnswers.Connection share) {
            this.reading = reading;
            this.share = share;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closing) {
                ReferenceCountUtil.release(msg);   // the rest of what was read with the request that closed it
                return;
            }
            if (msg instanceof HttpRequest && (++waiting > MAX_UNANSWERED || waiting > 1 && !ctx.channel().isWritable())) {
                // Also closed before it is read: a next request while an earlier answer cannot leave (the client is
                // not reading) would only add one more answer to hold. 12,000 connections from 120 addresses, each
                // sending eight and reading none, took the heap from 190 to 680 MB and a bystander's step to 13 s;
                // closed here, 210 MB and 4 s.
                ReferenceCountUtil.release(msg);
                close(ctx, "unanswered");
                return;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            int bytes = msg instanceof HttpContent c ? c.content().readableBytes() : 0;
            if (bytes > 0 && !share.take(bytes)) {
                // The budget of unsent answers is spent, even after the stalled connections went: this
                // request is shed, not the process (UnsentAnswers).
                ReferenceCountUtil.release(msg);
                promise.tryFailure(new ClosedChannelException());
                close(ctx, "unsent_answers");
                return;
            }
            boolean last = msg instanceof LastHttpContent;
            if (bytes == 0 && !last) {
                ctx.write(msg, promise);
                return;
            }
            ChannelPromise p = promise.unvoid();
            p.addListener(f -> {
                if (bytes > 0) {
                    share.sent(bytes);
                }
                if (last) {
                    // answered once the last of it is on the socket (a 100 Continue is answered too: never below zero)
                    waiting = Math.max(0, waiting - 1);
                    if (waiting == 0 && !reading.inRequest) {
                        reading.held.idle();
                    }
                }
            });
            ctx.write(msg, p);
            if (last && waiting > 1 && !ctx.channel().isWritable()) {
                // More answers to come while this one cannot even leave: the client is not reading. Closed, so
                // a connection holds about one answer, not eight: 5,000 connections each at eight unread
                // answers of the widget's script filled the server's network memory and hung it for good.
                close(ctx, "unanswered");
            }
        }

        /** Closes the connection for breaking {@code limit}, counted; what it sent after is dropped unread. */
        private void close(ChannelHandlerContext ctx, String limit) {
            metrics.limit(limit);
            closing = true;
            ctx.channel().close();
        }
    }

    /** Marks the guard's handlers. */
    private abstract static class Watch extends ChannelInboundHandlerAdapter {
    }

    /**
     * One connection's deadline: started when it opens and by the first byte of each later request (seen
     * before the decoder), cancelled when the decoder has the whole request, head and body. Between requests
     * the idle timeout applies, not this; a request's first byte also marks the connection busy for the cap
     * on all connections ({@link OpenConnections}), until its answer is out. The body is inside the deadline
     * because a body sent a byte a second resets the idle timeout for ever: 100 log-in posts of 60,000
     * announced bytes were all still open after a minute (an independent tester). Our bodies are a few
     * kilobytes at most.
     */
    private final class HeadDeadline {
        final OpenConnections.Held held;
        private ScheduledFuture<?> timer;
        private boolean inRequest;

        HeadDeadline(OpenConnections.Held held) {
            this.held = held;
        }

        final Watch bytes = new Watch() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf b && b.isReadable()) {
                    held.busy();
                    if (!inRequest && timer == null) {
                        start(ctx);
                    }
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void handlerRemoved(ChannelHandlerContext ctx) {
                cancel();
                held.upgraded();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };

        final Watch heads = new Watch() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest r) {
                    inRequest = true;
                    if (r.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                        // RFC 9112 §6.1: a request with both Content-Length and Transfer-Encoding must be
                        // answered and the connection closed, or bytes after it are served as a request of
                        // their own (smuggling behind a proxy that framed by the length). The decoder has
                        // already dropped the length beside "chunked", and frames "identity" or an unknown
                        // coding as no body at all; so every request with a Transfer-Encoding closes after
                        // its answer (an independent tester's variants). Our clients send bodies with a length.
                        HttpUtil.setKeepAlive(r, false);
                    }
                }
                if (msg instanceof LastHttpContent) {
                    cancel();
                    inRequest = false;
                }
                ctx.fireChannelRead(msg);
            }
        };

        void start(ChannelHandlerContext ctx) {
            timer = ctx.executor().schedule(() -> expired(ctx), headTimeoutNanos, TimeUnit.NANOSECONDS);
        }

        private void expired(ChannelHandlerContext ctx) {
            timer = null;
            metrics.limit("head_timeout");
            ctx.channel().close();
        }

        private void cancel() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
