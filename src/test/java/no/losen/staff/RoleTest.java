package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Roles as the users file, the command line and the role mappings write them. */
class RoleTest {

    @Test
    void aCommaListIsReadInAnyCaseAndEachRoleHasOneKey() {
        assertThat(Role.parseList("counsellor, STAFF")).containsExactlyInAnyOrder(Role.STAFF, Role.COUNSELLOR);
        assertThat(Role.COUNSELLOR.key()).isEqualTo("counsellor");
        assertThat(Role.of(" Staff ")).contains(Role.STAFF);
    }

    @Test
    void aMisspeltRoleIsRefused() {
        assertThatThrownBy(() -> Role.parseList("staff,counselor")).hasMessageContaining("unknown role 'counselor'");
    }
}
