package no.losen.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff log-in may do. {@code STAFF} runs the staff dialogs in the console; {@code COUNSELLOR}
 * answers people who asked to talk to a person (issue 18). A log-in holds the roles it was given by
 * the users file or by the identity provider's roles claim; one with no role is not let in at all.
 */
public enum Role {
    STAFF, COUNSELLOR;

    /** The role's name as the users file and the role mappings write it: {@code staff}, {@code counsellor}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code key} ({@code staff}, {@code counsellor}; case does not matter). */
    public static Optional<Role> of(String key) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A comma-separated list such as {@code staff,counsellor}; an unknown name is an error, not ignored. */
    public static Set<Role> parseList(String csv) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String part : csv.split(",")) {
            out.add(of(part).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role '" + part.strip() + "' (known: staff, counsellor)")));
        }
        return out;
    }
}
