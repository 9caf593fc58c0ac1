package no.losen.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DerivedCacheTest {

    /** A payload with a secret in it: the logs must never show it, whatever goes wrong. */
    private static final String SECRET = "the handbook's words, never logged";

    private static final DerivedCache.Codec<String> TEXT = new DerivedCache.Codec<>() {
        @Override
        public void write(String value, DataOutputStream out) throws IOException {
            DerivedCache.writeString(out, value);
        }

        @Override
        public String read(DataInputStream in) throws IOException {
            return DerivedCache.readString(in);
        }
    };

    @TempDir
    Path tmp;
    private Path dir;
    private final AtomicInteger builds = new AtomicInteger();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DerivedCache.class);

    @BeforeEach
    void captureLogs() {
        dir = tmp.resolve("cache");
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
        logger.setLevel(null);
        assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(SECRET));
    }

    private Supplier<String> build(String value) {
        return () -> {
            builds.incrementAndGet();
            return value;
        };
    }

    private static CacheKey key(String input) {
        return CacheKey.of("test", "build-1").add(input).build();
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void anEntryWhoseFingerprintMatchesIsReadInsteadOfBuilt() {
        DerivedCache cache = DerivedCache.at(dir);
        assertThat(cache.get("test", key("corpus v1"), TEXT, build(SECRET))).isEqualTo(SECRET);
        assertThat(cache.get("test", key("corpus v1"), TEXT, build("other"))).isEqualTo(SECRET);
        assertThat(builds).hasValue(1);
        assertThat(DerivedCache.at(dir).get("test", key("corpus v1"), TEXT, build("other"))).as("another process").isEqualTo(SECRET);
        assertThat(builds).hasValue(1);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void changedContentOrANewBuildIsBuiltAgain() {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus v1"), TEXT, build(SECRET));
        assertThat(cache.get("test", key("corpus v2"), TEXT, build("v2"))).isEqualTo("v2");
        assertThat(cache.get("test", CacheKey.of("test", "build-2").add("corpus v1").build(), TEXT, build("new code")))
                .isEqualTo("new code");
        assertThat(builds).hasValue(3);
        assertThat(cache.get("test", key("corpus v2"), TEXT, build("x"))).isEqualTo("v2");
        assertThat(builds).hasValue(3);
    }

    @Test
    void aCorruptEntryIsRebuiltWithAWarningAndReplaced() throws IOException {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        Path file = cache.file("test", key("corpus"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 0x20; // one bit of the payload
        Files.write(file, bytes);

        assertThat(cache.get("test", key("corpus"), TEXT, build(SECRET))).isEqualTo(SECRET);
        assertThat(builds).hasValue(2);
        assertThat(warnings()).containsExactly("event=cache.rebuild kind=test reason=checksum");
        assertThat(cache.get("test", key("corpus"), TEXT, build("x"))).as("the rewritten entry is sound").isEqualTo(SECRET);
        assertThat(builds).hasValue(2);
    }

    @Test
    void aTruncatedEntryAnEmptyFileAndAForeignFileAreRebuilt() throws IOException {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        Path file = cache.file("test", key("corpus"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        Files.write(file, new byte[0]);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        Files.writeString(file, "not a cache file at all, but long enough to read a header from");
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        assertThat(builds).hasValue(4);
        assertThat(warnings()).containsExactly("event=cache.rebuild kind=test reason=truncated",
                "event=cache.rebuild kind=test reason=truncated", "event=cache.rebuild kind=test reason=not_a_cache_file");
    }

    @Test
    void anEntryOfAnotherFormatVersionIsRebuilt() throws IOException {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        Path file = cache.file("test", key("corpus"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[7] = (byte) (DerivedCache.FORMAT + 1); // the format int follows the 4-byte magic
        Files.write(file, bytes);
        assertThat(cache.get("test", key("corpus"), TEXT, build(SECRET))).isEqualTo(SECRET);
        assertThat(warnings()).containsExactly("event=cache.rebuild kind=test reason=format_version");
    }

    @Test
    void aPayloadItsCodecCannotReadIsRebuilt() {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        DerivedCache.Codec<String> failing = new DerivedCache.Codec<>() {
            @Override
            public void write(String value, DataOutputStream out) throws IOException {
                TEXT.write(value, out);
            }

            @Override
            public String read(DataInputStream in) throws IOException {
                throw new IOException("cannot parse " + SECRET);
            }
        };
        assertThat(cache.get("test", key("corpus"), failing, build(SECRET))).isEqualTo(SECRET);
        assertThat(warnings()).containsExactly("event=cache.rebuild kind=test reason=unreadable error=IOException");
    }

    @Test
    void entriesAreRenamedIntoPlaceInAFolderOnlyItsOwnerCanRead() throws IOException {
        DerivedCache cache = DerivedCache.at(dir);
        cache.get("test", key("corpus"), TEXT, build(SECRET));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(cache.file("test", key("corpus")).getFileName().toString());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void oldEntriesOfAKindArePruned() {
        DerivedCache cache = DerivedCache.at(dir);
        for (int i = 0; i < DerivedCache.KEEP + 3; i++) {
            cache.get("test", key("corpus v" + i), TEXT, build("v" + i));
        }
        cache.get("other", key("corpus"), TEXT, build("other kind"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("test-"))).hasSize(DerivedCache.KEEP);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(cache.get("test", key("corpus v" + (DerivedCache.KEEP + 2)), TEXT, build("x"))).as("the newest stays")
                .isEqualTo("v" + (DerivedCache.KEEP + 2));
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheRebuild() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "in the way");
        DerivedCache cache = DerivedCache.at(file.resolve("cache"));
        assertThat(cache.get("test", key("corpus"), TEXT, build(SECRET))).isEqualTo(SECRET);
        assertThat(cache.get("test", key("corpus"), TEXT, build(SECRET))).isEqualTo(SECRET);
        assertThat(builds).hasValue(2);
        assertThat(warnings()).allSatisfy(w -> assertThat(w).startsWith("event=cache.write_failed kind=test"));
        assertThat(logs.list).as("nothing stored, and no line says it was")
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("event=cache.stored"));
    }

    @Test
    void offBuildsEveryTimeAndTheSettingReadsOffBlankAndAFolder() {
        DerivedCache.off().get("test", key("corpus"), TEXT, build(SECRET));
        DerivedCache.off().get("test", key("corpus"), TEXT, build(SECRET));
        assertThat(builds).hasValue(2);
        assertThat(DerivedCache.dirSetting("off")).isNull();
        assertThat(DerivedCache.dirSetting(" ")).isEqualTo(DerivedCache.defaultDir());
        assertThat(DerivedCache.dirSetting(null)).isEqualTo(DerivedCache.defaultDir());
        assertThat(DerivedCache.dirSetting("/var/cache/losen")).isEqualTo(Path.of("/var/cache/losen"));
        assertThat(DerivedCache.fromEnv(java.util.Map.of("LOSEN_CACHE_DIR", "off")).dir()).isEmpty();
    }
}
