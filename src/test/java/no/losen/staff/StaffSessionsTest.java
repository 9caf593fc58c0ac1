package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Staff log-ins in memory: random ids, an idle timeout, log-out erases. */
class StaffSessionsTest {

    final AtomicLong now = new AtomicLong();
    final StaffSessions sessions = new StaffSessions(Duration.ofMinutes(20), now::get);

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aLoginHasARandom128BitIdAndItsOwnCsrfToken() {
        StaffSessions.Login a = sessions.create("anna", java.util.Set.of(Role.STAFF));
        StaffSessions.Login b = sessions.create("anna", java.util.Set.of(Role.STAFF));
        assertThat(a.id()).hasSize(22).isNotEqualTo(b.id());
        assertThat(a.csrf()).hasSize(22).isNotEqualTo(a.id());
        assertThat(sessions.find(a.id())).contains(a);
    }

    @Test
    void useKeepsALoginAliveAndIdlenessEndsIt() {
        StaffSessions.Login a = sessions.create("anna", java.util.Set.of(Role.STAFF));
        advance(Duration.ofMinutes(15));
        assertThat(sessions.find(a.id())).isPresent();
        advance(Duration.ofMinutes(15));
        assertThat(sessions.find(a.id())).isPresent();
        advance(Duration.ofMinutes(21));
        assertThat(sessions.find(a.id())).isEmpty();
    }

    @Test
    void peekingDoesNotCountAsUse() {
        StaffSessions.Login a = sessions.create("anna", java.util.Set.of(Role.STAFF));
        advance(Duration.ofMinutes(15));
        assertThat(sessions.peek(a.id())).isPresent();
        advance(Duration.ofMinutes(6));
        assertThat(sessions.peek(a.id())).isEmpty();
    }

    @Test
    void logOutErasesAndMalformedIdsFindNothing() {
        StaffSessions.Login a = sessions.create("anna", java.util.Set.of(Role.STAFF));
        sessions.remove(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find("../../etc")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.size()).isZero();
    }
}
