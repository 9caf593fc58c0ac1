package no.losen.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code perMinute} messages in any minute, for one side of one conversation. A person in
 * a hurry writes a few lines a minute; a script pasting hundreds is stopped before it fills a
 * counsellor's screen (and the other way round, a hijacked console cannot flood a person).
 */
final class MessageLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private final int perMinute;
    private final Deque<Instant> sent = new ArrayDeque<>();

    MessageLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    /** The times counted now (for a copy of the desk, {@link Desk#snapshot}). */
    java.util.List<Instant> times() {
        return java.util.List.copyOf(sent);
    }

    /** Counts {@code times} as if they had been taken here. */
    void restore(java.util.List<Instant> times) {
        sent.clear();
        sent.addAll(times);
    }

    /** Counts a message at {@code now}; false (and not counted) when the minute is full. */
    boolean take(Instant now) {
        while (!sent.isEmpty() && !sent.getFirst().isAfter(now.minus(WINDOW))) {
            sent.removeFirst();
        }
        if (sent.size() >= perMinute) {
            return false;
        }
        sent.addLast(now);
        return true;
    }
}
