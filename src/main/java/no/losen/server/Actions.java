package no.losen.server;

import java.nio.file.Path;
import java.util.Map;
import no.losen.cache.DerivedCache;
import no.losen.dialog.TextAction;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchTextAction;

/**
 * The text actions dialogs can name ({@code input: {action: search}}), built for a content root.
 * The server and the conversation tests use the same set, so a test sees what a user sees.
 */
public final class Actions {

    private Actions() {
    }

    /** The search action shares its index with {@code /api/search}: it is built once per content root. */
    public static Map<String, TextAction> forContent(Path root) {
        return Map.of("search", new SearchTextAction(HandbookSearch.forContent(root)));
    }

    /** As {@link #forContent(Path)}, the index read from (or written to) {@code cache}. */
    public static Map<String, TextAction> forContent(Path root, DerivedCache cache) {
        return Map.of("search", new SearchTextAction(HandbookSearch.forContent(root, cache)));
    }
}
