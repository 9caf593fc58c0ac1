package no.losen.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How staff log in through an OpenID Connect provider (Keycloak, Entra ID, ID-porten through a broker):
 * the {@code LOSEN_OIDC_*} settings. Off unless an issuer is given; it may run beside the users file.
 *
 * @param issuer       the provider's issuer URL, exactly as its discovery document names it (no trailing
 *                     slash); {@code /.well-known/openid-configuration} is read from it at start-up
 * @param clientId     Losen's client id at the provider; the ID token's audience must name it
 * @param clientSecret the client secret, or null for a public client (PKCE alone)
 * @param rolesClaim   where the ID token lists the user's roles or groups: a claim name, or a dotted path
 *                     into nested objects ({@code realm_access.roles}, {@code resource_access.losen.roles})
 * @param roleMap      the provider's role or group names, each to the Losen role it gives; a value the map
 *                     does not name gives nothing
 * @param nameClaim    the claim shown in the console as who is logged in ({@code preferred_username})
 * @param scopes       the scopes asked for; {@code openid} is always among them
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, String rolesClaim,
                           Map<String, Role> roleMap, String nameClaim, List<String> scopes) {

    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String DEFAULT_ROLE_MAP = "staff=staff,counsellor=counsellor";
    public static final String DEFAULT_NAME_CLAIM = "preferred_username";
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile");

    public OidcSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("LOSEN_OIDC_ISSUER is needed for OpenID Connect log-in");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("LOSEN_OIDC_CLIENT_ID is needed with LOSEN_OIDC_ISSUER");
        }
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? DEFAULT_ROLES_CLAIM : rolesClaim.strip();
        roleMap = Map.copyOf(roleMap);
        nameClaim = nameClaim == null || nameClaim.isBlank() ? DEFAULT_NAME_CLAIM : nameClaim.strip();
        scopes = scopes.contains("openid") ? List.copyOf(scopes)
                : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
    }

    /**
     * Reads {@code LOSEN_OIDC_ROLE_MAP}: {@code provider-name=role} pairs separated by commas, e.g.
     * {@code losen-staff=staff,losen-counsellor=counsellor}. Several names may give the same role.
     */
    public static Map<String, Role> parseRoleMap(String csv) {
        Map<String, Role> out = new LinkedHashMap<>();
        for (String pair : csv.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("LOSEN_OIDC_ROLE_MAP: '" + pair.strip()
                        + "' is not provider-role=losen-role");
            }
            String role = pair.substring(eq + 1).strip();
            out.put(pair.substring(0, eq).strip(), Role.of(role).orElseThrow(() -> new IllegalArgumentException(
                    "LOSEN_OIDC_ROLE_MAP: unknown Losen role '" + role + "' (known: staff, counsellor)")));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("LOSEN_OIDC_ROLE_MAP names no role: nobody could log in");
        }
        return out;
    }
}
