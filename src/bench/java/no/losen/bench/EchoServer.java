package no.losen.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;

/**
 * The yardstick: a bare Vert.x WebSocket server that sends every text frame straight back, with
 * the same transport options as Losen. The load benchmark divides Losen's throughput by this one's.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setStrictThreadMode(true).setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
                .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(64 * 1024);
        // One listener per event loop, as Losen has: the comparison is transport against transport.
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            vertx.createHttpServer(options)
                    .webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
                    .requestHandler(req -> req.response().end("{\"status\":\"UP\"}"))
                    .listen().await();
        }
        System.out.println("echo serving on " + port);
    }
}
