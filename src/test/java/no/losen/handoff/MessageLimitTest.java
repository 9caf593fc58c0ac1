package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** At most so many messages in any minute. */
class MessageLimitTest {

    @Test
    void aFullMinuteRefusesUntilTheOldestMessageIsAMinuteOld() {
        MessageLimit limit = new MessageLimit(3);
        Instant t = Instant.parse("2026-12-07T09:00:00Z");
        assertThat(limit.take(t)).isTrue();
        assertThat(limit.take(t.plusSeconds(10))).isTrue();
        assertThat(limit.take(t.plusSeconds(20))).isTrue();
        assertThat(limit.take(t.plusSeconds(30))).isFalse();
        assertThat(limit.take(t.plusSeconds(59))).isFalse();
        assertThat(limit.take(t.plusSeconds(60))).isTrue();
        assertThat(limit.take(t.plusSeconds(61))).isFalse();
    }
}
