package no.losen.server;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real server on a free port and a real WebSocket client, for end-to-end tests that read
 * top to bottom: send a frame, take the next one. A test that needs its own server opens one in
 * try-with-resources; a class that shares one server among its tests registers a
 * {@link LosenServerExtension} instead.
 */
public class TestServer implements AutoCloseable {

    private Vertx vertx;
    private Losen losen;

    public TestServer(Path content) {
        this(lenient(Config.defaults().withPort(0).withContent(content)));
    }

    public TestServer(Config config) {
        start(config);
    }

    /** Not started yet: {@link LosenServerExtension} starts it before the class's tests. */
    TestServer() {
    }

    /**
     * {@code config} for tests of other things, which open many connections and start many
     * conversations from one address, and from a page on {@code https://allowed.example}; the
     * budgets have tests of their own.
     */
    public static Config lenient(Config config) {
        return config.withAllowedOrigins(List.of("https://allowed.example"))
                .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED)
                .withOps(config.ops().withNewConnections(no.losen.http.ConnectionRate.Limit.UNLIMITED)
                        .withWs(config.ops().ws().withNewSockets(no.losen.channel.ws.SocketPace.Pace.UNLIMITED)));
    }

    /** Starts the server on a Vert.x of its own; a start that fails closes that Vert.x before it throws. */
    final void start(Config config) {
        Vertx v = Vertx.vertx();
        try {
            losen = Losen.start(v, config).await();
        } catch (RuntimeException | Error e) {
            v.close().await();
            throw e;
        }
        vertx = v;
    }

    /** The Vert.x the server runs on; test clients may use it too. */
    public Vertx vertx() {
        return started().vertx;
    }

    public Losen losen() {
        return started().losen;
    }

    private TestServer started() {
        if (losen == null) {
            throw new IllegalStateException("the server is not running (a LosenServerExtension must be on a static field)");
        }
        return this;
    }

    public int port() {
        return losen().port();
    }

    /** Where a browser or HTTP client reaches this server: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public Client connect() {
        return connect(null);
    }

    public Client connect(String origin) {
        return connect(origin, null);
    }

    /**
     * A socket from {@code localAddress} (on Linux any 127.x.y.z is this machine, so a test can be
     * several clients at once); null: the default.
     */
    public Client connect(String origin, String localAddress) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port()).setURI("/ws");
        if (origin != null) {
            o.addHeader("Origin", origin);
        }
        // Handlers go on before the handshake: a socket the server closes at once (1013) must still be seen closing.
        // The Client holds its WebSocketClient: Vert.x closes a client that is garbage collected, and a
        // collection during the handshake closed the connection ("Connection closed while handshake in process").
        io.vertx.core.http.WebSocketClient client = localAddress == null ? vertx().createWebSocketClient()
                : vertx().createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setLocalAddress(localAddress));
        ClientWebSocket ws = client.webSocket();
        Client c = new Client(ws, client);
        ws.connect(o).await();
        return c;
    }

    /** A GET on this server: status code and body. */
    public Response get(String path) {
        return request(io.vertx.core.http.HttpMethod.GET, path, null);
    }

    /**
     * One HTTP request with the JDK client over HTTP/1.1: plain and predictable, where a client on
     * Vert.x threads made these blocking test calls hang now and then.
     */
    public Response request(io.vertx.core.http.HttpMethod method, String path, Buffer body) {
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port() + path))
                .timeout(java.time.Duration.ofSeconds(20))
                .method(method.name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.getBytes()))
                .build();
        try {
            var resp = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            io.vertx.core.MultiMap headers = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
            resp.headers().map().forEach((k, v) -> v.forEach(x -> headers.add(k, x)));
            return new Response(resp.statusCode(), headers, resp.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, io.vertx.core.MultiMap headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    /** Stops the server, then its Vert.x even when the server's close failed; never started: nothing to do. */
    @Override
    public void close() {
        try {
            if (losen != null) {
                losen.close().await();
            }
        } finally {
            if (vertx != null) {
                vertx.close().await();
            }
        }
    }

    /** One connection; frames received are queued so a test takes them in order. */
    public static final class Client implements AutoCloseable {
        public final WebSocket ws;
        private final io.vertx.core.http.WebSocketClient client;
        private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        public volatile Short closeStatus;
        public volatile String closeReason;
        private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

        Client(WebSocket ws, io.vertx.core.http.WebSocketClient client) {
            this.ws = ws;
            this.client = client;
            ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
            ws.closeHandler(v -> {
                closeStatus = ws.closeStatusCode();
                closeReason = ws.closeReason();
                closed.countDown();
            });
        }

        public Client send(String raw) {
            ws.writeTextMessage(raw).await();
            return this;
        }

        public Client send(JsonObject frame) {
            return send(frame.encode());
        }

        public Client sendBinary(byte[] b) {
            ws.writeBinaryMessage(Buffer.buffer(b)).await();
            return this;
        }

        public JsonObject next() {
            try {
                JsonObject f = frames.poll(5, TimeUnit.SECONDS);
                if (f == null) {
                    throw new AssertionError("no frame within 5 s");
                }
                return f;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** The next frame that is not a session frame. */
        public JsonObject nextMessage() {
            JsonObject f = next();
            return f.getString("type").equals("session") ? next() : f;
        }

        /** Waits for the server to close this socket and gives the close code. */
        public short awaitClose(long seconds) {
            try {
                if (!closed.await(seconds, TimeUnit.SECONDS)) {
                    throw new AssertionError("not closed within " + seconds + " s");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return closeStatus == null ? -1 : closeStatus;
        }

        @Override
        public void close() {
            if (!ws.isClosed()) {
                ws.close().await();
            }
            client.close();
        }
    }
}
