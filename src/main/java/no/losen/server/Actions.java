package no.losen.server;

import java.nio.file.Path;
import java.util.Map;
import no.losen.cache.DerivedCache;
import no.losen.dialog.TextAction;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchTextAction;

/**
 * The text actions dialogs can name ({@code input: {action: search}}), built for a content root.
 * The server and the conversation tests use the same set, so a test sees what a user sees.
 */
public final class Actions {

    private Actions() {
    }

    /** The search action over {@code handbook}: the server passes the one index {@code /api/search} uses too. */
    public static Map<String, TextAction> of(HandbookSearch handbook) {
        return Map.of("search", new SearchTextAction(handbook));
    }

    /** The actions over the handbook of content root {@code root}, its index built here (tools and tests). */
    public static Map<String, TextAction> forContent(Path root) {
        return of(HandbookSearch.build(root, SearchConfig.fromEnv(System.getenv()),
                DerivedCache.fromEnv(System.getenv())));
    }
}
