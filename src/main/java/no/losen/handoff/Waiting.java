package no.losen.handoff;

import java.time.Instant;
import java.util.List;

/**
 * A person waiting, as a counsellor sees them: a ticket (a random id, not the session's key),
 * the language, the dialog and the way through it. No text, no phone number, no address.
 */
public record Waiting(String ticket, String lang, String dialog, List<PathStep> path, Instant since) {
    public Waiting {
        path = List.copyOf(path);
    }
}
