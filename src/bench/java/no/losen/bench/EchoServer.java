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
        listen(Vertx.vertx(), port);
        System.out.println("echo serving on " + port);
    }

    /**
     * Echoes on 127.0.0.1:{@code port} with {@code vertx}, and answers every HTTP request {@code {"status":"UP"}}:
     * the yardstick of the load benchmark, and what the abuse benchmark's attacker is compiled against.
     */
    static void listen(Vertx vertx, int port) {
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
    }
}
