package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One answer to "which pages may talk to us" for /ws and the staff routes: the whole origin counts, scheme too. */
class OriginsTest {

    final ClientAddress direct = ClientAddress.direct();

    @Test
    void withoutAPublicUrlTheRequestsSchemeAndHostAreTheServersOrigin() {
        Origins o = new Origins(null, List.of(), direct);
        assertThat(o.self("http://localhost:8080", "localhost:8080", false)).isTrue();
        assertThat(o.self("https://losen.example", "losen.example", true)).isTrue();
        assertThat(o.self("https://losen.example", "losen.example:443", true)).isTrue();
        assertThat(o.self("http://localhost:8081", "localhost:8080", false)).isFalse();
        assertThat(o.self("https://evil.example", "localhost:8080", false)).isFalse();
        assertThat(o.self("null", "localhost:8080", false)).isFalse();
        assertThat(o.self(null, "localhost:8080", false)).isFalse();
        assertThat(o.publicHttps()).isFalse();
    }

    @Test
    void theSchemeIsPartOfTheOrigin() {
        Origins o = new Origins(null, List.of("https://ngo.example"), direct);
        assertThat(o.self("https://localhost:8080", "localhost:8080", false)).as("a page on https, we on http").isFalse();
        assertThat(o.self("http://losen.example", "losen.example", true)).as("a page on http, we on https").isFalse();
        assertThat(o.socketAllowed("http://ngo.example", "losen.example", true)).isFalse();
        assertThat(o.socketAllowed("https://ngo.example", "losen.example", true)).isTrue();
        assertThat(o.socketAllowed("https://NGO.example:443/", "losen.example", true)).isTrue();
    }

    @Test
    void behindAProxyThePublicUrlsOriginCountsAndMakesCookiesSecure() {
        Origins o = new Origins("https://Losen.Example/", List.of(), direct);
        assertThat(o.self("https://losen.example", "10.0.0.5:8080", false)).isTrue();
        assertThat(o.self("http://losen.example", "10.0.0.5:8080", false)).isFalse();
        assertThat(o.publicHttps()).isTrue();
    }

    @Test
    void socketsFromNonBrowsersAndFromAnyOriginWhenAllowedByStar() {
        assertThat(new Origins(null, List.of(), direct).socketAllowed(null, "localhost:8080", false)).isTrue();
        assertThat(new Origins(null, List.of("*"), direct).socketAllowed("https://any.example", "x", false)).isTrue();
        assertThat(new Origins(null, List.of(), direct).socketAllowed("https://any.example", "x", false)).isFalse();
    }

    @Test
    void withAPublicUrlTheHostMustNameItOrBeAnAddress() {
        Origins o = new Origins("https://losen.example", List.of(), direct);
        assertThat(o.hostAllowed("losen.example")).isTrue();
        assertThat(o.hostAllowed("LOSEN.example:443")).isTrue();
        assertThat(o.hostAllowed("10.0.0.5:8080")).as("a load balancer's health check").isTrue();
        assertThat(o.hostAllowed("[::1]:8080")).isTrue();
        assertThat(o.hostAllowed("localhost:8080")).isTrue();
        assertThat(o.hostAllowed("rebind.evil.example")).as("DNS rebinding").isFalse();
        assertThat(new Origins(null, List.of(), direct).hostAllowed("anything.example")).isTrue();
    }

    @Test
    void anAllowedOriginNoPageCanHaveIsRefusedAtStartWithWhatToWrite() {
        for (String never : List.of("127.0.0.1:18321", "http://127.0.0.1:*", "ngo.example", "ftp://ngo.example")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Origins(null, List.of(never), direct))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(never).hasMessageContaining("https://");
        }
        assertThat(new Origins(null, List.of("http://127.0.0.1:18321/", "*"), direct)
                .socketAllowed("http://127.0.0.1:18321", "x", false)).isTrue();
    }
}
