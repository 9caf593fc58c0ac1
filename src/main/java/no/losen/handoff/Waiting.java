package no.losen.handoff;

import java.time.Instant;
import java.util.List;

/**
 * A person waiting, as a counsellor sees them: a ticket (a random id, not the session's key),
 * the language, the dialog and the way through it, and whether their connection is gone for now
 * ({@code away}: the counsellor should not expect an answer). No text, no phone number, no address.
 */
public record Waiting(String ticket, String lang, String dialog, List<PathStep> path, Instant since, boolean away) {
    public Waiting {
        path = List.copyOf(path);
    }

    public Waiting(String ticket, String lang, String dialog, List<PathStep> path, Instant since) {
        this(ticket, lang, dialog, path, since, false);
    }

    /** The same person after a language switch. */
    public Waiting withLang(String newLang) {
        return new Waiting(ticket, newLang, dialog, path, since, away);
    }

    /** The same person with their connection gone ({@code true}) or back. */
    public Waiting withAway(boolean gone) {
        return new Waiting(ticket, lang, dialog, path, since, gone);
    }
}
