package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Origin is this server's own: the public URL's, or the request's Host. */
class SameOriginTest {

    @Test
    void withoutAPublicUrlTheHostDecides() {
        SameOrigin o = new SameOrigin(null);
        assertThat(o.matches("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(o.matches("https://losen.example", "losen.example:443")).isTrue();
        assertThat(o.matches("http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(o.matches("https://evil.example", "localhost:8080")).isFalse();
        assertThat(o.matches("null", "localhost:8080")).isFalse();
        assertThat(o.matches(null, "localhost:8080")).isFalse();
        assertThat(o.publicHttps()).isFalse();
    }

    @Test
    void behindAProxyThePublicUrlsOriginCountsAndMakesCookiesSecure() {
        SameOrigin o = new SameOrigin("https://Losen.Example/");
        assertThat(o.matches("https://losen.example", "10.0.0.5:8080")).isTrue();
        assertThat(o.matches("http://losen.example", "10.0.0.5:8080")).isFalse();
        assertThat(o.publicHttps()).isTrue();
    }

    @Test
    void theCookieIsFoundAmongOthers() {
        assertThat(CookieStaffAuth.cookie(java.util.List.of("a=1; losen_staff=abc; b=2"))).contains("abc");
        assertThat(CookieStaffAuth.cookie(java.util.List.of("losen_staffx=abc"))).isEmpty();
    }
}
