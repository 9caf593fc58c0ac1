package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading Losen roles from an ID token's claims, as Entra ID, Keycloak and group-based setups write them. */
class RoleClaimTest {

    final Map<String, Role> map = OidcSettings.parseRoleMap(
            "losen-staff=staff, losen-counsellor=counsellor, 6f1c2a9e-group=staff");

    @Test
    void aTopLevelListGivesTheMappedRolesAndIgnoresTheRest() {
        JsonObject entra = new JsonObject().put("roles", new JsonArray().add("losen-counsellor").add("Global.Reader"));
        assertThat(new RoleClaim("roles", map).roles(entra)).containsExactly(Role.COUNSELLOR);
    }

    @Test
    void aDottedPathReachesKeycloaksNestedRoles() {
        JsonObject keycloak = new JsonObject()
                .put("realm_access", new JsonObject().put("roles", new JsonArray().add("losen-staff").add("offline_access")))
                .put("resource_access", new JsonObject().put("losen", new JsonObject()
                        .put("roles", new JsonArray().add("losen-counsellor"))));
        assertThat(new RoleClaim("realm_access.roles", map).roles(keycloak)).containsExactly(Role.STAFF);
        assertThat(new RoleClaim("resource_access.losen.roles", map).roles(keycloak)).containsExactly(Role.COUNSELLOR);
    }

    @Test
    void groupIdsAndASingleStringAreReadToo() {
        assertThat(new RoleClaim("groups", map).roles(new JsonObject()
                .put("groups", new JsonArray().add("6f1c2a9e-group").add("losen-counsellor"))))
                .containsExactlyInAnyOrder(Role.STAFF, Role.COUNSELLOR);
        assertThat(new RoleClaim("role", map).roles(new JsonObject().put("role", "losen-staff")))
                .containsExactly(Role.STAFF);
    }

    @Test
    void aMissingOrMistypedClaimGivesNoRole() {
        RoleClaim nested = new RoleClaim("realm_access.roles", map);
        assertThat(nested.roles(new JsonObject())).isEmpty();
        assertThat(nested.roles(new JsonObject().put("realm_access", "losen-staff"))).isEmpty();
        assertThat(nested.roles(new JsonObject().put("realm_access", new JsonObject().put("roles", 7)))).isEmpty();
        // Names are compared exactly: a provider's "Losen-Staff" is not "losen-staff".
        assertThat(new RoleClaim("roles", map).roles(new JsonObject().put("roles", new JsonArray().add("Losen-Staff"))))
                .isEmpty();
        assertThat(new RoleClaim("roles", map).roles(new JsonObject().put("roles", new JsonArray().add(1).addNull())))
                .isEqualTo(Set.of());
    }

    @Test
    void theRoleMapMustNameKnownRoles() {
        assertThat(OidcSettings.parseRoleMap(OidcSettings.DEFAULT_ROLE_MAP))
                .containsEntry("staff", Role.STAFF).containsEntry("counsellor", Role.COUNSELLOR);
        assertThatThrownBy(() -> OidcSettings.parseRoleMap("losen-admin=admin"))
                .hasMessageContaining("unknown Losen role 'admin'");
        assertThatThrownBy(() -> OidcSettings.parseRoleMap("losen-staff")).hasMessageContaining("provider-role=losen-role");
        assertThatThrownBy(() -> OidcSettings.parseRoleMap(" , ")).hasMessageContaining("names no role");
    }
}
