package no.losen.search;

import java.nio.file.Path;

/**
 * The real corpus of this repository, indexed once per test JVM: building takes seconds, and
 * every search test reads it without changing it.
 */
public final class TestCorpus {

    public static final Path ROOT = Path.of(".").toAbsolutePath().normalize();
    private static HandbookSearch search;

    private TestCorpus() {}

    /** The search with no model endpoints configured (FreeDict used if installed). */
    public static synchronized HandbookSearch search() {
        if (search == null) {
            search = HandbookSearch.build(ROOT, SearchConfig.defaults());
        }
        return search;
    }
}
