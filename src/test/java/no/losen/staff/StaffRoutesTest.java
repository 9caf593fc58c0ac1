package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.Config;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff log-in end to end against a real server: the cookie's flags, CSRF refusals, the rate
 * limit, log-out, and the WebSocket refusing a staff dialog without a log-in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StaffRoutesTest {

    static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .staff("anna", PASSWORD).staff("bo", PASSWORD).staff("cara", PASSWORD).with(c -> config(c.staffUsers()));
    final HttpClient http = HttpClient.newHttpClient();

    static Config config(Path users) {
        return Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withAllowedOrigins(List.of("https://allowed.example")).withStaff(users, Duration.ofMinutes(20));
    }

    HttpResponse<String> login(TestServer s, String name, String password, String origin) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password.replace(" ", "+")));
        if (origin != null) {
            r.header("Origin", origin);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(TestServer s, String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.baseUrl() + path));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookieOf(HttpResponse<?> r) {
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Test
    void logInSetsAnHttpOnlySameSiteStrictSessionCookie() throws Exception {
        HttpResponse<String> r = login(server, "anna", PASSWORD, server.baseUrl());
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("losen_staff=").contains("; Path=/; HttpOnly; SameSite=Strict")
                .doesNotContain("Max-Age").doesNotContain("Secure");
        JsonObject me = new JsonObject(get(server, "/staff/me", cookieOf(r)).body());
        assertThat(me.getString("user")).isEqualTo("anna");
        assertThat(me.getString("csrf")).isEqualTo(new JsonObject(r.body()).getString("csrf"));
        assertThat(me.getLong("idle")).isEqualTo(1200);
    }

    @Test
    void behindAnHttpsPublicUrlTheCookieIsSecure() throws Exception {
        try (TestServer tls = new TestServer(server.config().withPublicUrl("https://losen.example"))) {
            HttpResponse<String> r = login(tls, "anna", PASSWORD, "https://losen.example");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; Secure");
        }
    }

    @Test
    void aLogInFromAnotherOriginOrWithoutOneIsRefused() throws Exception {
        assertThat(login(server, "anna", PASSWORD, "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(login(server, "anna", PASSWORD, "https://allowed.example").statusCode()).isEqualTo(403);
        assertThat(login(server, "anna", PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(login(server, "anna", PASSWORD, "null").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsRefusedAndAfterFiveTheNextTriesMustWait() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = login(server, "bo", "wrong password " + i, server.baseUrl());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("bad_credentials");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        }
        // The delays are 1 s, 2 s, 4 s …: however slow this machine, a few quick tries meet one.
        HttpResponse<String> limited = null;
        for (int i = 0; i < 4 && limited == null; i++) {
            HttpResponse<String> r = login(server, "bo", "wrong again " + i, server.baseUrl());
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(401);
            }
        }
        assertThat(limited).as("a 429 after five failures").isNotNull();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    }

    /** Log-ins sent all at once, each from {@code forwardedFor(i)} (null: the connection's own address). */
    java.util.Map<Integer, Integer> parallel(TestServer s, int n, java.util.function.IntFunction<String> name,
                                             java.util.function.IntFunction<String> forwardedFor) throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", s.baseUrl())
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + name.apply(i) + "&password=wrong+" + i));
            String xff = forwardedFor.apply(i);
            if (xff != null) {
                r.header("X-Forwarded-For", xff);
            }
            all.add(http.sendAsync(r.build(), HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (var f : all) {
            byStatus.merge(f.get(30, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        }
        return byStatus;
    }

    @Test
    void fortyParallelGuessesAtOneAccountGetNoMorePasswordChecksThanTheLimit() throws Exception {
        try (TestServer s = new TestServer(server.config())) {
            var byStatus = parallel(s, 40, i -> "anna", i -> null);
            assertThat(byStatus.getOrDefault(401, 0)).as("checked: %s", byStatus).isLessThanOrEqualTo(5);
            assertThat(byStatus.keySet()).isSubsetOf(401, 429, 503);
        }
    }

    @Test
    void fortyNamesFromOneAddressGetNoMorePasswordChecksThanTheAddressLimit() throws Exception {
        try (TestServer s = new TestServer(server.config())) {
            var byStatus = parallel(s, 40, i -> "name" + i, i -> null);
            assertThat(byStatus.getOrDefault(401, 0)).as("checked: %s", byStatus).isLessThanOrEqualTo(20);
            assertThat(byStatus.keySet()).isSubsetOf(401, 429, 503);
        }
    }

    @Test
    void aGuesserElsewhereCannotLockTheStaffMemberOut() throws Exception {
        try (TestServer s = new TestServer(server.config().withOps(no.losen.server.Operations.DEFAULT
                .withTrustedProxies(List.of("127.0.0.1"))))) {
            // The guesser tries until made to wait (five free tries, then 1 s, 2 s …).
            boolean waiting = false;
            for (int i = 0; i < 10 && !waiting; i++) {
                waiting = parallel(s, 1, n -> "anna", n -> "192.0.2.66").containsKey(429);
            }
            assertThat(waiting).as("the guesser is made to wait").isTrue();
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", s.baseUrl())
                    .header("X-Forwarded-For", "198.51.100.7")
                    .POST(HttpRequest.BodyPublishers.ofString("name=anna&password=" + PASSWORD.replace(" ", "+")));
            assertThat(http.send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aStaffMembersLogInGivesAGuesserOnTheSameNetworkNoFreshTries() throws Exception {
        try (TestServer s = new TestServer(server.config().withOps(no.losen.server.Operations.DEFAULT
                .withTrustedProxies(List.of("127.0.0.1"))))) {
            String network = "192.0.2.70";   // a reception centre's one address: the guesser and the staff member
            for (int i = 0; i < 5; i++) {
                assertThat(parallel(s, 1, n -> "anna", n -> network)).containsOnlyKeys(401);
            }
            Thread.sleep(1_100);   // the first delay, after five failures
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/staff/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", s.baseUrl())
                    .header("X-Forwarded-For", network)
                    .POST(HttpRequest.BodyPublishers.ofString("name=anna&password=" + PASSWORD.replace(" ", "+")));
            assertThat(http.send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            int checked = 0;
            for (int i = 0; i < 4; i++) {
                checked += parallel(s, 1, n -> "anna", n -> network).getOrDefault(401, 0);
            }
            assertThat(checked).as("guesses checked after the staff member's log-in").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void behindAProxyTheAddressLimitCountsEachClientNotTheProxy() throws Exception {
        try (TestServer s = new TestServer(server.config().withOps(no.losen.server.Operations.DEFAULT
                .withTrustedProxies(List.of("127.0.0.1"))))) {
            for (int i = 0; i < 21; i++) {
                int client = i;
                assertThat(parallel(s, 1, n -> "name" + client, n -> "203.0.113." + client)).containsOnlyKeys(401);
            }
        }
    }

    @Test
    void logOutNeedsTheCsrfTokenThenErasesTheLogIn() throws Exception {
        HttpResponse<String> in = login(server, "cara", PASSWORD, server.baseUrl());
        String cookie = cookieOf(in);
        String csrf = new JsonObject(in.body()).getString("csrf");
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout"))
                .header("Cookie", cookie).header("Origin", server.baseUrl()).POST(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(out.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout")).header("Cookie", cookie)
                .header("Origin", "https://evil.example").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(new JsonObject(get(server, "/staff/me", cookie).body()).getString("user")).isEqualTo("cara");

        HttpResponse<String> done = http.send(out.header("X-CSRF-Token", csrf).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(done.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("losen_staff=;").contains("Max-Age=0");
        assertThat(new JsonObject(get(server, "/staff/me", cookie).body()).containsKey("user")).isFalse();
    }

    @Test
    void headAsksForThePageAndItsFilesWithTheHeadersGetHas() throws Exception {
        for (String path : java.util.List.of("/staff", "/staff/console.js", "/staff/console.css")) {
            HttpResponse<String> got = get(server, path, null);
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            for (String h : java.util.List.of("Content-Security-Policy", "Referrer-Policy", "Content-Type", "Cache-Control")) {
                assertThat(head.headers().firstValue(h)).as(path + " " + h).isEqualTo(got.headers().firstValue(h));
            }
        }
    }

    @Test
    void thePageHasAStrictContentSecurityPolicyAndTheStaffDialogsNeedALogIn() throws Exception {
        HttpResponse<String> page = get(server, "/staff", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=");
        assertThat(get(server, "/staff/dialogs", null).statusCode()).isEqualTo(401);

        String cookie = cookieOf(login(server, "anna", PASSWORD, server.baseUrl()));
        JsonObject d = new JsonObject(get(server, "/staff/dialogs?lang=nb", cookie).body())
                .getJsonArray("dialogs").getJsonObject(0);
        assertThat(d.getString("id")).isEqualTo("demo-staff");
        assertThat(d.getJsonArray("languages").getJsonObject(0).getString("code")).isEqualTo("nb");
        JsonObject words = new JsonObject(get(server, "/staff/ui/nb", null).body()).getJsonObject("strings");
        assertThat(words.getString("console.end")).isEqualTo("Avslutt og slett");
        assertThat(get(server, "/staff/ui/xx", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aStaffDialogOverTheWebSocketNeedsTheLogInCookie() throws Exception {
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        try (Ws anonymous = Ws.open(server, null, null)) {
            JsonObject e = anonymous.send(start).next();
            assertThat(e.getString("type")).isEqualTo("error");
            assertThat(e.getString("code")).isEqualTo("forbidden");
        }
        String cookie = cookieOf(login(server, "anna", PASSWORD, server.baseUrl()));
        try (Ws staff = Ws.open(server, cookie, server.baseUrl())) {
            assertThat(staff.send(start).next().getString("type")).isEqualTo("session");
            JsonObject m = staff.next();
            assertThat(m.getString("type")).isEqualTo("message");
            assertThat(m.getString("dialog")).isEqualTo("demo-staff");
        }
        // An allowed widget host on the same site carries the SameSite cookie, but is not the console.
        try (Ws widgetHost = Ws.open(server, cookie, "https://allowed.example")) {
            assertThat(widgetHost.send(start).next().getString("code")).isEqualTo("forbidden");
        }
        try (Ws forged = Ws.open(server, "losen_staff=AAAAAAAAAAAAAAAAAAAAAA", server.baseUrl())) {
            assertThat(forged.send(start).next().getString("code")).isEqualTo("forbidden");
        }
        // The cookie without any Origin (a script, not a browser) is no staff log-in either; the socket
        // still serves the public dialogs.
        try (Ws noOrigin = Ws.open(server, cookie, null)) {
            assertThat(noOrigin.send(start).next().getString("code")).isEqualTo("forbidden");
            JsonObject pub = new JsonObject().put("type", "start").put("dialog", "demo").put("lang", "nb");
            assertThat(noOrigin.send(pub).next().getString("type")).isEqualTo("session");
        }
    }

    @Test
    void logOutClosesTheStaffMembersSocketsSoTheyKeepNoStaffRights() throws Exception {
        HttpResponse<String> in = login(server, "cara", PASSWORD, server.baseUrl());
        String cookie = cookieOf(in);
        String csrf = new JsonObject(in.body()).getString("csrf");
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        try (Ws staff = Ws.open(server, cookie, server.baseUrl()); Ws anonymous = Ws.open(server, null, null)) {
            assertThat(staff.send(start).next().getString("type")).isEqualTo("session");
            staff.next();
            java.util.concurrent.CompletableFuture<Short> closed = new java.util.concurrent.CompletableFuture<>();
            staff.ws().closeHandler(v -> closed.complete(staff.ws().closeStatusCode()));
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout"))
                    .header("Cookie", cookie).header("Origin", server.baseUrl()).header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(204);
            assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1008);
            assertThat(anonymous.send(new JsonObject().put("type", "ping")).next().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void aStaffConversationComesBackOnlyUnderTheLogInThatStartedItNotToAnotherEmployee() throws Exception {
        String anna = cookieOf(login(server, "anna", PASSWORD, server.baseUrl()));
        String bo = cookieOf(login(server, "bo", PASSWORD, server.baseUrl()));
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        try (Ws first = Ws.open(server, anna, server.baseUrl()); Ws secondTab = Ws.open(server, anna, server.baseUrl());
             Ws colleague = Ws.open(server, bo, server.baseUrl())) {
            String token = first.send(start).next().getString("token");
            first.next();
            JsonObject resume = new JsonObject().put("type", "resume").put("token", token);
            assertThat(colleague.send(resume).next().getString("code")).as("another employee's log-in").isEqualTo("no_session");
            assertThat(secondTab.send(resume).next().getString("type")).as("the same log-in in a second tab").isEqualTo("session");
        }
    }

    @Test
    void logOutInOneTabErasesTheConversationOpenInAnother() throws Exception {
        HttpResponse<String> in = login(server, "cara", PASSWORD, server.baseUrl());
        String cookie = cookieOf(in);
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        String token;
        try (Ws tab = Ws.open(server, cookie, server.baseUrl())) {
            token = tab.send(start).next().getString("token");
            tab.next();
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout"))
                    .header("Cookie", cookie).header("Origin", server.baseUrl())
                    .header("X-CSRF-Token", new JsonObject(in.body()).getString("csrf"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(204);
        }
        // The tab still holds the token; whoever logs in there next gets nothing back.
        String again = cookieOf(login(server, "cara", PASSWORD, server.baseUrl()));
        try (Ws tab = Ws.open(server, again, server.baseUrl())) {
            JsonObject resume = new JsonObject().put("type", "resume").put("token", token);
            assertThat(tab.send(resume).next().getString("code")).isEqualTo("no_session");
        }
    }

    @Test
    void aLogInThatGoesIdleWithItsTabClosedHasItsConversationErasedOnTheServer() throws Exception {
        Config idle = server.config().withStaff(server.config().staffUsers(), Duration.ofSeconds(2));
        try (TestServer s = new TestServer(idle)) {
            String cookie = cookieOf(login(s, "anna", PASSWORD, s.baseUrl()));
            JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
            String token;
            try (Ws tab = Ws.open(s, cookie, s.baseUrl())) {
                token = tab.send(start).next().getString("token");
                tab.next();
            }
            assertThat(s.losen().sessions().get(token).await()).as("kept while the log-in lives").isPresent();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.losen().sessions().get(token).await().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(s.losen().sessions().get(token).await()).as("erased once the log-in went idle").isEmpty();
        }
    }

    @Test
    void withoutAUsersFileStaffLogInIsOffAndSaysSo() throws Exception {
        try (TestServer off = new TestServer(config(null))) {
            try (Ws ws = Ws.open(off, null, null)) {
                JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff");
                assertThat(ws.send(start).next().getString("code")).isEqualTo("forbidden");
            }
            JsonObject me = new JsonObject(get(off, "/staff/me", null).body());
            assertThat(me.getBoolean("enabled")).isFalse();
            assertThat(login(off, "anna", PASSWORD, off.baseUrl()).statusCode()).isEqualTo(503);
        }
    }

    /** A WebSocket with the handshake headers a browser would send. */
    record Ws(WebSocket ws, BlockingQueue<JsonObject> frames, io.vertx.core.http.WebSocketClient client)
            implements AutoCloseable {
        static Ws open(TestServer s, String cookie, String origin) {
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(s.port()).setURI("/ws");
            if (cookie != null) {
                o.addHeader("Cookie", cookie);
            }
            if (origin != null) {
                o.addHeader("Origin", origin);
            } else {
                o.setAllowOriginHeader(false);   // Vert.x would send this server's own origin
            }
            // Held by the record: Vert.x closes a client that is garbage collected, even mid-handshake.
            io.vertx.core.http.WebSocketClient client = s.vertx().createWebSocketClient();
            WebSocket ws = client.connect(o).await();
            BlockingQueue<JsonObject> q = new LinkedBlockingQueue<>();
            ws.textMessageHandler(t -> q.add(new JsonObject(t)));
            return new Ws(ws, q, client);
        }

        Ws send(JsonObject f) {
            ws.writeTextMessage(f.encode()).await();
            return this;
        }

        JsonObject next() throws InterruptedException {
            JsonObject f = frames.poll(5, TimeUnit.SECONDS);
            assertThat(f).as("a frame within 5 s").isNotNull();
            return f;
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
