package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address budget of new connections: a burst, then so many a second, per address. */
class ConnectionRateTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ConnectionRate rate = new ConnectionRate(new ConnectionRate.Limit(100, 10), now::get);

    private int taken(String address, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            n += rate.take(address) ? 1 : 0;
        }
        return n;
    }

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void anAddressMayOpenItsBurstAtOnceButNotOneMore() {
        assertThat(taken("192.0.2.1", 100)).as("just under: the whole burst").isEqualTo(100);
        assertThat(rate.take("192.0.2.1")).as("just over").isFalse();
        assertThat(rate.take("192.0.2.2")).as("another address is untouched").isTrue();
    }

    @Test
    void afterItsBurstAnAddressOpeningInALoopGetsTenASecond() {
        taken("192.0.2.1", 100);
        pass(Duration.ofMillis(100));
        assertThat(taken("192.0.2.1", 1000)).isEqualTo(1);
        // A minute of a tight loop (1,000 tries every 100 ms): 600 connections, not 600,000.
        int minute = 0;
        for (int i = 0; i < 600; i++) {
            pass(Duration.ofMillis(100));
            minute += taken("192.0.2.1", 1000);
        }
        assertThat(minute).isEqualTo(600);
    }

    @Test
    void anAddressStayingJustUnderTheRateIsNeverRefused() {
        taken("192.0.2.1", 100);   // even with its burst spent
        for (int i = 0; i < 36_000; i++) {   // an hour at 10 a second
            pass(Duration.ofMillis(100));
            assertThat(rate.take("192.0.2.1")).isTrue();
        }
    }

    @Test
    void residentsBehindOneNatOpeningTheChatAreNeverRefused() {
        // A reception centre: 25 people open the chat at the same moment (four connections each), and
        // then, all day, someone opens it every few seconds.
        assertThat(taken("198.51.100.7", 25 * 4)).isEqualTo(100);
        for (int i = 0; i < 10_000; i++) {
            pass(Duration.ofSeconds(2));
            assertThat(taken("198.51.100.7", 4)).isEqualTo(4);
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(taken("2001:db8:1:2::1", 60)).isEqualTo(60);
        assertThat(taken("2001:db8:1:2:ffff::9", 60)).as("the same /64").isEqualTo(40);
        assertThat(taken("2001:db8:1:3::1", 1)).as("another /64").isEqualTo(1);
    }

    @Test
    void noBurstMeansNoLimitAndNonsenseIsRefusedAtStart() {
        ConnectionRate none = new ConnectionRate(ConnectionRate.Limit.UNLIMITED, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(none.take("192.0.2.1")).isTrue();
        }
        assertThatThrownBy(() -> new ConnectionRate.Limit(-1, 10)).hasMessageContaining("LOSEN_NEW_CONNECTIONS_BURST");
        assertThatThrownBy(() -> new ConnectionRate.Limit(10, 0)).hasMessageContaining("LOSEN_NEW_CONNECTIONS_RATE");
        assertThatThrownBy(() -> new ConnectionRate.Limit(10, Double.NaN)).hasMessageContaining("LOSEN_NEW_CONNECTIONS_RATE");
    }
}
