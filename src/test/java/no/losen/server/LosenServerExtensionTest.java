package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.losen.Fixtures;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-class server: defaults first, settings and staff accounts on top, and nothing left
 * running or on disk after the class, also when the start fails. JUnit's calls are made by hand
 * here (the extension does not read its context) so each case is one test.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LosenServerExtensionTest {

    static final String PASSWORD = "correct horse battery";

    @Test
    void theNoArgumentFormRunsTheServerWithItsDefaultSettingsOnAFreePort() throws Exception {
        LosenServerExtension server = LosenServerExtension.defaults();
        try {
            server.beforeAll(null);
            assertThat(server.config()).isEqualTo(Config.defaults().withPort(0));
            assertThat(server.port()).isPositive();
            assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.get("/health/ready").status()).isEqualTo(200);
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void staffAccountsCanLogInWithTheirRolesAndTheirFileGoesWithTheServer() throws Exception {
        LosenServerExtension server = LosenServerExtension.defaults().with(c -> c.withContent(Fixtures.BASIC))
                .staff("kari", PASSWORD, Role.COUNSELLOR).staff("anna", PASSWORD);
        Path users;
        try {
            server.beforeAll(null);
            users = server.config().staffUsers();
            StaffAccounts accounts = new StaffAccounts(users);
            assertThat(accounts.roles("kari")).containsExactly(Role.COUNSELLOR);
            assertThat(accounts.roles("anna")).containsExactly(Role.STAFF);
            assertThat(logIn(server, "kari").statusCode()).isEqualTo(200);
        } finally {
            server.afterAll(null);
        }
        assertThat(users).doesNotExist();
    }

    @Test
    void settingsAreAppliedInOrderOnTopOfTheDefaults() throws Exception {
        LosenServerExtension server = LosenServerExtension.defaults().with(c -> c.withContent(Fixtures.BASIC))
                .with(c -> c.withMaxSessions(7)).with(c -> c.withMaxSessions(c.maxSessions() + 1));
        try {
            server.beforeAll(null);
            assertThat(server.config().maxSessions()).isEqualTo(8);
            assertThat(server.config().content()).isEqualTo(Fixtures.BASIC);
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void aStartThatFailsThrowsAndLeavesNoServerAndNoUsersFileBehind(@TempDir Path dir) throws Exception {
        Path broken = Fixtures.copyOfBasic(dir);
        Fixtures.write(broken.resolve("dialogs/demo.yaml"), "id: demo\nstart: nowhere\nnodes: {}\n");
        AtomicReference<Path> users = new AtomicReference<>();
        LosenServerExtension server = LosenServerExtension.defaults().staff("kari", PASSWORD).with(c -> {
            users.set(c.staffUsers());
            return c.withContent(broken);
        });
        assertThatThrownBy(() -> server.beforeAll(null)).hasMessageContaining("the content does not validate");
        assertThat(users.get()).exists();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
        server.afterAll(null);   // JUnit calls it after a failed beforeAll too
        assertThat(users.get()).doesNotExist();
        assertThat(Files.exists(users.get().getParent())).isFalse();
    }

    @Test
    void aServerNotStartedByJUnitSaysHowToRegisterIt() {
        LosenServerExtension server = LosenServerExtension.defaults();
        assertThatThrownBy(server::connect).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
        assertThatThrownBy(server::config).isInstanceOf(IllegalStateException.class).hasMessageContaining("static field");
    }

    static HttpResponse<String> logIn(TestServer server, String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", server.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + PASSWORD.replace(" ", "+"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
