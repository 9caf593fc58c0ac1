package no.losen.bench;

import io.netty.buffer.Unpooled;
import io.netty.channel.*;
import io.netty.handler.codec.http.*;
import io.netty.handler.codec.http.websocketx.*;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.http.impl.Http1xServerRequest;

public final class TakeoverEcho {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setStrictThreadMode(true).setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false);
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            vertx.createHttpServer(options).requestHandler(req -> {
                if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
                    req.response().end("{\"status\":\"UP\"}");
                    return;
                }
                ChannelHandlerContext chctx = ((ConnectionBase) req.connection()).channelHandlerContext();
                Channel ch = chctx.channel();
                HttpRequest nr = req instanceof Http1xServerRequest ? null : null;
                DefaultHttpHeaders h = new DefaultHttpHeaders();
                req.headers().forEach(e -> h.add(e.getKey(), e.getValue()));
                FullHttpRequest full = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, req.uri(), Unpooled.EMPTY_BUFFER, h, EmptyHttpHeaders.INSTANCE);
                WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory("ws://x/ws", null,
                        WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(64 * 1024).allowExtensions(false).build()).newHandshaker(full);
                ChannelPipeline p = ch.pipeline();
                if (System.getProperty("names") != null) System.out.println("before " + p.names());
                p.replace("handler", "losen", new SimpleChannelInboundHandler<Object>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof TextWebSocketFrame t) {
                            ctx.writeAndFlush(new TextWebSocketFrame(t.text()));
                        } else if (msg instanceof PingWebSocketFrame ping) {
                            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                        } else if (msg instanceof CloseWebSocketFrame c) {
                            ctx.writeAndFlush(c.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
                        }
                    }
                });
                hs.handshake(ch, full, null, ch.newPromise()).addListener(f -> {
                    if (System.getProperty("names") != null) System.out.println("after " + p.names());
                });
            }).listen().await();
        }
        System.out.println("echo serving on " + port);
    }
}
