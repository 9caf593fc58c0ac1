package no.losen.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build of the code is running, as the cache keys know it: the project version and the time
 * Maven processed the resources. What is derived from content (the search index, the intent models)
 * depends on the code that derived it (the corpus cleaner, the analysis chain, the Lucene version,
 * the feature hashing), so every build is a new key. A build time, not a hash of the classes: it
 * changes with every build, which at worst costs one rebuild too many, never a stale entry.
 */
public final class CodeVersion {

    private static final String CURRENT = read();

    private CodeVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/no/losen/build.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?") + "@" + p.getProperty("built", "?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
