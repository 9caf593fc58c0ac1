package no.losen.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAre128BitsUrlSafeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String t = Tokens.next();
            assertThat(t).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(Tokens.wellFormed(t)).isTrue();
            assertThat(seen.add(t)).isTrue();
        }
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("short")).isFalse();
        assertThat(Tokens.wellFormed("../../../../etc/passwd")).isFalse();
        assertThat(Tokens.wellFormed("aaaaaaaaaaaaaaaaaaaaa!")).isFalse();
    }
}
