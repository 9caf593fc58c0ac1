package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Five failed log-ins per fifteen minutes, per account and per address. */
class LoginLimiterTest {

    final AtomicLong now = new AtomicLong();
    final LoginLimiter limiter = new LoginLimiter(5, Duration.ofMinutes(15), now::get);

    @Test
    void fiveFailuresBlockTheSixthAttemptUntilTheOldestLeavesTheWindow() {
        String acct = limiter.tag("account", "anna");
        for (int i = 0; i < 4; i++) {
            limiter.failed(acct);
            now.addAndGet(Duration.ofMinutes(1).toNanos());
        }
        assertThat(limiter.retryAfter(acct)).isZero();
        limiter.failed(acct);
        assertThat(limiter.retryAfter(acct)).isEqualTo(Duration.ofMinutes(11));
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(limiter.retryAfter(acct)).isZero();
    }

    @Test
    void eitherKeyBlocks() {
        String anna = limiter.tag("account", "anna");
        String bo = limiter.tag("account", "bo");
        String addr = limiter.tag("address", "192.0.2.7");
        for (int i = 0; i < 5; i++) {
            limiter.failed(i % 2 == 0 ? anna : bo, addr);
        }
        assertThat(limiter.retryAfter(limiter.tag("account", "cara"), addr)).isPositive();
        assertThat(limiter.retryAfter(anna, limiter.tag("address", "198.51.100.1"))).isZero();
    }

    @Test
    void successClearsTheAccountsCount() {
        String acct = limiter.tag("account", "anna");
        for (int i = 0; i < 4; i++) {
            limiter.failed(acct);
        }
        limiter.succeeded(acct);
        limiter.failed(acct);
        assertThat(limiter.retryAfter(acct)).isZero();
    }

    @Test
    void namesAndAddressesAreKeptOnlyAsKeyedTags() {
        String t = limiter.tag("address", "192.0.2.7");
        assertThat(t).hasSize(16).doesNotContain("192").isEqualTo(limiter.tag("address", "192.0.2.7"));
        assertThat(t).isNotEqualTo(new LoginLimiter(5, Duration.ofMinutes(15), now::get).tag("address", "192.0.2.7"));
    }
}
