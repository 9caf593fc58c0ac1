package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Roles as the users file and the command line write them. */
class RoleTest {

    @Test
    void aCommaListReadsAndWritesInOneOrder() {
        assertThat(Role.parse("counsellor, STAFF")).containsExactlyInAnyOrder(Role.STAFF, Role.COUNSELLOR);
        assertThat(Role.format(EnumSet.of(Role.COUNSELLOR, Role.STAFF))).isEqualTo("staff,counsellor");
        assertThat(Role.parse("")).isEmpty();
    }

    @Test
    void aMisspeltRoleIsRefused() {
        assertThatThrownBy(() -> Role.parse("staff,counselor")).hasMessageContaining("unknown role 'counselor'");
    }
}
