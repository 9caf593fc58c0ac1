package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import no.losen.Fixtures;
import org.junit.jupiter.api.Test;

/** LOSEN_STALE_FALLBACK reaches the translations the engine reads. */
class StaleFallbackConfigTest {

    @Test
    void onByDefaultAndOffWhenConfigured() {
        Config on = Config.defaults().withContent(Fixtures.BASIC);
        assertThat(on.staleFallback()).isTrue();
        assertThat(Losen.content(on).set().translations().staleFallback()).isTrue();
        Config off = on.toBuilder().staleFallback(false).build();
        assertThat(Losen.content(off).set().translations().staleFallback()).isFalse();
        assertThat(Losen.content(off).ok()).isTrue();
    }
}
