package no.losen.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How this server is set up, as far as a dialog must tell its users: given to the
 * {@link Engine} once at start-up, read by conditions as {@code setup.<name>} (true when the
 * name is in the set). A text that describes where a user's words go (the rights dialog's
 * privacy text) must be true for the server it runs on, and that depends on configuration
 * the engine otherwise never sees. Only the names in {@link #KNOWN} exist, so a typo in a
 * dialog is a validation error, not a condition that is silently always false.
 *
 * <ul>
 *   <li>{@code model}: typed questions may be sent to an outside model service
 *       ({@code LOSEN_EMBEDDING_URL} or {@code LOSEN_CHAT_URL} is set);</li>
 *   <li>{@code sms}: an SMS gateway is configured ({@code LOSEN_TWILIO_AUTH_TOKEN} or
 *       {@code LOSEN_SMS_SECRET}), so an SMS operator carries and keeps messages;</li>
 *   <li>{@code whatsapp}: the WhatsApp webhook is configured ({@code LOSEN_WHATSAPP_APP_SECRET}), so
 *       Meta carries messages and keeps what docs/whatsapp.md says.</li>
 * </ul>
 *
 * @param flags the names that hold on this server
 */
public record Setup(Set<String> flags) {

    /** The variable prefix conditions use: {@code setup.model}. */
    public static final String PREFIX = "setup.";
    public static final Set<String> KNOWN = Set.of("model", "sms", "whatsapp");
    /** Nothing outside the server: the default, and what the validator and most tests assume. */
    public static final Setup NONE = new Setup(Set.of());

    public Setup {
        for (String f : flags) {
            if (!KNOWN.contains(f)) {
                throw new IllegalArgumentException("unknown set-up name '" + f + "' (known: " + new TreeSet<>(KNOWN) + ")");
            }
        }
        flags = Set.copyOf(flags);
    }

    public static Setup of(String... names) {
        return new Setup(Set.of(names));
    }

    public static Setup of(List<String> names) {
        return new Setup(Set.copyOf(names));
    }

    /** Whether {@code variable} is a set-up name a condition may read ({@code setup.sms}). */
    public static boolean known(String variable) {
        return variable.startsWith(PREFIX) && KNOWN.contains(variable.substring(PREFIX.length()));
    }

    /** The session's variables with the set-up beside them, for conditions only (never stored). */
    Map<String, Object> over(Map<String, Object> vars) {
        if (flags.isEmpty()) {
            return vars;
        }
        Map<String, Object> all = new LinkedHashMap<>(vars);
        flags.forEach(f -> all.put(PREFIX + f, Boolean.TRUE));
        return all;
    }
}
