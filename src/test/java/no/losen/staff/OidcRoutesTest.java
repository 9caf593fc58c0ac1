package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.Config;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenID Connect log-in end to end: a real Losen server and a real OIDC provider in this process
 * (NAV's mock-oauth2-server: discovery, JWKS, authorize, token and end-session endpoints, RS256 tokens
 * it signs itself). The HTTP client follows each redirect by hand, as a browser would, carrying the
 * cookies the way a browser sends them, so each step can be checked or tampered with.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OidcRoutesTest {

    static final String ISSUER_ID = "mottak";
    static final String CLIENT = "losen-console";
    static final String PASSWORD = "correct horse battery";

    @AutoClose("shutdown")
    static final MockOAuth2Server idp = new MockOAuth2Server();

    static {
        idp.start(0);   // listening before the servers that name it start
    }

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("anna", PASSWORD)
            .with(c -> config(c.staffUsers(), "roles"));
    @RegisterExtension
    static final LosenServerExtension keycloakStyle = LosenServerExtension.defaults().with(c -> config(null, "realm_access.roles"));
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static Config config(Path users, String rolesClaim) {
        OidcSettings oidc = new OidcSettings(issuer(), CLIENT, "client-secret", rolesClaim,
                OidcSettings.parseRoleMap("losen-staff=staff,losen-counsellor=counsellor,mottak-ansatte=staff"),
                "preferred_username", List.of("openid", "profile"));
        return Config.defaults().withPort(0).withContent(Fixtures.BASIC).withStaff(users, Duration.ofMinutes(20))
                .withOidc(oidc);
    }

    static String issuer() {
        String s = idp.issuerUrl(ISSUER_ID).toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The next token the provider issues carries these claims (beside sub, aud, iss, nonce, exp it sets).
     * The provider keeps a queue and takes from it at its token endpoint only: a test queues a token
     * only when its log-in gets that far.
     */
    static void nextToken(String subject, Map<String, Object> claims, long expirySeconds) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT), claims,
                expirySeconds));
    }

    static Map<String, Object> claims(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en");
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<?> r) {
        assertThat(r.statusCode()).as("a redirect").isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** The value part of the named cookie among the response's Set-Cookie headers. */
    static String setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no Set-Cookie " + name));
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        for (String p : q == null ? new String[0] : q.split("&")) {
            int eq = p.indexOf('=');
            out.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A log-in up to the provider's redirect back: the callback URL and the flow cookie to bring to it. */
    record Returned(String callback, String flowCookie, String authorizeUrl) {
    }

    Returned toProviderAndBack(TestServer s) throws Exception {
        HttpResponse<String> start = get(s.baseUrl() + "/staff/oidc/login", null);
        String authorize = location(start);
        String flow = setCookie(start, OidcRoutes.COOKIE);
        HttpResponse<String> idpAnswer = get(authorize, null);
        return new Returned(location(idpAnswer), flow.split(";")[0], authorize);
    }

    /** The whole log-in: start, the provider, the callback. */
    HttpResponse<String> logIn(TestServer s) throws Exception {
        Returned back = toProviderAndBack(s);
        return get(back.callback(), back.flowCookie());
    }

    JsonObject me(TestServer s, String cookie) throws Exception {
        return new JsonObject(get(s.baseUrl() + "/staff/me", cookie).body());
    }

    @Test
    void theCodeFlowWithPkceLogsInWithTheSameCookieAsAPasswordLogIn() throws Exception {
        nextToken("0f3a-anna", claims("preferred_username", "anna@mottak.example", "roles", List.of("losen-staff")), 3600);
        HttpResponse<String> start = get(server.baseUrl() + "/staff/oidc/login", null);
        String authorize = location(start);
        assertThat(authorize).startsWith(issuer() + "/authorize");
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", server.baseUrl() + "/staff/oidc/callback")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(asked.get("scope")).contains("openid");
        assertThat(asked.get("state")).isNotEqualTo(asked.get("nonce"));
        // The flow's cookie goes only to the callback, Lax (the provider's redirect back is cross-site), short-lived.
        assertThat(setCookie(start, OidcRoutes.COOKIE)).contains("; Path=/staff/oidc/callback; HttpOnly; SameSite=Lax")
                .contains("Max-Age=600");

        String callback = location(get(authorize, null));
        assertThat(query(callback)).containsEntry("state", asked.get("state")).containsKey("code");
        HttpResponse<String> done = get(callback, setCookie(start, OidcRoutes.COOKIE).split(";")[0]);
        assertThat(location(done)).isEqualTo("/staff");
        assertThat(setCookie(done, CookieStaffAuth.COOKIE)).contains("; Path=/; HttpOnly; SameSite=Strict")
                .doesNotContain("Max-Age");
        assertThat(setCookie(done, OidcRoutes.COOKIE)).contains("Max-Age=0");

        String cookie = setCookie(done, CookieStaffAuth.COOKIE).split(";")[0];
        JsonObject me = me(server, cookie);
        assertThat(me.getString("user")).isEqualTo("anna@mottak.example");
        assertThat(me.getJsonArray("roles")).containsExactly("staff");
        assertThat(me.getString("csrf")).hasSize(22);
        assertThat(me.getBoolean("oidc")).isTrue();
        assertThat(me.getBoolean("accounts")).isTrue();
    }

    @Test
    void theConsoleIsUsableAfterAnOidcLogIn() throws Exception {
        nextToken("0f3a-bo", claims("preferred_username", "bo", "roles", List.of("losen-staff")), 3600);
        String cookie = setCookie(logIn(server), CookieStaffAuth.COOKIE).split(";")[0];
        assertThat(get(server.baseUrl() + "/staff/dialogs?lang=nb", cookie).statusCode()).isEqualTo(200);
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        try (StaffRoutesTest.Ws staff = StaffRoutesTest.Ws.open(server, cookie, server.baseUrl())) {
            assertThat(staff.send(start).next().getString("type")).isEqualTo("session");
            JsonObject m = staff.next();
            assertThat(m.getString("type")).isEqualTo("message");
            assertThat(m.getString("dialog")).isEqualTo("demo-staff");
        }
    }

    @Test
    void rolesComeFromTheMappedNamesOnlyAndSeveralMayApply() throws Exception {
        nextToken("0f3a-cara", claims("preferred_username", "cara",
                "roles", List.of("losen-counsellor", "mottak-ansatte", "offline_access")), 3600);
        String cookie = setCookie(logIn(server), CookieStaffAuth.COOKIE).split(";")[0];
        assertThat(me(server, cookie).getJsonArray("roles")).containsExactly("counsellor", "staff");
    }

    @Test
    void aNestedRolesClaimAsKeycloakWritesItIsRead() throws Exception {
        nextToken("0f3a-dag", claims("preferred_username", "dag",
                "realm_access", Map.of("roles", List.of("losen-counsellor", "default-roles-mottak"))), 3600);
        HttpResponse<String> done = logIn(keycloakStyle);
        String cookie = setCookie(done, CookieStaffAuth.COOKIE).split(";")[0];
        JsonObject me = me(keycloakStyle, cookie);
        assertThat(me.getString("user")).isEqualTo("dag");
        assertThat(me.getJsonArray("roles")).containsExactly("counsellor");
        // This server has no users file: OIDC alone, and the page is told so.
        assertThat(me.getBoolean("accounts")).isFalse();
        assertThat(me.getBoolean("enabled")).isTrue();
    }

    @Test
    void aCounsellorWithoutTheStaffRoleLogsInButRunsNoStaffDialog() throws Exception {
        nextToken("0f3a-gro", claims("preferred_username", "gro", "roles", List.of("losen-counsellor")), 3600);
        String cookie = setCookie(logIn(server), CookieStaffAuth.COOKIE).split(";")[0];
        assertThat(me(server, cookie).getJsonArray("roles")).containsExactly("counsellor");
        assertThat(new JsonObject(get(server.baseUrl() + "/staff/dialogs", cookie).body()).getJsonArray("dialogs")).isEmpty();
        JsonObject start = new JsonObject().put("type", "start").put("dialog", "demo-staff").put("lang", "nb");
        try (StaffRoutesTest.Ws ws = StaffRoutesTest.Ws.open(server, cookie, server.baseUrl())) {
            assertThat(ws.send(start).next().getString("code")).isEqualTo("forbidden");
        }
    }

    @Test
    void aUserWithNoMappedRoleGetsNoLogInButAPageSayingWhy() throws Exception {
        nextToken("0f3a-eva", claims("preferred_username", "eva", "roles", List.of("offline_access", "staff")), 3600);
        HttpResponse<String> refused = logIn(server);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CookieStaffAuth.COOKIE + "="));
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'");
        assertThat(refused.body()).contains("lang=\"en\"").contains("has no role in the staff console")
                .contains("href=\"/staff\"").doesNotContain("eva");

        // In the console's language of the tab, which travels in the flow cookie (the callback's
        // Accept-Language, English here, does not change it); the words come from translations/console/.
        nextToken("0f3a-eva", claims("roles", List.of()), 3600);
        HttpResponse<String> start = get(server.baseUrl() + "/staff/oidc/login?lang=nb", null);
        String flow = setCookie(start, OidcRoutes.COOKIE).split(";")[0];
        assertThat(flow).startsWith(OidcRoutes.COOKIE + "=nb.");
        HttpResponse<String> nb = get(location(get(location(start), null)), flow);
        assertThat(nb.statusCode()).isEqualTo(403);
        assertThat(nb.body()).contains("lang=\"nb\"").contains("ingen rolle i ansattkonsollet");
        // Without a language from the console, the browser's: Norwegian for a Norwegian browser.
        HttpResponse<String> norwegian = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/oidc/login"))
                .header("Accept-Language", "nn-NO,nn;q=0.9,en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setCookie(norwegian, OidcRoutes.COOKIE)).startsWith(OidcRoutes.COOKIE + "=nb.");
    }

    @Test
    void aCallbackWhoseStateIsNotThisBrowsersIsRefused() throws Exception {
        // No token is asked for in this test (the state is checked first), so none is queued at the provider.
        Returned back = toProviderAndBack(server);
        String wrongState = back.callback().replaceAll("state=[^&]+", "state=" + "A".repeat(32));
        HttpResponse<String> r = get(wrongState, back.flowCookie());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("started in another tab");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CookieStaffAuth.COOKIE + "="));
        // The right state in another browser (no flow cookie): log-in CSRF, refused the same way.
        Returned other = toProviderAndBack(server);
        assertThat(get(other.callback(), null).statusCode()).isEqualTo(400);
        // Another log-in's cookie with this log-in's code and state.
        Returned third = toProviderAndBack(server);
        assertThat(get(third.callback(), back.flowCookie()).statusCode()).isEqualTo(400);
    }

    @Test
    void theProviderChecksThePkceVerifierSoAStolenCodeIsWorthNothingWithoutIt() throws Exception {
        // The flow cookie holds state.nonce.verifier: keep the state, change the verifier. No token is
        // queued: the provider refuses before it makes one (were it to accept, its default token has no
        // role and the answer would be 403, not 400).
        Returned back = toProviderAndBack(server);
        String[] parts = back.flowCookie().split("=", 2)[1].split("\\.");
        assertThat(parts).hasSize(4);   // language, state, nonce, verifier
        assertThat(parts[3].length()).isBetween(43, 128);   // RFC 7636's verifier length
        String forged = OidcRoutes.COOKIE + "=" + parts[0] + "." + parts[1] + "." + parts[2] + "." + "B".repeat(64);
        HttpResponse<String> r = get(back.callback(), forged);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CookieStaffAuth.COOKIE + "="));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        nextToken("0f3a-anna", claims("roles", List.of("losen-staff"), "nonce", "a-nonce-from-another-log-in"), 3600);
        HttpResponse<String> r = logIn(server);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("could not be verified");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CookieStaffAuth.COOKIE + "="));
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() throws Exception {
        nextToken("0f3a-anna", claims("roles", List.of("losen-staff"), "aud", List.of("another-app")), 3600);
        assertThat(logIn(server).statusCode()).isEqualTo(400);
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() throws Exception {
        nextToken("0f3a-anna", claims("roles", List.of("losen-staff"), "iss", "http://evil.example/mottak"), 3600);
        assertThat(logIn(server).statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        // Expired ten minutes ago, well past the minute of clock skew allowed.
        nextToken("0f3a-anna", claims("roles", List.of("losen-staff")), -600);
        HttpResponse<String> r = logIn(server);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CookieStaffAuth.COOKIE + "="));
    }

    @Test
    void theProvidersRefusalIsShownAsSuch() throws Exception {
        HttpResponse<String> start = get(server.baseUrl() + "/staff/oidc/login", null);
        String flow = setCookie(start, OidcRoutes.COOKIE).split(";")[0];
        String state = query(location(start)).get("state");
        HttpResponse<String> r = get(server.baseUrl() + "/staff/oidc/callback?error=access_denied&state=" + state, flow);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("cancelled or refused");
    }

    @Test
    void logOutEndsTheLocalLogInAndSendsTheBrowserToTheProvidersEndSession() throws Exception {
        nextToken("0f3a-fia", claims("preferred_username", "fia", "roles", List.of("losen-staff")), 3600);
        String cookie = setCookie(logIn(server), CookieStaffAuth.COOKIE).split(";")[0];
        String csrf = me(server, cookie).getString("csrf");
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout"))
                .header("Cookie", cookie).header("Origin", server.baseUrl()).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(setCookie(out, CookieStaffAuth.COOKIE)).startsWith("losen_staff=;").contains("Max-Age=0");
        String redirect = new JsonObject(out.body()).getString("redirect");
        assertThat(redirect).startsWith(issuer() + "/endsession");
        assertThat(query(redirect)).containsEntry("client_id", CLIENT)
                .containsEntry("post_logout_redirect_uri", server.baseUrl() + "/staff").doesNotContainKey("id_token_hint");
        assertThat(me(server, cookie).containsKey("user")).isFalse();
        // The provider's end-session endpoint answers and sends the browser back to the console.
        assertThat(location(get(redirect, null))).isEqualTo(server.baseUrl() + "/staff");
    }

    @Test
    void aPasswordLogInBesideOidcStillWorksAndItsLogOutStaysLocal() throws Exception {
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("name=anna&password=" + PASSWORD.replace(" ", "+"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(200);
        String cookie = setCookie(in, CookieStaffAuth.COOKIE).split(";")[0];
        assertThat(me(server, cookie).getJsonArray("roles")).containsExactly("staff");
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/logout"))
                .header("Cookie", cookie).header("Origin", server.baseUrl())
                .header("X-CSRF-Token", new JsonObject(in.body()).getString("csrf"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(204);
    }
}
