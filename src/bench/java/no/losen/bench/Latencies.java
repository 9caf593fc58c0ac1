package no.losen.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** A lock-free latency histogram: 10 µs buckets up to 2 s, enough for p50/p99/max of a step. */
final class Latencies {

    private static final long BUCKET_NANOS = 10_000;
    private final AtomicLongArray buckets = new AtomicLongArray(200_000);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();
    /** When this phase began, and its steps over {@link #SLOW_NANOS}: when (from the start) and how long. */
    private final long born = System.nanoTime();
    private final java.util.Queue<String> slow = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static final long SLOW_NANOS = 50_000_000;

    void record(long nanos) {
        int b = (int) Math.min(buckets.length() - 1, nanos / BUCKET_NANOS);
        buckets.incrementAndGet(b);
        count.incrementAndGet();
        max.accumulateAndGet(nanos, Math::max);
        if (nanos > SLOW_NANOS && slow.size() < 20) {
            slow.add(String.format("+%.1fs:%.0fms", (System.nanoTime() - nanos - born) / 1e9, nanos / 1e6));
        }
    }

    /** The steps over 50 ms, when each began (seconds into the phase) and how long it took: where a tail comes from. */
    String slow() {
        return slow.isEmpty() ? "none" : String.join(",", slow);
    }

    long count() {
        return count.get();
    }

    double maxMillis() {
        return max.get() / 1e6;
    }

    /** The latency below which {@code q} of the steps fell, in milliseconds. */
    double quantileMillis(double q) {
        long n = count.get();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return maxMillis();
    }
}
