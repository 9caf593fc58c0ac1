package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ID token checks OpenID Connect Core 3.1.3.7 asks of a client, one by one, on the claims
 * {@code vertx-auth-oauth2} decoded (its signature check and the code exchange run in
 * {@link OidcRoutesTest} against a real provider). Each test changes one claim of a valid token.
 */
class OidcLoginTest {

    static final String ISSUER = "https://login.mottak.example/realms/losen";
    static final long NOW = 1_780_000_000L;
    final Vertx vertx = Vertx.vertx();
    final OidcLogin login = new OidcLogin(vertx, new OidcSettings(ISSUER, "losen-console", null, "roles",
            OidcSettings.parseRoleMap("losen-staff=staff"), "preferred_username", List.of("openid")),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    @AfterEach
    void down() {
        vertx.close();
    }

    static JsonObject valid() {
        return new JsonObject().put("iss", ISSUER).put("aud", "losen-console").put("sub", "0f3a")
                .put("exp", NOW + 300).put("iat", NOW - 5).put("nonce", "n-123")
                .put("preferred_username", "anna").put("roles", new JsonArray().add("losen-staff"));
    }

    static User user(JsonObject idToken) {
        return User.create(new JsonObject(), new JsonObject().put("idToken", idToken));
    }

    String refusal(JsonObject idToken) {
        OidcLogin.Outcome o = login.check(user(idToken), "n-123");
        return o instanceof OidcLogin.Refused r ? r.refusal().code + ":" + r.detail() : "ok";
    }

    @Test
    void aValidTokenGivesTheNameAndRoles() {
        OidcLogin.Outcome o = login.check(user(valid()), "n-123");
        assertThat(o).isEqualTo(new OidcLogin.Verified("anna", java.util.Set.of(Role.STAFF), "0f3a"));
        // Without the name claim the subject is shown (never a personal id number: the name claim is chosen).
        assertThat(login.check(user(valid().copy().put("preferred_username", " ")), "n-123"))
                .isEqualTo(new OidcLogin.Verified("0f3a", java.util.Set.of(Role.STAFF), "0f3a"));
    }

    @Test
    void noIdTokenMeansTheLibraryRefusedItsSignatureIssuerOrAudience() {
        assertThat(login.check(User.create(new JsonObject().put("access_token", "x")), "n-123"))
                .isEqualTo(new OidcLogin.Refused(OidcLogin.Refusal.TOKEN, "id_token_invalid"));
    }

    @Test
    void theIssuerMustBeTheConfiguredOne() {
        assertThat(refusal(valid().put("iss", "https://evil.example/realms/losen"))).isEqualTo("token:issuer");
        assertThat(refusal(valid().put("iss", ISSUER + "/"))).isEqualTo("ok");
        assertThat(refusal(valid().copy().put("iss", (String) null))).isEqualTo("token:issuer");
    }

    @Test
    void theAudienceMustNameThisClientAndSeveralNeedAnAuthorisedPartyThatIsUs() {
        assertThat(refusal(valid().put("aud", "another-app"))).isEqualTo("token:audience");
        assertThat(refusal(valid().put("aud", new JsonArray().add("another-app")))).isEqualTo("token:audience");
        assertThat(refusal(valid().put("aud", (String) null))).isEqualTo("token:audience");
        JsonArray two = new JsonArray().add("losen-console").add("another-app");
        assertThat(refusal(valid().put("aud", two))).isEqualTo("token:azp");
        assertThat(refusal(valid().put("aud", two).put("azp", "another-app"))).isEqualTo("token:azp");
        assertThat(refusal(valid().put("aud", two).put("azp", "losen-console"))).isEqualTo("ok");
    }

    @Test
    void anExpiredTokenIsRefusedBeyondAMinuteOfClockSkew() {
        assertThat(refusal(valid().put("exp", NOW - 30))).isEqualTo("ok");
        assertThat(refusal(valid().put("exp", NOW - 61))).isEqualTo("token:expired");
        assertThat(refusal(valid().put("exp", (Long) null))).isEqualTo("token:expired");
        assertThat(refusal(valid().put("exp", String.valueOf(NOW + 300)))).isEqualTo("token:expired");
        assertThat(refusal(valid().put("iat", NOW + 3600))).isEqualTo("token:issued_in_future");
    }

    @Test
    void theNonceMustBeTheOneThisBrowserSent() {
        assertThat(refusal(valid().put("nonce", "n-124"))).isEqualTo("token:nonce");
        assertThat(refusal(valid().put("nonce", (String) null))).isEqualTo("token:nonce");
    }

    @Test
    void aSubjectIsNeededAndAMappedRole() {
        assertThat(refusal(valid().put("sub", ""))).isEqualTo("token:no_subject");
        assertThat(refusal(valid().put("roles", new JsonArray().add("staff")))).isEqualTo("no-role:no_mapped_role");
        JsonObject noRoles = valid();
        noRoles.remove("roles");
        assertThat(refusal(noRoles)).isEqualTo("no-role:no_mapped_role");
    }

    @Test
    void aCallbackWithoutTheFlowCookieOrWithAnotherStateIsRefusedBeforeAnyNetworkCall() {
        // The provider at ISSUER does not exist: a refusal here proves no discovery or token call was made.
        assertThat(login.finish(null, "s", "code", null, "https://x/cb").await())
                .isEqualTo(new OidcLogin.Refused(OidcLogin.Refusal.STATE, "no_cookie"));
        assertThat(login.finish("s1.n.v", "s2", "code", null, "https://x/cb").await())
                .isEqualTo(new OidcLogin.Refused(OidcLogin.Refusal.STATE, "mismatch"));
        assertThat(login.finish("s1.n.v", null, "code", null, "https://x/cb").await())
                .isEqualTo(new OidcLogin.Refused(OidcLogin.Refusal.STATE, "mismatch"));
        assertThat(login.finish("s1.n.v", "s1", null, "access_denied", "https://x/cb").await())
                .isEqualTo(new OidcLogin.Refused(OidcLogin.Refusal.PROVIDER, "access_denied"));
    }
}
