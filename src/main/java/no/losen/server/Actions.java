package no.losen.server;

import java.nio.file.Path;
import java.util.Map;
import no.losen.dialog.TextAction;

/**
 * The text actions dialogs can name ({@code input: {action: search}}), built for a content root.
 * The server and the conversation tests use the same set, so a test sees what a user sees.
 */
public final class Actions {

    private Actions() {
    }

    public static Map<String, TextAction> forContent(Path root) {
        return Map.of();
    }
}
