package no.losen.dialog.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import no.losen.Fixtures;
import no.losen.cache.DerivedCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Loading through the content cache: read when the files are the same, loaded afresh when any changed. */
class ContentLoaderCacheTest {

    @TempDir
    Path tmp;
    private Path root;
    private DerivedCache cache;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ch.qos.logback.classic.Logger logger =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DerivedCache.class);

    @BeforeEach
    void setUp() {
        root = Fixtures.copyOfBasic(tmp.resolve("content"));
        cache = DerivedCache.at(tmp.resolve("cache"));
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(logs);
        logger.setLevel(null);
    }

    private Loaded load() {
        return ContentLoader.load(root, ContentLoader.DEFAULT_FALLBACK, cache);
    }

    /** What happened to the content entry on the last load: hit, miss or rebuild. */
    private String lastEvent() {
        List<String> events = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("kind=content") && !m.contains("cache.stored")).toList();
        return events.get(events.size() - 1).split(" ")[0];
    }

    private Path entry() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("content-")).findFirst().orElseThrow();
        }
    }

    private String english(Loaded l, String key) {
        return l.set().translations().keys("en").get(key).text();
    }

    @Test
    void theSecondLoadOfTheSameFilesIsReadFromTheCacheAndEqualsALoadWithout() {
        Loaded first = load();
        assertThat(lastEvent()).isEqualTo("event=cache.miss");

        Loaded second = load();

        assertThat(lastEvent()).isEqualTo("event=cache.hit");
        assertThat(second).isEqualTo(first).isEqualTo(ContentLoader.load(root));
    }

    @Test
    void anEditThatKeepsTheSizeAndTheModificationTimeIsNoticed() throws IOException {
        Path en = root.resolve("translations/en.yaml");
        assertThat(english(load(), "common.no-results")).isEqualTo("Nothing found.");
        FileTime before = Files.getLastModifiedTime(en);
        Files.writeString(en, Files.readString(en).replace("Nothing found.", "Nothing fund!"));
        Files.setLastModifiedTime(en, before);

        Loaded after = load();

        assertThat(lastEvent()).isEqualTo("event=cache.miss");
        assertThat(english(after, "common.no-results")).isEqualTo("Nothing fund!");
    }

    @Test
    void aNewFileIsNoticed() {
        load();
        Fixtures.write(root.resolve("facts/more.yaml"), """
                hotline:
                  kind: phone
                  name: fact.rosa.name
                  value: "116 006"
                  basis: national number, not in the corpus
                  checked: 2026-11-23
                """);

        Loaded after = load();

        assertThat(lastEvent()).isEqualTo("event=cache.miss");
        assertThat(after.set().facts().find("hotline")).isPresent();
    }

    @Test
    void aBrokenFileIsNoticedAndItsProblemsAreReportedAsWithoutACache() {
        load();
        Fixtures.write(root.resolve("dialogs/demo.yaml"), "id: demo\nstart: [\n");

        Loaded after = load();

        assertThat(after.ok()).isFalse();
        assertThat(after.problems()).isEqualTo(ContentLoader.load(root).problems());
    }

    @Test
    void aDamagedEntryIsRebuiltNotBelievedAndNotACrash() throws IOException {
        Loaded first = load();
        Path entry = entry();
        try (RandomAccessFile f = new RandomAccessFile(entry.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x5a);
        }

        Loaded again = load();

        assertThat(lastEvent()).isEqualTo("event=cache.rebuild");
        assertThat(again).isEqualTo(first);
        load();
        assertThat(lastEvent()).as("the rebuilt entry is whole again").isEqualTo("event=cache.hit");
    }

    @Test
    void anEntryCutShortIsRebuilt() throws IOException {
        Loaded first = load();
        Path entry = entry();
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThat(load()).isEqualTo(first);
        assertThat(lastEvent()).isEqualTo("event=cache.rebuild");
    }

    @Test
    void anotherFallbackChainIsAnotherEntry() {
        load();

        Loaded nbFirst = ContentLoader.load(root, List.of("nb", "en"), cache);

        assertThat(lastEvent()).isEqualTo("event=cache.miss");
        assertThat(nbFirst.set().translations().fallback()).containsExactly("nb", "en");
    }

    @Test
    void theCacheOffLoadsEveryTime() {
        Loaded l = ContentLoader.load(root, ContentLoader.DEFAULT_FALLBACK, DerivedCache.off());

        assertThat(l).isEqualTo(ContentLoader.load(root));
        assertThat(logs.list).isEmpty();
    }
}
