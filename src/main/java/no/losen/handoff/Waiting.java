package no.losen.handoff;

import java.time.Instant;
import java.util.List;

/**
 * A person waiting, as a counsellor sees them: a ticket (a random id, not the session's key),
 * the language, the dialog and the way through it, whether their connection is gone for now
 * ({@code away}: the counsellor should not expect an answer), and the channel they write from
 * ({@link #SMS}: every message costs them, so the counsellor keeps replies short). No text, no
 * phone number, no address.
 */
public record Waiting(String ticket, String lang, String dialog, List<PathStep> path, Instant since, boolean away,
                      String channel) {
    public static final String WEB = "web";
    public static final String SMS = "sms";

    public Waiting {
        path = List.copyOf(path);
        channel = channel == null ? WEB : channel;
    }

    public Waiting(String ticket, String lang, String dialog, List<PathStep> path, Instant since) {
        this(ticket, lang, dialog, path, since, false, WEB);
    }

    /** The same person after a language switch. */
    public Waiting withLang(String newLang) {
        return new Waiting(ticket, newLang, dialog, path, since, away, channel);
    }

    /** The same person with their connection gone ({@code true}) or back. */
    public Waiting withAway(boolean gone) {
        return new Waiting(ticket, lang, dialog, path, since, gone, channel);
    }
}
