package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.losen.server.LosenServerExtension;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * OpenID Connect log-in in real Chromium: the console's button, the provider (mock-oauth2-server on
 * {@code localhost}, so the way back to Losen on {@code 127.0.0.1} is a cross-site navigation, as with
 * a real provider), the console after it, log-out through the provider's end-session page, and the
 * page a user without a role sees.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OidcLogInBrowserTest {

    static final String ISSUER_ID = "mottak";
    static final String CLIENT = "losen-console";

    @TempDir
    static Path tmp;
    @AutoClose("shutdown")
    static final MockOAuth2Server idp = new MockOAuth2Server();

    static {
        idp.start(0);   // listening before the server that names it starts
    }

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("anna", "correct horse battery")
            .with(c -> c.withContent(StaffConsoleBrowserTest.CONTENT)
                    .withOidc(new OidcSettings(idp.issuerUrl(ISSUER_ID).toString().replaceAll("/$", ""), CLIENT, "client-secret",
                            "realm_access.roles", OidcSettings.parseRoleMap("losen-staff=staff"), "preferred_username", List.of("openid"))));
    static ConsoleBrowser browser;

    @BeforeAll
    static void up() throws Exception {
        browser = ConsoleBrowser.open(Files.createDirectories(tmp.resolve("profile")));
    }

    @BeforeEach
    void clean() {
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void down() {
        if (browser != null) {
            browser.close();
        }
    }

    static void nextToken(String user, List<String> roles) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "sub-" + user, "JWT", List.of(CLIENT),
                Map.of("preferred_username", user, "realm_access", Map.of("roles", roles)), 3600));
    }

    @Test
    void logInThroughTheProviderUseTheConsoleAndLogOutThere() throws Exception {
        ConsoleBrowser b = browser;
        b.driver.get(server.baseUrl() + "/staff");
        // Both ways in are offered: the provider's button first, the password form below it.
        b.visible("#login-oidc");
        b.textAppears("#login-oidc", "Logg inn med kontoen fra organisasjonen din");
        b.visible("#login-or");
        b.visible("#login-form");
        b.screenshot("oidc-login.png");
        assertThat(b.accessibilityProblems()).as("axe-core on the log-in page with OIDC").isEmpty();

        nextToken("anna.berg", List.of("losen-staff", "offline_access"));
        b.visible("#login-oidc").click();
        // The provider answers at once (no log-in form in the mock) and sends the browser back.
        b.visible("#dialogs button");
        assertThat(b.driver.getCurrentUrl()).isEqualTo(server.baseUrl() + "/staff");
        b.textAppears("#user", "anna.berg");
        b.visible("#dialogs button").click();
        b.visible("#choices button");
        b.screenshot("oidc-console.png");
        assertThat(b.pageErrors()).as("no CSP refusals or script errors").isEmpty();

        b.visible("#logout").click();
        // Our log-in ends, the provider's end-session page runs and sends the browser back to the console.
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> {
            Object shown = b.js("var l = document.getElementById('login'); return l && !l.hidden;");
            return Boolean.TRUE.equals(shown) && d.getCurrentUrl().equals(server.baseUrl() + "/staff");
        });
        b.visible("#login-oidc");
        assertThat(b.driver.manage().getCookieNamed(CookieStaffAuth.COOKIE)).isNull();
    }

    @Test
    void aUserWithoutARoleSeesWhyInTheConsolesLanguage() throws Exception {
        ConsoleBrowser b = browser;
        nextToken("eva", List.of("offline_access"));
        b.driver.get(server.baseUrl() + "/staff");
        b.visible("#login-oidc").click();
        b.visible("#oidc-refused");
        b.textAppears("#oidc-refused", "ingen rolle i ansattkonsollet");
        assertThat(b.driver.getCurrentUrl()).startsWith(server.baseUrl() + "/staff/oidc/callback");
        b.screenshot("oidc-no-role.png");
        assertThat(b.accessibilityProblems()).as("axe-core on the refusal page").isEmpty();
        b.visible("#oidc-refused a").click();
        b.visible("#login-oidc");
        assertThat(b.driver.manage().getCookieNamed(CookieStaffAuth.COOKIE)).isNull();
    }
}
