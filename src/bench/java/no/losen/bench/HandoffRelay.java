package no.losen.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.channel.ws.WsLimits;
import no.losen.handoff.HandoffConfig;
import no.losen.handoff.OpeningHours;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import no.losen.session.RedisServer;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;

/**
 * Relay latency of "Talk to a person" across instances: two Losen instances sharing a local
 * redis-server; {@code chats} people on instance A talk to counsellors on instance B; each person
 * sends {@code messages} messages, {@code gap-ms} apart, all at once; the time from a person's
 * send to the counsellor's socket receiving it is measured. Prints one line:
 * {@code chats=200 messages=2000 p50_ms=… p99_ms=… max_ms=…}.
 * Usage: bench/handoff-relay [chats] [messages per chat] [gap-ms]
 */
public final class HandoffRelay {

    private static final String PASSWORD = "correct horse battery";

    public static void main(String[] args) throws Exception {
        int chats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long gapMs = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int counsellors = 4;
        Path tmp = Files.createTempDirectory("losen-handoff-bench");
        Path users = tmp.resolve("users");
        for (int i = 0; i < counsellors; i++) {
            StaffAccounts.put(users, "c" + i, StaffAccounts.hash(PASSWORD.toCharArray(), 4), EnumSet.of(Role.COUNSELLOR));
        }
        try (RedisServer redis = RedisServer.startOrSkip()) {
            HandoffConfig handoff = new HandoffConfig("Bench", OpeningHours.parse("mon-sun 00:00-24:00", "", "Europe/Oslo"),
                    Duration.ofMinutes(10), Duration.ofMinutes(30), List.of("rosa"), 100_000, Duration.ofHours(1));
            Config config = Config.defaults().withPort(0).withContent(Path.of("src/test/resources/content/basic"))
                    .withStaff(users, Duration.ofMinutes(20)).withHandoff(handoff)
                    .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED)
                    .withOps(Operations.DEFAULT.withSessionStore(redis.uri())
                            .withWs(WsLimits.DEFAULT.withMaxPerAddress(10_000).withRate(1000, 1000))
                            .withConnectionsPerAddress(20_000));
            try (TestServer a = new TestServer(config); TestServer b = new TestServer(config)) {
                run(a, b, chats, messages, gapMs, counsellors);
            }
        }
    }

    record Sock(WebSocket ws, java.util.concurrent.BlockingQueue<JsonObject> frames) {
        JsonObject next(String type) throws InterruptedException {
            while (true) {
                JsonObject f = frames.poll(10, TimeUnit.SECONDS);
                if (f == null) {
                    throw new IllegalStateException("no " + type + " frame");
                }
                if (f.getString("type").equals(type)) {
                    return f;
                }
                if ("error".equals(f.getString("type"))) {
                    throw new IllegalStateException("waiting for " + type + ": " + f.encode());
                }
            }
        }
    }

    static Sock open(Vertx vertx, WebSocketClient client, TestServer s, String cookie,
                     java.util.function.Consumer<JsonObject> tap) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(s.port()).setURI("/ws")
                .addHeader("Origin", "http://127.0.0.1:" + s.port());
        if (cookie != null) {
            o.addHeader("Cookie", cookie);
        }
        WebSocket ws = client.connect(o).await();
        java.util.concurrent.BlockingQueue<JsonObject> q = new java.util.concurrent.LinkedBlockingQueue<>();
        ws.textMessageHandler(t -> {
            JsonObject f = new JsonObject(t);
            if (tap != null) {
                tap.accept(f);
            }
            q.add(f);
        });
        return new Sock(ws, q);
    }

    static String login(TestServer s, String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
                        + "/staff/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + s.port())
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + PASSWORD.replace(" ", "+"))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static void run(TestServer a, TestServer b, int chats, int messages, long gapMs, int counsellors) throws Exception {
        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(chats + 100));
        Latencies lat = new Latencies();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(chats * messages);
        java.util.function.Consumer<JsonObject> counsellorTap = f -> {
            if ("inbox.message".equals(f.getString("type"))) {
                Long t0 = sentAt.remove(f.getString("text"));
                if (t0 != null) {
                    lat.record(System.nanoTime() - t0);
                    all.countDown();
                }
            }
        };
        List<Sock> cs = new ArrayList<>();
        for (int i = 0; i < counsellors; i++) {
            Sock c = open(vertx, client, b, login(b, "c" + i), counsellorTap);
            c.ws().writeTextMessage(new JsonObject().put("type", "inbox").encode());
            c.next("inbox.queue");
            cs.add(c);
        }
        List<Sock> people = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            // Each person from an address of their own, as people are: one address may have only
            // Desk.MAX_WAITING_PER_ADDRESS waiting at once.
            WebSocketClient own = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setLocalAddress("127.0." + (10 + i / 250) + "." + (1 + i % 250)));
            Sock p = open(vertx, own, a, null, null);
            p.ws().writeTextMessage("{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"nb\"}");
            p.next("message");
            p.ws().writeTextMessage("{\"type\":\"talk\"}");
            String ticket = null;
            while (ticket == null) {
                JsonObject f = p.next("talk");
                if ("waiting".equals(f.getString("state"))) {
                    ticket = "";
                }
            }
            people.add(p);
        }
        // Every waiting person taken, round robin over the counsellors, each counsellor one accept at a
        // time (as clicks are): a socket may have at most 8 frames waiting for their answers.
        java.util.Set<String> taken = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>();
        while (taken.size() < chats) {
            JsonObject q = cs.get(0).next("inbox.queue");
            for (Object o : q.getJsonArray("waiting")) {
                String ticket = ((JsonObject) o).getString("ticket");
                if (taken.add(ticket)) {
                    todo.add(ticket);
                }
            }
        }
        int k = 0;
        while (!todo.isEmpty()) {
            Sock c = cs.get(k++ % counsellors);
            String ticket = todo.poll();
            c.ws().writeTextMessage(new JsonObject().put("type", "inbox.accept").put("ticket", ticket).encode());
            while (!ticket.equals(c.next("inbox.chat").getString("ticket"))) {
                // a chat given back earlier
            }
        }
        for (Sock p : people) {
            while (!"talking".equals(p.next("talk").getString("state"))) {
                // places moving up before the accept
            }
        }
        long t0 = System.nanoTime();
        for (int m = 0; m < messages; m++) {
            for (int i = 0; i < chats; i++) {
                String text = "p" + i + "m" + m;
                sentAt.put(text, System.nanoTime());
                people.get(i).ws().writeTextMessage(new JsonObject().put("type", "talk.say").put("text", text).encode());
            }
            Thread.sleep(gapMs);
        }
        boolean done = all.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "chats=%d messages=%d delivered=%d instances=2 store=redis p50_ms=%.2f p99_ms=%.2f max_ms=%.2f seconds=%.1f%s%n",
                chats, chats * messages, lat.count(), lat.quantileMillis(0.5), lat.quantileMillis(0.99), lat.maxMillis(), seconds,
                done ? "" : " INCOMPLETE");
        vertx.close().await();
    }
}
