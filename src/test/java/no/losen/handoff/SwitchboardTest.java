package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One desk, several channels: every event reaches every connected channel, through the one relay. */
class SwitchboardTest {

    /** A channel that notes what it was handed. */
    static final class Channel implements Desk.Outbox {
        final List<String> got = new CopyOnWriteArrayList<>();

        @Override
        public void toPerson(Event e) {
            got.add("person " + e.getClass().getSimpleName());
        }

        @Override
        public void toCounsellor(String user, Event e) {
            got.add(user + " " + e.getClass().getSimpleName());
        }

        @Override
        public void toCounsellors(Event e) {
            got.add("all " + e.getClass().getSimpleName());
        }
    }

    @Test
    void everyConnectedChannelHearsEveryEventOfTheOneDesk() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        List<Call> relayed = new CopyOnWriteArrayList<>();
        Switchboard board = new Switchboard(new HandoffConfig("Org", OpeningHours.parse("mon-sun 00:00-24:00", "", "UTC"),
                Duration.ofMinutes(10), Duration.ofMinutes(30), List.of("rosa"), 20, Duration.ofHours(24)), clock,
                desk -> call -> {
                    relayed.add(call);
                    return Relay.local(desk).submit(call);
                });
        Channel widget = new Channel();
        Channel sms = new Channel();
        board.connect(widget);
        board.connect(sms);

        board.submit(new Call.CounsellorIn(clock.instant(), null, "kari"));
        board.submit(new Call.Join(clock.instant(), "t1", "sms:key", null, "nb", "demo", List.of(), Waiting.SMS));
        board.submit(new Call.Accept(clock.instant(), "t1", "kari"));

        assertThat(relayed).hasSize(3);
        assertThat(board.desk().size()).isEqualTo(1);
        assertThat(widget.got).isEqualTo(sms.got)
                .containsSubsequence("kari Queue", "all Queue", "person Queued", "person Accepted", "kari Accepted");
    }
}
