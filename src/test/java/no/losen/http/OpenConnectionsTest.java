package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cap on every connection held: idle ones make room for newcomers, busy ones and sockets never do. */
class OpenConnectionsTest {

    final AtomicLong now = new AtomicLong();
    final OpenConnections cap = new OpenConnections(3, now::get);

    List<EmbeddedChannel> open(int n) {
        List<EmbeddedChannel> channels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EmbeddedChannel c = new EmbeddedChannel();
            assertThat(cap.admit(c)).as("connection %d", i + 1).isNotNull();
            channels.add(c);
        }
        return channels;
    }

    void later(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void underTheCapEveryConnectionIsCountedAndAClosedOneIsForgotten() {
        List<EmbeddedChannel> held = open(3);
        assertThat(cap.open()).isEqualTo(3);
        held.get(0).close();
        assertThat(cap.open()).isEqualTo(2);
        assertThat(cap.admit(new EmbeddedChannel())).isNotNull();
    }

    @Test
    void atTheCapAConnectionIdleForASecondIsClosedForTheNewcomer() {
        List<EmbeddedChannel> held = open(3);
        later(2);
        EmbeddedChannel newcomer = new EmbeddedChannel();
        assertThat(cap.admit(newcomer)).isNotNull();
        assertThat(held).filteredOn(c -> !c.isOpen()).as("idle connections closed").isNotEmpty();
        assertThat(newcomer.isOpen()).isTrue();
    }

    @Test
    void aConnectionMidRequestAJustOpenedOneAndASocketAreNeverClosedForANewcomer() {
        EmbeddedChannel asking = new EmbeddedChannel();
        EmbeddedChannel socket = new EmbeddedChannel();
        cap.admit(asking).busy();
        cap.admit(socket).upgraded();
        later(2);
        EmbeddedChannel fresh = new EmbeddedChannel();
        cap.admit(fresh);
        assertThat(cap.admit(new EmbeddedChannel())).as("nothing idle long enough: the newcomer is refused").isNull();
        assertThat(List.of(asking, socket, fresh)).allMatch(EmbeddedChannel::isOpen);
        assertThat(cap.open()).isEqualTo(3);
    }

    @Test
    void aConnectionAnsweredAndIdleAgainMayBeClosedOnceItHasRestedASecond() {
        OpenConnections.Held kept = cap.admit(new EmbeddedChannel());
        EmbeddedChannel c = new EmbeddedChannel();
        OpenConnections.Held answered = cap.admit(c);
        cap.admit(new EmbeddedChannel()).busy();
        kept.busy();
        answered.busy();
        later(5);
        answered.idle();
        assertThat(cap.admit(new EmbeddedChannel())).as("idle only just now").isNull();
        later(1);
        assertThat(cap.admit(new EmbeddedChannel())).isNotNull();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void atMostABatchIsClosedForOneNewcomer() {
        OpenConnections big = new OpenConnections(40, now::get);
        List<EmbeddedChannel> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EmbeddedChannel c = new EmbeddedChannel();
            big.admit(c);
            held.add(c);
        }
        later(2);
        assertThat(big.admit(new EmbeddedChannel())).isNotNull();
        assertThat(held).filteredOn(c -> !c.isOpen()).hasSize(OpenConnections.DRAIN_BATCH);
    }

    @Test
    void theDefaultCapLeavesRoomBelowTheFileHandleLimit() {
        long files = ((com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        assertThat((long) OpenConnections.fromFileLimit()).isLessThanOrEqualTo(files - 128).isPositive();
    }
}
