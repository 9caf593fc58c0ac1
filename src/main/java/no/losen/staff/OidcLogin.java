package no.losen.staff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenID Connect log-in, the authorization code flow with PKCE: {@link #start} sends the browser to
 * the provider, {@link #finish} takes the code it brings back and decides who it is and which roles
 * they have. {@code vertx-auth-oauth2} reads the provider's discovery document, fetches its keys
 * (JWKS, refreshed when a token names an unknown key) and exchanges the code; the ID token it
 * decodes is checked here once more, claim by claim, because the library keeps a user whose ID token
 * failed its checks (it only leaves the token out), and checks neither expiry nor nonce.
 *
 * <p>The flow's three secrets (state, nonce, PKCE verifier) travel in one short-lived cookie rather
 * than in server memory: nothing an anonymous {@code GET /staff/oidc/login} can fill, and it works
 * whichever instance the provider sends the browser back to. The cookie is bound to this browser,
 * so a callback carrying someone else's code and state (log-in CSRF) finds no matching state.
 *
 * <p>Nothing from the tokens is kept beyond the user name and roles of the log-in; no token is logged.
 */
final class OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);
    /** Clock skew allowed between us and the provider when checking expiry. */
    static final Duration LEEWAY = Duration.ofSeconds(60);
    /** How long a failed discovery is remembered before the next log-in tries again. */
    static final Duration RETRY = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a log-in was refused; the page words are {@code console.oidc.<code>}. */
    enum Refusal {
        /** The callback's state is not this browser's (stale tab, second log-in, forged link). */
        STATE("state"),
        /** The provider said no (the user cancelled, or the client is not allowed). */
        PROVIDER("provider"),
        /** The code exchange failed or the ID token is invalid (signature, issuer, audience, nonce, expiry). */
        TOKEN("token"),
        /** The provider cannot be reached (discovery or token endpoint). */
        UNAVAILABLE("unavailable"),
        /** A valid user, but the roles claim names no Losen role. */
        NO_ROLE("no-role");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** Where to send the browser, and the cookie that must come back with the code. */
    record Start(String url, String cookie) {
    }

    /** What a callback came to: a user with roles, or a refusal and (for the log) what was wrong. */
    sealed interface Outcome permits Verified, Refused {
    }

    /** @param subject the token's {@code sub}: for a keyed log tag only, never logged or shown */
    record Verified(String user, Set<Role> roles, String subject) implements Outcome {
    }

    record Refused(Refusal refusal, String detail) implements Outcome {
    }

    private final Vertx vertx;
    private final OidcSettings settings;
    private final RoleClaim roles;
    private final Clock clock;
    private Future<OAuth2Auth> provider;
    private long failedAt;

    OidcLogin(Vertx vertx, OidcSettings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.roles = new RoleClaim(settings.rolesClaim(), settings.roleMap());
        this.clock = clock;
    }

    OidcSettings settings() {
        return settings;
    }

    /**
     * The provider, discovered once. A failed discovery (the provider down at our start) is tried
     * again at a log-in after {@link #RETRY}, so the server need not be restarted.
     */
    synchronized Future<OAuth2Auth> provider() {
        if (provider == null || (provider.failed() && clock.millis() - failedAt > RETRY.toMillis())) {
            OAuth2Options options = new OAuth2Options().setSite(settings.issuer()).setClientId(settings.clientId())
                    .setClientSecret(settings.clientSecret()).setValidateIssuer(true);
            options.getJWTOptions().setLeeway((int) LEEWAY.toSeconds());
            provider = OpenIDConnectAuth.discover(vertx, options).map(p -> {
                // A token signed with a key we have not seen: the provider rotated its keys; fetch them again.
                p.missingKeyHandler(kid -> p.jWKSet().onFailure(e ->
                        LOG.warn("event=staff.oidc.jwks_failed cause={}", e.getClass().getName())));
                LOG.info("event=staff.oidc.ready end_session={}", options.getLogoutPath() != null);
                return p;
            }).onFailure(e -> {
                synchronized (this) {
                    failedAt = clock.millis();
                }
                LOG.warn("event=staff.oidc.discovery_failed issuer={} cause=\"{}\"", settings.issuer(), e.getMessage());
            });
        }
        return no.losen.internal.OwnContext.of(provider);
    }

    /** Fetches the discovery document now, so a wrong issuer shows in the log at start-up. */
    void warmUp() {
        provider();
    }

    /** The provider's log-in page for this browser, with a fresh state, nonce and PKCE challenge. */
    Future<Start> start(String redirectUri) {
        return provider().map(p -> {
            String state = random();
            String nonce = random();
            String verifier = random() + random();
            String url = p.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(redirectUri)
                    .setScopes(settings.scopes()).setState(state)
                    .setCodeChallenge(challenge(verifier)).setCodeChallengeMethod("S256")
                    // put, not setAdditionalParameters: that would replace redirect_uri and the challenge.
                    .putAdditionalParameter("nonce", nonce));
            return new Start(url, state + "." + nonce + "." + verifier);
        });
    }

    /**
     * The provider sent the browser back: checks the state against this browser's cookie, exchanges
     * the code (with the PKCE verifier) and checks the ID token. Never fails: every problem is a
     * {@link Refused}.
     */
    Future<Outcome> finish(String cookie, String state, String code, String error, String redirectUri) {
        String[] parts = cookie == null ? new String[0] : cookie.split("\\.");
        if (parts.length != 3 || state == null || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII))) {
            return Future.succeededFuture(new Refused(Refusal.STATE, parts.length == 3 ? "mismatch" : "no_cookie"));
        }
        if (error != null || code == null) {
            return Future.succeededFuture(new Refused(Refusal.PROVIDER, error == null ? "no_code" : safe(error)));
        }
        String nonce = parts[1];
        String verifier = parts[2];
        Future<OAuth2Auth> p = provider();
        return p.compose(auth -> auth.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
                        .setCode(code).setRedirectUri(redirectUri).setCodeVerifier(verifier))
                .map(user -> check(user, nonce))
                .recover(e -> Future.succeededFuture(new Refused(Refusal.TOKEN, "exchange"))))
                .recover(e -> Future.succeededFuture(new Refused(Refusal.UNAVAILABLE, "discovery")));
    }

    /** OpenID Connect Core 3.1.3.7: issuer, audience, authorised party, expiry, nonce; then the roles. */
    Outcome check(User user, String nonce) {
        JsonObject id = user.attributes().getJsonObject("idToken");
        if (id == null) {
            // vertx-auth-oauth2 left it out: no ID token, or a signature, issuer or audience it refused.
            return new Refused(Refusal.TOKEN, "id_token_invalid");
        }
        if (!settings.issuer().equals(stripSlash(id.getString("iss")))) {
            return new Refused(Refusal.TOKEN, "issuer");
        }
        JsonArray aud = id.getValue("aud") instanceof String s ? new JsonArray().add(s)
                : id.getValue("aud") instanceof JsonArray a ? a : new JsonArray();
        if (!aud.contains(settings.clientId())) {
            return new Refused(Refusal.TOKEN, "audience");
        }
        if (aud.size() > 1 && !settings.clientId().equals(id.getString("azp"))) {
            return new Refused(Refusal.TOKEN, "azp");
        }
        long now = clock.millis() / 1000;
        Object exp = id.getValue("exp");
        if (!(exp instanceof Number n) || n.longValue() + LEEWAY.toSeconds() < now) {
            return new Refused(Refusal.TOKEN, "expired");
        }
        Object iat = id.getValue("iat");
        if (iat instanceof Number issued && issued.longValue() - LEEWAY.toSeconds() > now) {
            return new Refused(Refusal.TOKEN, "issued_in_future");
        }
        String sent = id.getString("nonce");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8))) {
            return new Refused(Refusal.TOKEN, "nonce");
        }
        String subject = id.getString("sub");
        if (subject == null || subject.isEmpty()) {
            return new Refused(Refusal.TOKEN, "no_subject");
        }
        Set<Role> given = roles.roles(id);
        if (given.isEmpty()) {
            return new Refused(Refusal.NO_ROLE, "no_mapped_role");
        }
        String name = Optional.ofNullable(id.getValue(settings.nameClaim())).filter(String.class::isInstance)
                .map(String.class::cast).filter(s -> !s.isBlank()).orElse(subject);
        return new Verified(name, given, subject);
    }

    /**
     * The provider's log-out page, if its discovery names an {@code end_session_endpoint}: the
     * browser goes there after our log-in has ended, and comes back to {@code postLogout}. We keep no
     * ID token, so the request names the client instead of an {@code id_token_hint}
     * (OpenID Connect RP-Initiated Logout 1.0 allows either).
     */
    Optional<String> endSessionUrl(String postLogout) {
        Future<OAuth2Auth> p = provider;
        if (p == null || !p.succeeded()) {
            return Optional.empty();
        }
        return Optional.ofNullable(p.result().endSessionURL(User.create(new JsonObject()),
                new JsonObject().put("client_id", settings.clientId()).put("post_logout_redirect_uri", postLogout)));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String stripSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A provider's error code, for the log: short and of safe characters only. */
    private static String safe(String error) {
        String s = error.replaceAll("[^A-Za-z0-9_.-]", "");
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
