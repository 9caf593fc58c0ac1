package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.http.ConnectionGuard;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every limit breached gets a code, is counted, and leaves other users untouched. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LimitsTest {

    static final String START = "{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}";

    static TestServer server(Config c) {
        return new TestServer(c.withPort(0).withContent(Fixtures.BASIC));
    }

    static Config with(WsLimits l) {
        return Config.defaults().withOps(Operations.DEFAULT.withWs(l));
    }

    @Test
    void aFloodingClientIsRateLimitedWhileAnotherUserGoesOnUntouched() {
        try (TestServer s = server(with(WsLimits.DEFAULT.withRate(5, 10)));
             var flood = s.connect(); var calm = s.connect()) {
            calm.send(START).nextMessage();
            flood.send(START).nextMessage();
            for (int i = 0; i < 30; i++) {
                flood.ws.writeTextMessage("{\"type\":\"ping\"}");
            }
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                JsonObject f = flood.next();
                codes.add(f.getString("type").equals("error") ? f.getString("code") : f.getString("type"));
            }
            // The burst (less the start's token) is answered; then one error, not one per frame (the socket pauses reading).
            assertThat(codes).containsOnly("rate_limited", "pong").containsOnlyOnce("rate_limited");
            assertThat(calm.send("{\"type\":\"choose\",\"choice\":\"adult\"}").next().getString("node")).isEqualTo("health");
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"rate\"}")
                    .contains("losen_errors_total{code=\"rate_limited\"}");
        }
    }

    @Test
    void oneAddressMayHoldOnlySoManySocketsAndGetsItsSlotBackOnClose() {
        try (TestServer s = server(with(WsLimits.DEFAULT.withMaxPerAddress(2)))) {
            var a = s.connect();
            var b = s.connect();
            var c = s.connect();
            assertThat(c.awaitClose(5)).isEqualTo((short) 1013);
            assertThat(a.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
            a.close();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (s.losen().connections() > 1 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            var d = s.connect();
            assertThat(d.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"per_address\"}");
            b.close();
            d.close();
        }
    }

    @Test
    void atTheirShareOfAllConnectionsNewSocketsAreTurnedAwayAndPlainHttpIsStillAnswered() throws Exception {
        // A cap of 10 connections: sockets may hold 9; the tenth stays for health checks, pages and webhooks.
        Config c = Config.defaults().withOps(Operations.DEFAULT.withMaxConnections(10));
        try (TestServer s = server(c)) {
            List<TestServer.Client> held = new ArrayList<>();
            try {
                for (int i = 0; i < 9; i++) {
                    held.add(s.connect());
                }
                var late = s.connect();
                assertThat(late.awaitClose(5)).isEqualTo((short) 1013);
                late.close();
                assertThat(getWithin(s, "/health/live", 5).status()).as("the last tenth stays for plain HTTP").isEqualTo(200);
                assertThat(held.get(0).send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
                // (the health check's connection, kept alive, makes room for this one once idle a second)
                assertThat(getWithin(s, "/metrics", 5).body()).contains("losen_limits_total{limit=\"sockets_full\"}");
            } finally {
                held.forEach(TestServer.Client::close);
            }
        }
    }

    @Test
    void atTheirShareANewcomerHoldingFewerSocketsTakesThePlaceOfTheBiggestHoldersStalestSocket() throws Exception {
        // Sockets that keep stepping from a few addresses once held every place (an independent tester: 20 addresses,
        // a step every 30 s each); the two-minute no-step rule never closed them, and every new person got 1013.
        Config c = Config.defaults().withOps(Operations.DEFAULT.withMaxConnections(10));
        try (TestServer s = server(c)) {
            List<TestServer.Client> held = new ArrayList<>();
            try {
                for (int i = 0; i < 9; i++) {
                    TestServer.Client h = s.connect(null, "127.0.0.5");
                    h.send(START);
                    h.next();
                    h.next();
                    held.add(h);
                }
                TestServer.Client person = s.connect(null, "127.0.0.2");
                person.send(START);
                assertThat(person.next().getString("type")).as("the newcomer gets a conversation").isEqualTo("session");
                assertThat(held.get(0).awaitClose(5)).as("the stalest socket of the biggest holder").isEqualTo((short) 1000);
                for (TestServer.Client other : held.subList(1, 9)) {
                    assertThat(other.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
                }
                TestServer.Client again = s.connect(null, "127.0.0.5");
                assertThat(again.awaitClose(5)).as("the biggest holder gets no place back from itself").isEqualTo((short) 1013);
                again.close();
                person.close();
            } finally {
                held.forEach(TestServer.Client::close);
            }
        }
    }

    /** A GET answered once a connection is free for it (within {@code seconds}), at the cap on connections. */
    private static TestServer.Response getWithin(TestServer s, String path, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                return s.get(path);
            } catch (java.io.UncheckedIOException stillHeld) {
                if (System.nanoTime() > until) {
                    throw stillHeld;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void whileSocketsHoldTheirWholeShareThoseTakingNoStepForAFifthOfTheIdleTimeAreClosedPingsOrNot() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withMaxConnections(10)
                .withWs(WsLimits.DEFAULT.withIdleTimeout(Duration.ofSeconds(4))));
        try (TestServer s = server(c)) {
            List<TestServer.Client> held = new ArrayList<>();
            try {
                for (int i = 0; i < 9; i++) {
                    held.add(s.connect());
                }
                TestServer.Client stepping = held.get(0);
                TestServer.Client pinging = held.get(1);
                stepping.send(START);
                stepping.next();
                stepping.next();
                long t0 = System.nanoTime();
                // A fifth of 4 s is 0.8 s; the sweep runs each second. The idle time itself would take 4 s.
                while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(2_600)) {
                    assertThat(stepping.send("{\"type\":\"restart\"}").next().getString("type")).isEqualTo("message");
                    try {
                        pinging.send("{\"type\":\"ping\"}");
                    } catch (RuntimeException closedMeanwhile) {
                        // what this test expects, within the loop's time
                    }
                    Thread.sleep(200);
                }
                for (TestServer.Client quiet : held.subList(1, 9)) {
                    assertThat(quiet.awaitClose(1)).as("no step for 0.8 s, pings or not").isEqualTo((short) 1000);
                }
                assertThat(stepping.send("{\"type\":\"restart\"}").next().getString("type")).isEqualTo("message");
            } finally {
                held.forEach(TestServer.Client::close);
            }
        }
    }

    @Test
    void anIdleSocketIsClosedButItsSessionCanBeResumed() {
        try (TestServer s = server(with(WsLimits.DEFAULT.withIdleTimeout(Duration.ofMillis(600))))) {
            var c = s.connect();
            c.send(START);
            String token = c.next().getString("token");
            c.next();
            assertThat(c.awaitClose(5)).isEqualTo((short) 1000);
            assertThat(c.closeReason).isEqualTo("idle");
            try (var again = s.connect()) {
                again.send(new JsonObject().put("type", "resume").put("token", token));
                again.next();
                assertThat(again.next().getString("node")).isEqualTo("hello");
            }
        }
    }

    @Test
    void aSilentHttpConnectionIsClosedButASocketOutlivesTheHttpIdleTimeout() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withHttpIdleTimeout(Duration.ofMillis(500)));
        try (TestServer s = server(c); var ws = s.connect();
             java.net.Socket silent = new java.net.Socket("127.0.0.1", s.port())) {
            silent.setSoTimeout(5_000);
            long t0 = System.nanoTime();
            assertThat(silent.getInputStream().read()).as("the server closes a connection that never asks").isEqualTo(-1);
            assertThat(System.nanoTime() - t0).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(300));
            Thread.sleep(700);
            assertThat(ws.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
    }

    /** Whether the server has closed {@code s} (end of stream) within {@code ms}. */

    /**
     * Sends {@code piece(i)} every 150 ms (at most 20 times) until the server closes {@code slow}: how long that
     * took, or a day when it never did.
     */
    private static Duration trickledUntilClosed(java.net.Socket slow, java.util.function.IntFunction<byte[]> piece)
            throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            try {
                slow.getOutputStream().write(piece.apply(i));
                slow.getOutputStream().flush();
            } catch (java.net.SocketException gone) {
                return Duration.ofNanos(System.nanoTime() - t0);
            }
            if (closedWithin(slow, 150)) {
                return Duration.ofNanos(System.nanoTime() - t0);
            }
        }
        return Duration.ofDays(1);
    }

    /** An answer's status line, its head and body read past (a keep-alive connection's next answer comes next). */
    private static String statusAndSkipBody(java.io.BufferedReader in) throws Exception {
        String status = in.readLine();
        String line;
        long length = 0;
        while (!(line = in.readLine()).isEmpty()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skip(length);
        return status;
    }
    static boolean closedWithin(java.net.Socket s, long ms) throws Exception {
        s.setSoTimeout((int) ms);
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void aRequestHeadTrickledLineByLineIsClosedAtTheHeadDeadlineThoughNeverIdle() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withHttpHeadTimeout(Duration.ofMillis(500)));
        try (TestServer s = server(c); java.net.Socket slow = new java.net.Socket("127.0.0.1", s.port())) {
            var out = slow.getOutputStream();
            out.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(trickledUntilClosed(slow, i -> ("X-Line-" + i + ": a\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .as("closed while still trickling").isLessThan(Duration.ofMillis(2500));
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"head_timeout\"}");
        }
    }

    @Test
    void aRequestBodyTrickledByteByByteIsClosedAtTheSameDeadline() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withHttpHeadTimeout(Duration.ofMillis(500)));
        try (TestServer s = server(c); java.net.Socket slow = new java.net.Socket("127.0.0.1", s.port())) {
            var out = slow.getOutputStream();
            out.write(("POST /staff/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 60000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(trickledUntilClosed(slow, i -> new byte[] {'a'})).as("closed while the body still trickles")
                    .isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aRequestWithATransferEncodingIsAnsweredOnceAndItsConnectionClosed() throws Exception {
        // Framed by its length, each body holds a second request; framed by its coding, it has none.
        String smuggled = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (String framing : List.of("Content-Length: " + ("0\r\n\r\n" + smuggled).length() + "\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding: identity\r\nContent-Length: 5\r\n", "Transfer-Encoding: foo\r\n")) {
            String body = framing.contains("chunked") ? "0\r\n\r\n" + smuggled : framing.contains("identity") ? "hello" + smuggled : smuggled;
            try (TestServer s = server(Config.defaults()); java.net.Socket c = new java.net.Socket("127.0.0.1", s.port())) {
                c.setSoTimeout(5_000);
                c.getOutputStream().write(("POST /sms/inbound HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + framing + "\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                c.getInputStream().transferTo(all);   // returns once the server closes
                String answer = all.toString(java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(answer.split("HTTP/1.1 ", -1)).as(framing + ": one answer, then the connection closed").hasSize(2);
            }
        }
    }

    @Test
    void aKeepAliveConnectionAskingOneRequestAfterAnotherIsAnsweredEveryTime() throws Exception {
        try (TestServer s = server(Config.defaults()); java.net.Socket c = new java.net.Socket("127.0.0.1", s.port())) {
            c.setSoTimeout(5_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 30; i++) {
                c.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(statusAndSkipBody(in)).as("answer " + i).isEqualTo("HTTP/1.1 200 OK");
            }
        }
    }

    @Test
    void aConnectionThatPipelinesRequestsAndNeverReadsTheAnswersIsClosedNotBuffered() throws Exception {
        // At the limit of unanswered requests too: many connections each holding eight unread answers once hung the server.
        try (TestServer s = server(Config.defaults())) {
            for (int n : new int[] {ConnectionGuard.MAX_UNANSWERED, 2_000}) {
                assertThat(pipelinedUnread(s, n)).as(n + " asked for: a few answers at most, then closed").isLessThan(50L * 70_000);
            }
            assertThat(s.get("/health/live").status()).isEqualTo(200);
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"unanswered\"}");
        }
    }

    /** Bytes read until the server closed a connection that asked for {@code n} answers of ~70 KB at once and read none for a second. */
    private static long pipelinedUnread(TestServer s, int n) throws Exception {
        try (java.net.Socket c = new java.net.Socket()) {
            c.setReceiveBufferSize(4096);
            c.connect(new java.net.InetSocketAddress("127.0.0.1", s.port()));
            byte[] one = "GET /widget.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.io.ByteArrayOutputStream many = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                many.write(one);
            }
            try {
                c.getOutputStream().write(many.toByteArray());
            } catch (java.net.SocketException closed) {
                // closed while still sending: as good
            }
            Thread.sleep(1_000);
            c.setSoTimeout(10_000);
            try {
                return c.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());   // ends when the server closes
            } catch (java.net.SocketException reset) {
                return 0;   // closed with answers unread: as good
            }
        }
    }

    @Test
    void aRequestWithTwoHostHeadersIsAnswered400() throws Exception {
        try (TestServer s = server(Config.defaults()); java.net.Socket c = new java.net.Socket("127.0.0.1", s.port())) {
            c.setSoTimeout(5_000);
            c.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            c.getInputStream().transferTo(all);
            assertThat(all.toString(java.nio.charset.StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aConnectionThatNeverAsksAnythingIsClosedAtTheRequestDeadlineNotAfterTheIdleMinute() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withHttpHeadTimeout(Duration.ofMillis(500)));
        try (TestServer s = server(c); java.net.Socket silent = new java.net.Socket("127.0.0.1", s.port())) {
            long t0 = System.nanoTime();
            assertThat(closedWithin(silent, 5_000)).as("closed though the idle timeout is a minute").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(400), Duration.ofMillis(2500));
        }
    }

    @Test
    void atTheCapOnAllConnectionsSilentOnesFromManyAddressesAreClosedForANewcomerWhoIsServed() throws Exception {
        // Each address far under its own cap (100); together they hold every connection the server may.
        Config c = Config.defaults().withOps(Operations.DEFAULT.withMaxConnections(20));
        try (TestServer s = server(c)) {
            List<java.net.Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    silent.add(new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), s.port(),
                            java.net.InetAddress.getByName("127.0.9." + (1 + i / 5)), 0));
                }
                Thread.sleep(1_300);   // idle a second and more
                try (java.net.Socket newcomer = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), s.port(),
                        java.net.InetAddress.getByName("127.0.9.9"), 0)) {
                    newcomer.setSoTimeout(5_000);
                    newcomer.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(newcomer.getInputStream(),
                            java.nio.charset.StandardCharsets.US_ASCII));
                    assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                }
                long closed = 0;
                for (java.net.Socket h : silent) {
                    closed += closedWithin(h, 50) ? 1 : 0;
                }
                assertThat(closed).as("silent connections closed to make room").isBetween(1L, 16L);
            } finally {
                for (java.net.Socket h : silent) {
                    h.close();
                }
            }
        }
    }

    @Test
    void atTheCapWithNothingIdleANewcomerIsClosedAndTheConversationsGoOn() throws Exception {
        // A cap of 4: three sockets (their share) and a request still arriving; nothing is idle.
        Config c = Config.defaults().withOps(Operations.DEFAULT.withMaxConnections(4));
        try (TestServer s = server(c); var a = s.connect(); var b = s.connect(); var d = s.connect();
             java.net.Socket asking = new java.net.Socket("127.0.0.1", s.port())) {
            asking.getOutputStream().write("GET /health/live HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Thread.sleep(1_200);   // the sockets idle: still conversations, never closed for a newcomer
            try (java.net.Socket newcomer = new java.net.Socket("127.0.0.1", s.port())) {
                assertThat(closedWithin(newcomer, 2_000)).as("refused at once").isTrue();
            }
            assertThat(closedWithin(asking, 50)).as("a request under way is not closed for a newcomer").isFalse();
            for (var ws : List.of(a, b, d)) {
                assertThat(ws.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
            }
            asking.close();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String metrics = "";
            while (!metrics.contains("connections_full") && System.nanoTime() < until) {
                try {
                    metrics = s.get("/metrics").body();
                } catch (java.io.UncheckedIOException refusedWhileTheSlotIsStillTaken) {
                    Thread.sleep(100);
                }
            }
            assertThat(metrics).contains("losen_limits_total{limit=\"connections_full\"}");
        }
    }

    @Test
    void theHeadDeadlineLeavesAKeepAliveConnectionAndASocketAlone() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withHttpHeadTimeout(Duration.ofMillis(300)));
        try (TestServer s = server(c); java.net.Socket keep = new java.net.Socket("127.0.0.1", s.port()); var ws = s.connect()) {
            keep.setSoTimeout(5_000);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(keep.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 2; i++) {
                keep.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(statusAndSkipBody(in)).isEqualTo("HTTP/1.1 200 OK");
                Thread.sleep(600);   // idle between requests, longer than the head deadline
            }
            assertThat(ws.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void oneAddressMayHoldOnlySoManyConnectionsBeforeAnyUpgrade() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withConnectionsPerAddress(3));
        try (TestServer s = server(c)) {
            List<java.net.Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    held.add(new java.net.Socket("127.0.0.1", s.port()));
                }
                // Connections are accepted on every event loop at once, so which of the four is over the
                // cap is not the order they were opened in; that one of them is, at once, is the rule.
                List<java.net.Socket> closed = new ArrayList<>();
                for (java.net.Socket h : held) {
                    if (closedWithin(h, closed.isEmpty() ? 2_000 : 200)) {
                        closed.add(h);
                    }
                }
                assertThat(closed).as("one over the cap is closed at once, three stay").hasSize(1);
                held.removeAll(closed);
                closed.get(0).close();
                held.remove(0).close();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                boolean admitted = false;
                while (!admitted && System.nanoTime() < until) {
                    try (java.net.Socket again = new java.net.Socket("127.0.0.1", s.port())) {
                        admitted = !closedWithin(again, 200);
                    }
                }
                assertThat(admitted).as("a slot is free again once one closes").isTrue();
            } finally {
                for (java.net.Socket h : held) {
                    h.close();
                }
            }
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"http_per_address\"}");
        }
    }

    @Test
    void atTheSessionMaximumNewConversationsAreRefusedAndExistingOnesGoOn() {
        try (TestServer s = server(Config.defaults().withMaxSessions(2));
             var a = s.connect(); var b = s.connect(); var c = s.connect()) {
            a.send(START).nextMessage();
            b.send(START).nextMessage();
            JsonObject refused = c.send(START).next();
            assertThat(refused.getString("code")).isEqualTo("busy");
            assertThat(a.send("{\"type\":\"choose\",\"choice\":\"adult\"}").next().getString("node")).isEqualTo("health");
            // a second start on an existing session is not a new session
            assertThat(b.send(START).next().getString("node")).isEqualTo("hello");
            b.send("{\"type\":\"end\"}").next();
            assertThat(c.send(START).next().getString("type")).isEqualTo("session");
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"max_sessions\"}");
        }
    }

    @Test
    void aFrameOverTheTransportLimitClosesWith1009() {
        try (TestServer s = server(Config.defaults()); var c = s.connect()) {
            c.ws.writeTextMessage("x".repeat(70 * 1024));
            assertThat(c.awaitClose(5)).isEqualTo((short) 1009);
        }
    }

    /** A handshake through the proxy at 127.0.0.1 for the client {@code client}; the status of the answer. */
    static int handshakeFor(TestServer s, String client) throws Exception {
        try (RawClient c = new RawClient(s.port(), "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "X-Forwarded-For: " + client + "\r\n")) {
            return c.status();
        }
    }

    @Test
    void behindATrustedProxyEachClientsHandshakesAreBudgetedNotTheProxysConnections() throws Exception {
        Config c = Config.defaults().withOps(Operations.DEFAULT.withTrustedProxies(List.of("127.0.0.1"))
                .withNewConnections(new no.losen.http.ConnectionRate.Limit(3, 0.01)));
        try (TestServer s = server(c)) {
            for (int i = 0; i < 3; i++) {
                assertThat(handshakeFor(s, "203.0.113.9")).as("handshake %d of the burst", i + 1).isEqualTo(101);
            }
            assertThat(handshakeFor(s, "203.0.113.9")).as("one over").isEqualTo(429);
            assertThat(handshakeFor(s, "203.0.113.10")).as("another client of the proxy").isEqualTo(101);
            // The proxy's own connections (it carries everyone) are not taken from any budget.
            for (int i = 0; i < 6; i++) {
                assertThat(s.get("/health/live").status()).isEqualTo(200);
            }
        }
    }

    /** A well-formed {@code /ws} handshake request. */
    static byte[] handshakeRequest(TestServer s) {
        return ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A handshake from {@code local}: the status of the answer, read within {@code seconds}. */
    static int handshakeFrom(TestServer s, String local, int seconds) {
        try (java.net.Socket c = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), s.port(),
                java.net.InetAddress.getByName(local), 0)) {
            c.setSoTimeout(seconds * 1000);
            c.getOutputStream().write(handshakeRequest(s));
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(line.substring(9, 12));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Handshakes from {@code local}, all at once: their statuses, in the order they were answered. */
    static List<String> handshakesAtOnce(TestServer s, String local, int n, int seconds) throws Exception {
        List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> answered.add(local + " " + handshakeFrom(s, local, seconds)));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return answered;
    }

    /** {@link #handshakesAtOnce} on a thread of its own, started: their statuses go into {@code answered}. */
    static Thread handshakesInBackground(TestServer s, String local, int n, List<String> answered) {
        Thread t = new Thread(() -> {
            try {
                answered.addAll(handshakesAtOnce(s, local, n, 10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void socketsBeyondTheirAddresssPaceWaitTheirTurnWhileAnotherAddressIsAnsweredAtOnce() throws Exception {
        // Two at once, then two a second: the sixth of six waits two seconds.
        try (TestServer s = server(with(WsLimits.DEFAULT.withNewSockets(new SocketPace.Pace(2, 2))))) {
            List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            Thread burst = handshakesInBackground(s, "127.0.7.1", 6, answered);
            Thread.sleep(200);
            answered.add("127.0.7.2 " + handshakeFrom(s, "127.0.7.2", 10));
            burst.join();
            // None refused; the other address did not queue behind the burst; the whole burst took its turns.
            assertThat(answered).hasSize(7).allMatch(a -> a.endsWith(" 101"));
            assertThat(answered.indexOf("127.0.7.2 101")).as("%s", answered).isLessThan(4);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void anAddressWhoseSocketWouldWaitLongerThanFiveSecondsIsRefused429() throws Exception {
        // One at once, then four a second: the 22nd would wait 5.25 s. Refused after a second's hold.
        try (TestServer s = server(with(WsLimits.DEFAULT.withNewSockets(new SocketPace.Pace(1, 4))))) {
            List<String> answered = handshakesAtOnce(s, "127.0.7.3", 24, 10);
            assertThat(answered).hasSize(24).allMatch(a -> a.endsWith(" 101") || a.endsWith(" 429"));
            assertThat(answered).filteredOn(a -> a.endsWith(" 429")).as("%s", answered).isNotEmpty();
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"new_sockets\"}");
        }
    }

    @Test
    void handshakesDroppedWhileWaitingGiveTheirTurnsBackToThePersonBehindThem() throws Exception {
        // One at once, then one every 2 s: the first socket opens, two handshakes sent and dropped would have
        // taken the turns at 2 s and 4 s, and the person after them would wait 6 s: over the 5 s, refused.
        try (TestServer s = server(with(WsLimits.DEFAULT.withNewSockets(new SocketPace.Pace(1, 0.5))))) {
            assertThat(handshakeFrom(s, "127.0.7.4", 10)).isEqualTo(101);
            for (int i = 0; i < 2; i++) {
                try (java.net.Socket ghost = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), s.port(),
                        java.net.InetAddress.getByName("127.0.7.4"), 0)) {
                    ghost.getOutputStream().write(handshakeRequest(s));
                    Thread.sleep(100);
                }
            }
            Thread.sleep(300);   // the server sees them go
            assertThat(handshakeFrom(s, "127.0.7.4", 10)).isEqualTo(101);
        }
    }

    @Test
    void aShutdownAnswersTheHeldHandshakes503AtOnceNotAtTheirTurns() throws Exception {
        // One at once, then one every 2 s: the two held have their turns 2 s and 4 s on.
        TestServer s = server(with(WsLimits.DEFAULT.withNewSockets(new SocketPace.Pace(1, 0.5))));
        try {
            assertThat(handshakeFrom(s, "127.0.7.5", 10)).isEqualTo(101);
            List<String> answered = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread held = handshakesInBackground(s, "127.0.7.5", 2, answered);
            Thread.sleep(300);
            long t0 = System.nanoTime();
            s.losen().close().await();
            held.join();
            assertThat(answered).containsExactly("127.0.7.5 503", "127.0.7.5 503");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("not at their turns, 2 s and 4 s on")
                    .isLessThan(Duration.ofMillis(1500));
        } finally {
            s.vertx().close().await();
        }
    }

    @Test
    void aBystanderGoesOnWhileFourAddressesChurnOpenStartDrop() throws Exception {
        // 10 new connections per address at once, then 2 a second: a test's churn on a shared machine
        // can be far slower than bench/abuse's, which meets the default of 100 and 10.
        Config c = Config.defaults().withOps(Operations.DEFAULT.withNewConnections(new no.losen.http.ConnectionRate.Limit(10, 2)));
        try (TestServer s = server(c); var bystander = s.connect(null, "127.0.9.9")) {
            bystander.send(START).nextMessage();
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen = new java.util.concurrent.ConcurrentHashMap<>();
            List<Thread> churn = new ArrayList<>();
            for (int a = 1; a <= 4; a++) {
                String from = "127.0.9." + a;
                for (int t = 0; t < 4; t++) {
                    Thread churner = new Thread(() -> {
                        while (System.nanoTime() < until) {
                            String what;
                            try (RawClient ws = RawClient.openFrom(from, s.port())) {
                                if (ws.status() != 101) {
                                    what = "http_" + ws.status();
                                } else {
                                    RawClient.Frame f = ws.text(START).next();
                                    what = f.opcode() == RawClient.CLOSE ? "close" : new JsonObject(f.text()).getString("type")
                                            + (f.text().contains("busy") ? "_busy" : "");
                                }
                            } catch (Exception e) {
                                what = "io_error";
                            }
                            seen.computeIfAbsent(what, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                        }
                    });
                    churner.start();
                    churn.add(churner);
                }
            }
            long worst = 0;
            int steps = 0;
            while (System.nanoTime() < until) {
                long t0 = System.nanoTime();
                String frame = steps % 2 == 0 ? "{\"type\":\"choose\",\"choice\":\"adult\"}" : "{\"type\":\"back\"}";
                JsonObject answer = bystander.send(frame).next();
                assertThat(answer.getString("type")).as("%s", answer).isEqualTo("message");
                worst = Math.max(worst, System.nanoTime() - t0);
                steps++;
                Thread.sleep(150);   // within the frame rate (10 a second)
            }
            for (Thread t : churn) {
                t.join();
            }
            int handshakes = seen.entrySet().stream().filter(e -> !e.getKey().startsWith("http_") && !e.getKey().equals("io_error"))
                    .mapToInt(e -> e.getValue().get()).sum();
            // Each address: its burst of 10 and 2 a second (4 s, and slack for the run's own seconds).
            assertThat(handshakes).as("handshakes admitted: %s", seen).isLessThanOrEqualTo(4 * (10 + 2 * 6));
            assertThat(seen.getOrDefault("http_429", new java.util.concurrent.atomic.AtomicInteger()).get())
                    .as("refused before any handshake: %s", seen).isPositive();
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"new_connections\"}");
            // Generous for a shared test machine; bench/abuse measures the tail (docs/operations.md).
            assertThat(Duration.ofNanos(worst)).as("the bystander's slowest step of %d", steps).isLessThan(Duration.ofSeconds(1));
        }
    }
}
