package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Five free failures per key, then delays that double up to a cap; an attempt counts before the password is checked. */
class LoginLimiterTest {

    final AtomicLong now = new AtomicLong();
    final LoginLimiter limiter = new LoginLimiter(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1),
            now::get);

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void fiveFreeAttemptsThenDelaysThatDoubleUpToTheCap() {
        String key = limiter.tag("account", "anna\n192.0.2.7");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.attempt(key)).isZero();
        }
        assertThat(limiter.attempt(key)).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(limiter.attempt(key)).isZero();
        assertThat(limiter.retryAfter(key)).isEqualTo(Duration.ofSeconds(2));
        advance(Duration.ofSeconds(2));
        assertThat(limiter.attempt(key)).isZero();
        assertThat(limiter.retryAfter(key)).isEqualTo(Duration.ofSeconds(4));
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            Duration wait = limiter.retryAfter(key);
            assertThat(wait).as("never a lock: a wait, at most the cap").isBetween(Duration.ofSeconds(1), Duration.ofMinutes(15));
            longest = wait.compareTo(longest) > 0 ? wait : longest;
            advance(wait);
            assertThat(limiter.attempt(key)).isZero();
        }
        assertThat(longest).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void manyAttemptsAtTheSameMomentGetOnlyTheFreeOnesBecauseEachIsCountedBeforeTheCheck() {
        String key = limiter.tag("account", "anna\n192.0.2.7");
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            if (limiter.attempt(key).isZero()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void aGuesserSlowsOnlyTheirOwnKey() {
        String guesser = limiter.tag("account", "anna\n192.0.2.66");
        String owner = limiter.tag("account", "anna\n198.51.100.7");
        for (int i = 0; i < 12; i++) {
            limiter.attempt(guesser);
        }
        assertThat(limiter.retryAfter(guesser)).isPositive();
        assertThat(limiter.attempt(owner)).isZero();
    }

    @Test
    void aSuccessForgetsTheKeyOrTakesBackItsOneAttempt() {
        String pair = limiter.tag("account", "anna\n192.0.2.7");
        String address = limiter.tag("address", "192.0.2.7");
        for (int i = 0; i < 5; i++) {
            limiter.attempt(pair);
            limiter.attempt(address);
        }
        limiter.succeeded(pair, true);
        limiter.succeeded(address, false);
        assertThat(limiter.attempt(pair)).isZero();
        assertThat(limiter.attempt(address)).as("four failures and this one").isZero();
        assertThat(limiter.attempt(address)).isPositive();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        String key = limiter.tag("address", "192.0.2.7");
        for (int i = 0; i < 5; i++) {
            limiter.attempt(key);
        }
        assertThat(limiter.retryAfter(key)).isPositive();
        advance(Duration.ofHours(1));
        assertThat(limiter.attempt(key)).isZero();
    }

    @Test
    void namesAndAddressesAreKeptOnlyAsKeyedTags() {
        String t = limiter.tag("address", "192.0.2.7");
        assertThat(t).hasSize(16).doesNotContain("192").isEqualTo(limiter.tag("address", "192.0.2.7"));
        assertThat(t).isNotEqualTo(new LoginLimiter(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1),
                now::get).tag("address", "192.0.2.7"));
    }
}
