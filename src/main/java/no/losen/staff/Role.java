package no.losen.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff log-in may do. Every account is {@link #STAFF} (the identification dialogs);
 * {@link #COUNSELLOR} also answers people who ask to talk to a person (the console's inbox).
 * Roles come from the users file ({@code name:hash:staff,counsellor}) or, with single sign-on,
 * from a claim; either way they are decided at log-in and held by the log-in only.
 */
public enum Role {
    STAFF, COUNSELLOR;

    /** The name in the users file and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "staff,counsellor"} → the roles; an unknown name is refused, so a typo cannot lock someone out silently. */
    public static Set<Role> parse(String list) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String r : list.split(",")) {
            String s = r.strip().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + r.strip() + "': roles are staff, counsellor");
            }
        }
        return out;
    }

    /** {@code "staff,counsellor"}, in the enum's order. */
    public static String format(Set<Role> roles) {
        return String.join(",", roles.stream().sorted().map(Role::id).toList());
    }
}
