package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets by key: a burst, then so many a second, each key on its own. */
class KeyedBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final KeyedBuckets buckets = new KeyedBuckets(3, 2, 100, now::get);

    @Test
    void aKeyGetsItsBurstThenTokensAtTheRateWhileAnotherKeyHasItsOwn() {
        assertThat(buckets.take("a")).isTrue();
        assertThat(buckets.take("a")).isTrue();
        assertThat(buckets.take("a")).isTrue();
        assertThat(buckets.take("a")).isFalse();
        assertThat(buckets.take("b")).isTrue();
        now.addAndGet(500_000_000L);   // half a second at two a second: one token
        assertThat(buckets.take("a")).isTrue();
        assertThat(buckets.take("a")).isFalse();
    }

    @Test
    void somethingCheaperThanTheUnitTakesAPartOfATokenAndGivesBackWhatItTook() {
        for (int i = 0; i < 15; i++) {
            assertThat(buckets.take("a", 0.2)).as("fifteen fifths of a burst of three").isTrue();
        }
        assertThat(buckets.take("a", 0.2)).isFalse();
        buckets.giveBack("a", 0.2);
        assertThat(buckets.take("a", 1)).as("a fifth back is not a whole one").isFalse();
        assertThat(buckets.take("a", 0.2)).isTrue();
    }

    @Test
    void tokensSaysWhatAKeyHasLeftWithoutTakingAny() {
        assertThat(buckets.tokens("a")).as("unseen: a full bucket").isEqualTo(3.0);
        buckets.take("a");
        buckets.take("a");
        assertThat(buckets.tokens("a")).isEqualTo(1.0);
        assertThat(buckets.tokens("a")).as("looking takes nothing").isEqualTo(1.0);
        now.addAndGet(250_000_000L);   // a quarter of a second at two a second
        assertThat(buckets.tokens("a")).isEqualTo(1.5);
    }

    @Test
    void aBucketNeverHoldsMoreThanItsBurstAndNoKeyIsAKeyToo() {
        now.addAndGet(3_600_000_000_000L);
        int taken = 0;
        for (int i = 0; i < 10; i++) {
            taken += buckets.take(null) ? 1 : 0;
        }
        assertThat(taken).isEqualTo(3);
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverFillsPastTheBurst() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isTrue();
        }
        buckets.giveBack("a");
        assertThat(buckets.take("a")).as("the token given back").isTrue();
        assertThat(buckets.take("a")).isFalse();

        buckets.take("b");
        buckets.giveBack("b");
        buckets.giveBack("b");
        int taken = 0;
        for (int i = 0; i < 10; i++) {
            taken += buckets.take("b") ? 1 : 0;
        }
        assertThat(taken).as("two given back to a bucket that had lost one: still the burst").isEqualTo(3);
    }
}
