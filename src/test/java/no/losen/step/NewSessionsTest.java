package no.losen.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-client budget of new conversations: a burst, then one per interval, per client. */
class NewSessionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final NewSessions budget = new NewSessions(new NewSessions.Budget(30, Duration.ofSeconds(3)), now::get);

    private int taken(String client, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            n += budget.take(client) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aClientStartingInALoopGetsItsBurstThenOneEveryIntervalWhileAnotherClientStillStarts() {
        assertThat(taken("ws 192.0.2.1", 1000)).isEqualTo(30);
        assertThat(budget.take("ws 192.0.2.2")).isTrue();
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(taken("ws 192.0.2.1", 1000)).isEqualTo(1);
        // An hour of trying as fast as it can: one every three seconds, 1,200 in all.
        int hour = 0;
        for (int s = 0; s < 3600; s++) {
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            hour += taken("ws 192.0.2.1", 50);
        }
        assertThat(hour).isEqualTo(1200);
    }

    @Test
    void peopleBehindOneAddressStartingAtAHumanPaceAreNeverRefused() {
        // A reception centre's residents behind one NAT: a new conversation every ten seconds all day.
        for (int i = 0; i < 8640; i++) {
            assertThat(budget.take("ws 198.51.100.7")).isTrue();
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        // And thirty people starting within the same moment (a class shown the widget) are all let in.
        assertThat(taken("ws 198.51.100.8", 30)).isEqualTo(30);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64AndChannelsDoNotShareABudget() {
        assertThat(NewSessions.key("ws", "2001:db8:1:2::1")).isEqualTo(NewSessions.key("ws", "2001:db8:1:2:ffff::9"));
        assertThat(NewSessions.key("ws", "2001:db8:1:3::1")).isNotEqualTo(NewSessions.key("ws", "2001:db8:1:2::1"));
        assertThat(NewSessions.key("ws", "192.0.2.1")).isNotEqualTo(NewSessions.key("sms", "192.0.2.1"));
        assertThat(NewSessions.key("sms", "ab:cd")).isEqualTo("sms ab:cd");
    }

    @Test
    void noBurstMeansNoLimit() {
        NewSessions none = new NewSessions(NewSessions.Budget.UNLIMITED, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(none.take("ws 192.0.2.1")).isTrue();
        }
    }

    @Test
    void byDefaultAToolAskingTwoHundredQuestionsInARowIsNeverRefusedButOneAddressHoldsAtMost600InTheTtl() {
        // The project's routing evaluation opens a new conversation for every message, one after another.
        NewSessions defaults = new NewSessions(NewSessions.Budget.DEFAULT, now::get);
        int served = 0;
        for (int i = 0; i < 200; i++) {
            served += defaults.take("ws 127.0.0.1") ? 1 : 0;
            now.addAndGet(Duration.ofMillis(50).toNanos());
        }
        assertThat(served).isEqualTo(200);
        int inTtl = served;
        for (long t = 0; t < Duration.ofMinutes(30).toMillis(); t += 100) {
            inTtl += defaults.take("ws 127.0.0.1") ? 1 : 0;
            now.addAndGet(Duration.ofMillis(100).toNanos());
        }
        assertThat(inTtl).isBetween(590, 610);
    }

    @Test
    void theServersOwnHostIsNotCountedButOtherLoopbackAddressesAndPhonesAre() {
        assertThat(NewSessions.thisMachine("ws", "127.0.0.1")).isTrue();
        assertThat(NewSessions.thisMachine("ws", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(NewSessions.thisMachine("ws", "127.0.1.2")).isFalse();
        assertThat(NewSessions.thisMachine("ws", "192.0.2.1")).isFalse();
        assertThat(NewSessions.thisMachine("sms", "127.0.0.1")).isFalse();
    }

    @Test
    void anEndedConversationGivesItsStartBackNeverPastTheBurstAndThisMachineIsLeftAlone() {
        assertThat(taken("ws 192.0.2.1", 1000)).isEqualTo(30);
        budget.giveBack("ws", "192.0.2.1");
        assertThat(taken("ws 192.0.2.1", 1000)).as("one ended, one more start").isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            budget.giveBack("ws", "192.0.2.3");
        }
        assertThat(taken("ws 192.0.2.3", 1000)).as("never more than the burst").isEqualTo(30);
        budget.giveBack("ws", "127.0.0.1");
        assertThat(budget.take("ws", "127.0.0.1")).isTrue();
    }
}
