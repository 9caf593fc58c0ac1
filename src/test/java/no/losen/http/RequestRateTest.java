package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The budget of HTTP requests per client address (a server on loopback: ConnectionGuardTest). */
class RequestRateTest {

    private final RequestRate rate = new RequestRate(() -> 0L);   // a clock that stands still: no refill

    @Test
    void anAddressHasItsBurstThenIsRefused() {
        for (int i = 0; i < RequestRate.BURST; i++) {
            assertThat(rate.take("192.0.2.7")).isTrue();
        }
        assertThat(rate.take("192.0.2.7")).isFalse();
        assertThat(rate.take("192.0.2.8")).as("another address").isTrue();
    }

    /** As in the other limits per address: bench/ws-load's 10,000 sockets from this machine stopped at the 1,001st. */
    @Test
    void theServersOwnHostHasNoBudgetOtherLoopbackAddressesDo() {
        for (int i = 0; i < 3 * RequestRate.BURST; i++) {
            assertThat(rate.take("127.0.0.1")).isTrue();
            assertThat(rate.take("::1")).isTrue();
        }
        for (int i = 0; i < RequestRate.BURST; i++) {
            rate.take("127.0.0.3");
        }
        assertThat(rate.take("127.0.0.3")).isFalse();
    }
}
