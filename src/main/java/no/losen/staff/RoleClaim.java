package no.losen.staff;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a user's Losen roles from an ID token's claims. Providers put roles in different places:
 * Entra ID's app roles in {@code roles}, Keycloak's realm roles in {@code realm_access.roles} and a
 * client's in {@code resource_access.<client>.roles}, groups in {@code groups}. The claim is a path
 * of names separated by dots; its value is a list of names (or one name). Each name is looked up in
 * the operator's map; names the map does not know give nothing, so a provider's other roles never
 * reach Losen.
 */
final class RoleClaim {

    private final List<String> path;
    private final Map<String, Role> map;

    RoleClaim(String claim, Map<String, Role> map) {
        this.path = List.of(claim.split("\\."));
        this.map = Map.copyOf(map);
    }

    /** The Losen roles these claims give; empty when the claim is missing or names no mapped role. */
    Set<Role> roles(JsonObject claims) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String name : names(claims)) {
            Role r = map.get(name);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The names at the claim's path: a list's strings, or a single string. */
    List<String> names(JsonObject claims) {
        Object at = claims;
        for (String step : path) {
            if (!(at instanceof JsonObject o)) {
                return List.of();
            }
            at = o.getValue(step);
        }
        List<String> out = new ArrayList<>();
        if (at instanceof JsonArray a) {
            a.forEach(v -> {
                if (v instanceof String s) {
                    out.add(s);
                }
            });
        } else if (at instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
