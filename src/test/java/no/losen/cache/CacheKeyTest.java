package no.losen.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void equalInputsGiveEqualFingerprintsAndAnyChangeAnother() {
        CacheKey a = CacheKey.of("search", "v1").add("ab").add("c").build();
        assertThat(CacheKey.of("search", "v1").add("ab").add("c").build()).isEqualTo(a);
        assertThat(CacheKey.of("search", "v1").add("a").add("bc").build()).as("inputs are length-prefixed").isNotEqualTo(a);
        assertThat(CacheKey.of("search", "v2").add("ab").add("c").build()).as("code version").isNotEqualTo(a);
        assertThat(CacheKey.of("intents", "v1").add("ab").add("c").build()).as("kind").isNotEqualTo(a);
        assertThat(a.hex()).hasSize(64);
        assertThat(a.shortHex()).hasSize(24);
    }

    @Test
    void theRunningCodeHasAVersionFromTheBuild() {
        assertThat(CodeVersion.current()).matches("[^@]+@\\d{4}-\\d\\d-\\d\\dT.+").doesNotContain("${");
    }
}
