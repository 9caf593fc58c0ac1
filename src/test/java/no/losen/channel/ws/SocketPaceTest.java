package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** New sockets per client address: a burst at once, then each waits its turn, never longer than five seconds. */
class SocketPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SocketPace pace(int burst, double perSecond) {
        return new SocketPace(new SocketPace.Pace(burst, perSecond), now::get);
    }

    private List<Long> waitsInMillis(SocketPace p, String address, int n) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long w = p.waitFor(address);
            waits.add(w == SocketPace.REFUSED ? w : Duration.ofNanos(w).toMillis());
        }
        return waits;
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theBurstOpensAtOnceThenEachSocketWaitsOneIntervalMoreThanTheOneBefore() {
        assertThat(waitsInMillis(pace(3, 10), "192.0.2.1", 6)).containsExactly(0L, 0L, 0L, 100L, 200L, 300L);
    }

    @Test
    void theWaitsShrinkAsTimePassesAndAnIdleAddressHasItsWholeBurstAgain() {
        SocketPace p = pace(3, 10);
        waitsInMillis(p, "192.0.2.1", 5);   // due: two intervals ahead of the burst
        advance(Duration.ofMillis(150));
        assertThat(waitsInMillis(p, "192.0.2.1", 1)).containsExactly(150L);
        advance(Duration.ofSeconds(10));
        assertThat(waitsInMillis(p, "192.0.2.1", 4)).containsExactly(0L, 0L, 0L, 100L);
    }

    @Test
    void aSocketThatWouldWaitLongerThanFiveSecondsIsRefusedAndTakesNoTurn() {
        SocketPace p = pace(1, 1);
        assertThat(waitsInMillis(p, "192.0.2.1", 8)).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L,
                SocketPace.REFUSED, SocketPace.REFUSED);
        // The refused ones took nothing: a second later the next turn is five seconds away again, not seven.
        advance(Duration.ofSeconds(1));
        assertThat(waitsInMillis(p, "192.0.2.1", 2)).containsExactly(5000L, SocketPace.REFUSED);
    }

    @Test
    void aTurnGivenBackMakesTheNextSocketDueOneIntervalSooner() {
        SocketPace p = pace(1, 1);
        assertThat(waitsInMillis(p, "192.0.2.1", 3)).containsExactly(0L, 1000L, 2000L);
        p.giveBack("192.0.2.1");
        p.giveBack("192.0.2.1");
        assertThat(waitsInMillis(p, "192.0.2.1", 2)).containsExactly(1000L, 2000L);
        // Given back past the clock, it gives no burst beyond the pace's own.
        for (int i = 0; i < 10; i++) {
            p.giveBack("192.0.2.1");
        }
        assertThat(waitsInMillis(p, "192.0.2.1", 2)).containsExactly(0L, 1000L);
        p.giveBack("192.0.2.9");   // an address never seen: nothing to give back
        assertThat(waitsInMillis(p, "192.0.2.9", 2)).containsExactly(0L, 1000L);
    }

    @Test
    void eachAddressHasItsOwnPace() {
        SocketPace p = pace(2, 1);
        waitsInMillis(p, "192.0.2.1", 5);
        assertThat(waitsInMillis(p, "192.0.2.2", 3)).containsExactly(0L, 0L, 1000L);
    }

    @Test
    void anIpv6HostCountsByItsSlash64() {
        SocketPace p = pace(2, 1);
        assertThat(p.waitFor("2001:db8:1:2::a")).isZero();
        assertThat(p.waitFor("2001:db8:1:2::b")).isZero();
        assertThat(p.waitFor("2001:db8:1:2:ffff::c")).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(p.waitFor("2001:db8:1:3::a")).isZero();
    }

    @Test
    void theServersOwnHostAndAnUnlimitedPaceNeverWait() {
        SocketPace p = pace(1, 1);
        assertThat(waitsInMillis(p, "127.0.0.1", 20)).containsOnly(0L);
        assertThat(waitsInMillis(p, "::1", 20)).containsOnly(0L);
        assertThat(waitsInMillis(p, "127.0.1.2", 2)).containsExactly(0L, 1000L);
        assertThat(waitsInMillis(new SocketPace(SocketPace.Pace.UNLIMITED, now::get), "192.0.2.1", 50)).containsOnly(0L);
    }

    @Test
    void aNegativeBurstOrANonPositiveRateIsNamedByItsSetting() {
        assertThatThrownBy(() -> new SocketPace.Pace(-1, 1)).hasMessageContaining("LOSEN_NEW_SOCKETS_BURST");
        assertThatThrownBy(() -> new SocketPace.Pace(1, 0)).hasMessageContaining("LOSEN_NEW_SOCKETS_RATE");
        assertThatThrownBy(() -> new SocketPace.Pace(1, Double.NaN)).hasMessageContaining("LOSEN_NEW_SOCKETS_RATE");
    }
}
