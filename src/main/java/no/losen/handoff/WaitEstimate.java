package no.losen.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How long a person at a place in the queue will likely wait, from how fast counsellors have
 * actually been accepting: the mean time between the last accepts, times the place. Honest on
 * purpose: with fewer than {@link #MIN_ACCEPTS} recent accepts there is no estimate, and the
 * person is told only their place, because a made-up "about 2 minutes" that turns into twenty
 * is worse for someone in distress than no number at all.
 */
public final class WaitEstimate {

    /** Accepts needed before a number is given. */
    public static final int MIN_ACCEPTS = 3;
    /** Accepts remembered (only their times; nothing about who). */
    static final int KEEP = 20;
    /** Older accepts say nothing about now (a quiet morning is not this afternoon). */
    static final Duration RECENT = Duration.ofHours(2);

    private final Deque<Instant> accepts = new ArrayDeque<>();

    /** The accept times remembered (for a copy of the desk). */
    java.util.List<Instant> times() {
        return java.util.List.copyOf(accepts);
    }

    /** Remembers {@code times} instead (a copy of another instance's desk). */
    void restore(java.util.List<Instant> times) {
        accepts.clear();
        accepts.addAll(times);
    }

    /** A counsellor accepted someone at {@code at}. */
    public void accepted(Instant at) {
        accepts.addLast(at);
        while (accepts.size() > KEEP) {
            accepts.removeFirst();
        }
    }

    /** The likely wait at {@code place} (1 = next), rounded up to a whole minute; empty: too little to go on. */
    public Optional<Duration> at(int place, Instant now) {
        accepts.removeIf(a -> a.isBefore(now.minus(RECENT)));
        if (accepts.size() < MIN_ACCEPTS) {
            return Optional.empty();
        }
        // n accepts span n - 1 intervals; the interval to now counts once it is longer than the mean.
        Duration span = Duration.between(accepts.getFirst(), accepts.getLast());
        Duration mean = span.dividedBy(accepts.size() - 1);
        Duration sinceLast = Duration.between(accepts.getLast(), now);
        if (sinceLast.compareTo(mean) > 0) {
            mean = Duration.between(accepts.getFirst(), now).dividedBy(accepts.size());
        }
        long seconds = mean.multipliedBy(place).toSeconds();
        return Optional.of(Duration.ofMinutes(Math.max(1, (seconds + 59) / 60)));
    }
}
