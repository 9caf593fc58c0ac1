package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Staff log-ins in memory: random ids, an idle timeout, log-out erases. */
class StaffSessionsTest {

    static final Set<Role> STAFF = Set.of(Role.STAFF);
    final AtomicLong now = new AtomicLong();
    final StaffSessions sessions = new StaffSessions(Duration.ofMinutes(20), now::get);

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aLoginHasARandom128BitIdAndItsOwnCsrfToken() {
        StaffSessions.Login a = sessions.create("anna", STAFF);
        StaffSessions.Login b = sessions.create("anna", STAFF);
        assertThat(a.id()).hasSize(22).isNotEqualTo(b.id());
        assertThat(a.csrf()).hasSize(22).isNotEqualTo(a.id());
        assertThat(sessions.find(a.id())).contains(a);
    }

    @Test
    void aLoginHoldsItsRolesAndOneWithoutARoleIsNeverMade() {
        StaffSessions.Login a = sessions.create("cara", Set.of(Role.STAFF, Role.COUNSELLOR));
        assertThat(sessions.find(a.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.STAFF, Role.COUNSELLOR);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.create("nobody", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void useKeepsALoginAliveAndIdlenessEndsIt() {
        StaffSessions.Login a = sessions.create("anna", STAFF);
        advance(Duration.ofMinutes(15));
        assertThat(sessions.find(a.id())).isPresent();
        advance(Duration.ofMinutes(15));
        assertThat(sessions.find(a.id())).isPresent();
        advance(Duration.ofMinutes(21));
        assertThat(sessions.find(a.id())).isEmpty();
    }

    @Test
    void peekingDoesNotCountAsUse() {
        StaffSessions.Login a = sessions.create("anna", STAFF);
        advance(Duration.ofMinutes(15));
        assertThat(sessions.peek(a.id())).isPresent();
        advance(Duration.ofMinutes(6));
        assertThat(sessions.peek(a.id())).isEmpty();
    }

    @Test
    void logOutErasesAndMalformedIdsFindNothing() {
        StaffSessions.Login a = sessions.create("anna", STAFF);
        sessions.remove(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find("../../etc")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aLoginThatEndsByIdlenessIsReportedLikeALogOutSoItsConversationsAreErased() {
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        sessions.onRemove(ended::add);
        StaffSessions.Login idle = sessions.create("anna", STAFF);
        StaffSessions.Login used = sessions.create("kari", STAFF);
        advance(Duration.ofMinutes(15));
        sessions.find(used.id());
        advance(Duration.ofMinutes(6));
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(ended).containsExactly(idle.id());
        sessions.remove(used.id());
        assertThat(ended).containsExactly(idle.id(), used.id());
    }
}
