package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import no.losen.http.ConnectionRate;
import no.losen.server.Config;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flags map onto the configuration; a bad value stops the start with the setting named. */
class ServeCommandTest {

    static Config parse(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.config();
    }

    @Test
    void operationsFlagsReachTheConfig() {
        Config c = parse("--session-store", "redis://cache:6379/2", "--frame-ancestors", "https://a.example https://b.example",
                "--max-connections-per-address", "7", "--ws-idle-timeout", "90s", "--shutdown-grace", "5s",
                "--trusted-proxy", "10.0.0.5", "--ws-rate", "3", "--ws-burst", "6", "--http-idle-timeout", "45s");
        assertThat(c.ops().sessionStore()).isEqualTo("redis://cache:6379/2");
        assertThat(c.ops().frameAncestors()).containsExactly("https://a.example", "https://b.example");
        assertThat(c.ops().ws().maxPerAddress()).isEqualTo(7);
        assertThat(c.ops().ws().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.ops().ws().ratePerSecond()).isEqualTo(3);
        assertThat(c.ops().shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.ops().trustedProxies()).isEqualTo(List.of("10.0.0.5"));
        assertThat(c.ops().httpIdleTimeout()).isEqualTo(Duration.ofSeconds(45));
        Config budget = parse("--new-connections-burst", "40", "--new-connections-rate", "2.5");
        assertThat(budget.ops().newConnections()).isEqualTo(new ConnectionRate.Limit(40, 2.5));
        assertThat(budget.ops().ws().newSockets()).isEqualTo(no.losen.channel.ws.SocketPace.Pace.DEFAULT);
        Config pace = parse("--new-sockets-burst", "4", "--new-sockets-rate", "0.5");
        assertThat(pace.ops().ws().newSockets()).isEqualTo(new no.losen.channel.ws.SocketPace.Pace(4, 0.5));
    }

    @Test
    void defaultsAreMemorySessionsAndNoFraming() {
        Config c = parse();
        assertThat(c.ops().redis()).isFalse();
        assertThat(c.ops().frameAncestors()).isEmpty();
        assertThat(c.ops().httpIdleTimeout()).isEqualTo(Duration.ofMinutes(1));
        // A server with no settings protects itself: 1,000 new connections per address at once, then 50 a second.
        assertThat(c.ops().newConnections()).isEqualTo(ConnectionRate.Limit.DEFAULT).isEqualTo(new ConnectionRate.Limit(1000, 50));
    }

    @Test
    void badValuesAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> parse("--session-store", "postgres://db")).hasMessageContaining("LOSEN_SESSION_STORE");
        assertThatThrownBy(() -> parse("--ws-idle-timeout", "soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> parse("--http-idle-timeout", "0s")).hasMessageContaining("LOSEN_HTTP_IDLE_TIMEOUT");
        assertThatThrownBy(() -> parse("--new-connections-rate", "0")).hasMessageContaining("LOSEN_NEW_CONNECTIONS_RATE");
        assertThat(new CommandLine(new ServeCommand()).execute("--session-store", "ftp://x")).isEqualTo(2);
    }

    @Test
    void openIdConnectIsOffByDefaultAndItsFlagsReachTheConfig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(parse().oidc()).isNull();
        java.nio.file.Path secret = dir.resolve("oidc-secret");
        java.nio.file.Files.writeString(secret, "s3cret-from-a-mounted-file\n");
        Config c = parse("--oidc-issuer", "https://login.example/realms/mottak/", "--oidc-client-id", "losen",
                "--oidc-client-secret-file", secret.toString(), "--oidc-roles-claim", "realm_access.roles",
                "--oidc-role-map", "losen-staff=staff,losen-counsellor=counsellor", "--oidc-scopes", "openid,profile,email");
        assertThat(c.oidc().issuer()).isEqualTo("https://login.example/realms/mottak");
        assertThat(c.oidc().clientId()).isEqualTo("losen");
        assertThat(c.oidc().clientSecret()).isEqualTo("s3cret-from-a-mounted-file");
        assertThat(c.oidc().rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(c.oidc().roleMap()).containsEntry("losen-counsellor", no.losen.staff.Role.COUNSELLOR).hasSize(2);
        assertThat(c.oidc().nameClaim()).isEqualTo("preferred_username");
        assertThat(c.oidc().scopes()).containsExactly("openid", "profile", "email");
    }

    @Test
    void anIncompleteOrWrongOpenIdConnectSettingStopsTheStart() {
        assertThatThrownBy(() -> parse("--oidc-issuer", "https://login.example")).hasMessageContaining("LOSEN_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> parse("--oidc-issuer", "https://login.example", "--oidc-client-id", "losen",
                "--oidc-role-map", "admins=admin")).hasMessageContaining("unknown Losen role 'admin'");
        assertThatThrownBy(() -> parse("--oidc-issuer", "https://login.example", "--oidc-client-id", "losen",
                "--oidc-client-secret-file", "/nonexistent/secret")).hasMessageContaining("LOSEN_OIDC_CLIENT_SECRET_FILE");
    }

    static java.util.Optional<String> handoffWarning(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.handoffWarning();
    }

    @Test
    void handOffSettingsThatCannotRunAreNamedAtStartUp() {
        assertThat(handoffWarning()).isEmpty();   // not set up at all: nothing to say
        assertThat(handoffWarning("--handoff-hours", "mon-fri 09:00-15:00")).get().asString()
                .contains("LOSEN_HANDOFF_ORGANISATION");
        assertThat(handoffWarning("--handoff-organisation", "ROSA")).get().asString().contains("LOSEN_HANDOFF_HOURS");
        assertThat(handoffWarning("--handoff-organisation", "ROSA", "--handoff-hours", "mon-fri 09:00-15:00")).isEmpty();
    }
}
