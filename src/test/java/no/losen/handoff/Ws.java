package no.losen.handoff;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.losen.server.TestServer;

/** A socket whose frames a test reads in order, or skipping to the next of one type. */
record Ws(WebSocket ws, BlockingQueue<JsonObject> frames, io.vertx.core.http.WebSocketClient client,
          java.util.concurrent.CompletableFuture<Short> closed) implements AutoCloseable {

    /** Logs {@code name} in to the console of {@code server}; the log-in cookie. */
    static String login(TestServer server, String name, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password.replace(" ", "+"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("log-in of " + name + ": " + r.statusCode());
        }
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** A socket to {@code server} from its own page, with the log-in cookie when given. */
    static Ws open(TestServer server, String cookie) {
        return open(server.vertx(), server, cookie);
    }

    /** A socket from a client on {@code vertx}: one that outlives {@code server} (an instance restart). */
    static Ws open(io.vertx.core.Vertx vertx, TestServer server, String cookie) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port()).setURI("/ws")
                .addHeader("Origin", server.baseUrl());
        if (cookie != null) {
            o.addHeader("Cookie", cookie);
        }
        io.vertx.core.http.WebSocketClient client = vertx.createWebSocketClient();
        WebSocket ws = client.connect(o).await();
        BlockingQueue<JsonObject> q = new LinkedBlockingQueue<>();
        ws.textMessageHandler(t -> q.add(new JsonObject(t)));
        java.util.concurrent.CompletableFuture<Short> closed = new java.util.concurrent.CompletableFuture<>();
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        return new Ws(ws, q, client, closed);
    }

    Ws send(JsonObject f) {
        ws.writeTextMessage(f.encode()).await();
        return this;
    }

    Ws send(String type, Object... fields) {
        JsonObject f = new JsonObject().put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            f.put((String) fields[i], fields[i + 1]);
        }
        return send(f);
    }

    /** The next frame of {@code type} (others before it are skipped). */
    JsonObject next(String type) throws InterruptedException {
        return nextWithin(type, 5);
    }

    /** The next frame of {@code type} within {@code seconds}. */
    JsonObject nextWithin(String type, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            JsonObject f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.getString("type").equals(type)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " frame within " + seconds + " s");
    }

    /** The next queue frame with {@code n} people waiting (a counsellor's other tab may cause others before it). */
    io.vertx.core.json.JsonArray queueOf(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            JsonObject f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.getString("type").equals("inbox.queue") && f.getJsonArray("waiting").size() == n) {
                return f.getJsonArray("waiting");
            }
        }
        throw new AssertionError("no queue of " + n + " within 5 s");
    }

    /** The next frame of any of {@code types}. */
    JsonObject nextOf(String... types) throws InterruptedException {
        java.util.List<String> wanted = java.util.List.of(types);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            JsonObject f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && wanted.contains(f.getString("type"))) {
                return f;
            }
        }
        throw new AssertionError("no " + wanted + " frame within 5 s");
    }

    /** The next talk frame in {@code state}. */
    JsonObject talk(String state) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            JsonObject f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.getString("type").equals("talk") && f.getString("state").equals(state)) {
                return f;
            }
        }
        throw new AssertionError("no talk " + state + " frame within 5 s");
    }

    /** The close code the server closed this socket with, waiting up to {@code seconds}. */
    short closedWith(int seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close().await();
        }
        client.close();
    }
}

