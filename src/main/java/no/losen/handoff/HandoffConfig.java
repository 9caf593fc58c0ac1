package no.losen.handoff;

import java.time.Duration;
import java.util.List;

/**
 * How one organisation runs "Talk to a person". Off by default: an operator turns it on by naming
 * the organisation and its hours (README, docs/handoff.md).
 *
 * @param organisation       who reads the conversation, told to the person before they write;
 *                           null or blank: hand-off is off
 * @param hours              when counsellors answer
 * @param answerWithin       a person waiting longer is told nobody could answer and given the contacts
 * @param idle               a conversation with no message this long is ended and erased
 * @param contacts           fact ids of who answers around the clock (outside hours, and when nobody answers)
 * @param messagesPerMinute  messages one side of one conversation may send a minute
 * @param blockFor           how long a blocked session may not join the queue again
 */
public record HandoffConfig(String organisation, OpeningHours hours, Duration answerWithin, Duration idle,
                            List<String> contacts, int messagesPerMinute, Duration blockFor) {

    /** The contacts when none are configured: ROSA (trafficking, day and night) and 116 111 (children, day and night). */
    public static final List<String> ROUND_THE_CLOCK = List.of("rosa", "alarmtelefonen");

    public HandoffConfig {
        contacts = List.copyOf(contacts);
        if (messagesPerMinute < 1) {
            throw new IllegalArgumentException("handoff messages per minute must be at least 1");
        }
    }

    public static HandoffConfig off() {
        return new HandoffConfig(null, OpeningHours.never(), Duration.ofMinutes(10), Duration.ofMinutes(30),
                ROUND_THE_CLOCK, 20, Duration.ofHours(24));
    }

    public boolean enabled() {
        return organisation != null && !organisation.isBlank();
    }
}
