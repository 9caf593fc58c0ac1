package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(10, 20, now::get);

    @Test
    void allowsABurstThenTheRate() {
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryTake()).isTrue();
        }
        assertThat(bucket.tryTake()).isFalse();
        now.addAndGet(100_000_000L);
        assertThat(bucket.tryTake()).isTrue();
        assertThat(bucket.tryTake()).isFalse();
    }

    @Test
    void refillsNoHigherThanTheBurst() {
        now.addAndGet(3_600_000_000_000L);
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertThat(taken).isEqualTo(20);
    }
}
