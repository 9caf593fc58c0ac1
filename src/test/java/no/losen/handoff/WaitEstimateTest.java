package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wait estimate comes from how fast counsellors have really been accepting, or is not given. */
class WaitEstimateTest {

    final Instant t0 = Instant.parse("2026-12-07T09:00:00Z");
    final WaitEstimate estimate = new WaitEstimate();

    @Test
    void noNumberUntilThereAreEnoughAccepts() {
        estimate.accepted(t0);
        estimate.accepted(t0.plusSeconds(240));
        assertThat(estimate.at(1, t0.plusSeconds(250))).isEmpty();
    }

    @Test
    void theMeanIntervalBetweenAcceptsTimesThePlace() {
        estimate.accepted(t0);
        estimate.accepted(t0.plusSeconds(240));
        estimate.accepted(t0.plusSeconds(480));   // one every four minutes
        assertThat(estimate.at(1, t0.plusSeconds(490))).contains(Duration.ofMinutes(4));
        assertThat(estimate.at(3, t0.plusSeconds(490))).contains(Duration.ofMinutes(12));
    }

    @Test
    void aLongSilenceSinceTheLastAcceptMakesTheEstimateLonger() {
        estimate.accepted(t0);
        estimate.accepted(t0.plusSeconds(60));
        estimate.accepted(t0.plusSeconds(120));
        // nobody accepted for 15 minutes: the three accepts now span 17 minutes
        assertThat(estimate.at(1, t0.plusSeconds(1020))).contains(Duration.ofMinutes(6));
    }

    @Test
    void oldAcceptsAreForgotten() {
        estimate.accepted(t0);
        estimate.accepted(t0.plusSeconds(60));
        estimate.accepted(t0.plusSeconds(120));
        assertThat(estimate.at(1, t0.plus(Duration.ofHours(3)))).isEmpty();
    }
}
