package no.losen.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is derived from content and costs seconds to derive (the handbook's search index, the intent
 * models), kept on disk under the {@link CacheKey} of its inputs, so a restart with unchanged
 * content and code reads it in milliseconds instead of rebuilding it. A changed input is a new
 * fingerprint, so it is rebuilt; nothing has to be invalidated by hand.
 *
 * <p>An entry is one file {@code <kind>-<fingerprint>.bin}: a header (magic, format, kind, the whole
 * fingerprint), the payload, and the payload's CRC-32C (a torn or flipped byte is what it must catch;
 * the folder is its owner's, so nobody else can forge an entry, and the CRC of 15 MB takes 8-15 ms here against 250 ms for a SHA-256
 * at start-up, when the JIT has not compiled anything yet). Anything that does not check out (a torn or
 * edited file, another format, another fingerprint under the name) is logged as a WARN with the
 * reason only, never content, and the entry is rebuilt and rewritten. Entries are written to a
 * temporary file in the same folder and renamed over the old one, so a reader (another instance
 * starting at the same moment) sees the old entry or the new one, never half of one. The cache only
 * saves time: a folder that cannot be written leaves the server building at every start.
 *
 * <p>The folder holds the handbook's text in the index, so it is created readable by its owner only.
 */
public final class DerivedCache {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedCache.class);
    private static final int MAGIC = 0x4C534E43; // "LSNC"
    /** The container format; payload formats are covered by the code version in the fingerprint. */
    static final int FORMAT = 2;
    /** Entries of one kind kept at most (several content roots, several builds); the oldest go. */
    static final int KEEP = 6;

    /** How a value is written to and read from an entry's payload. */
    public interface Codec<T> {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private static final DerivedCache OFF = new DerivedCache(null);

    private final Path dir;

    private DerivedCache(Path dir) {
        this.dir = dir;
    }

    public static DerivedCache at(Path dir) {
        return dir == null ? OFF : new DerivedCache(dir);
    }

    /** Builds every time (tools, tests that must not share state). */
    public static DerivedCache off() {
        return OFF;
    }

    /**
     * The folder an operator set ({@code LOSEN_CACHE_DIR}; {@code off} turns the cache off), else
     * {@link #defaultDir()}.
     */
    public static DerivedCache fromEnv(Map<String, String> env) {
        return at(dirSetting(env.get("LOSEN_CACHE_DIR")));
    }

    /** A setting's value as a folder: blank means the default, {@code off} means none (null). */
    public static Path dirSetting(String value) {
        if (value == null || value.isBlank()) {
            return defaultDir();
        }
        return value.strip().equalsIgnoreCase("off") ? null : Path.of(value.strip());
    }

    /** {@code ~/.cache/losen}: per user (never a shared temporary folder another user could write into). */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "losen");
    }

    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** The file an entry of this kind and fingerprint lives in. */
    public Path file(String kind, CacheKey key) {
        if (dir == null) {
            throw new IllegalStateException("the cache is off");
        }
        return dir.resolve(kind + "-" + key.shortHex() + ".bin");
    }

    /** The entry under {@code key} if it is there and sound; otherwise {@code build}, which is then stored. */
    public <T> T get(String kind, CacheKey key, Codec<T> codec, Supplier<T> build) {
        if (dir == null) {
            return build.get();
        }
        Path file = file(kind, key);
        long t0 = System.nanoTime();
        if (Files.exists(file)) {
            try {
                T value = codec.read(new DataInputStream(new ByteArrayInputStream(payload(file, kind, key))));
                LOG.info("event=cache.hit kind={} ms={}", kind, (System.nanoTime() - t0) / 1_000_000);
                return value;
            } catch (Unsound e) {
                LOG.warn("event=cache.rebuild kind={} reason={}", kind, e.getMessage());
            } catch (IOException | RuntimeException e) {
                // the exception's class only: a message may quote what it could not parse
                LOG.warn("event=cache.rebuild kind={} reason=unreadable error={}", kind, e.getClass().getSimpleName());
            }
        } else {
            LOG.info("event=cache.miss kind={}", kind);
        }
        T value = build.get();
        long built = System.nanoTime();
        if (store(kind, key, codec, value, file)) { // else it logged cache.write_failed
            LOG.info("event=cache.stored kind={} build_ms={} write_ms={}", kind, (built - t0) / 1_000_000,
                    (System.nanoTime() - built) / 1_000_000);
        }
        return value;
    }

    /** An entry that is there but must not be used; the message is the reason, a fixed word. */
    private static final class Unsound extends IOException {
        Unsound(String reason) {
            super(reason);
        }
    }

    private static byte[] payload(Path file, String kind, CacheKey key) throws IOException {
        byte[] all = Files.readAllBytes(file);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        try {
            if (in.readInt() != MAGIC) {
                throw new Unsound("not_a_cache_file");
            }
            if (in.readInt() != FORMAT) {
                throw new Unsound("format_version");
            }
            if (!in.readUTF().equals(kind) || !in.readUTF().equals(key.hex())) {
                throw new Unsound("fingerprint");
            }
            int length = in.readInt();
            if (length < 0 || length > in.available() - 8) {
                throw new Unsound("truncated");
            }
            byte[] payload = in.readNBytes(length);
            long sum = in.readLong();
            if (in.available() != 0 || sum != crc(payload)) {
                throw new Unsound("checksum");
            }
            return payload;
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new Unsound("truncated");
        }
    }

    /** Writes the entry; false (logged) when it could not be. */
    private <T> boolean store(String kind, CacheKey key, Codec<T> codec, T value, Path file) {
        Path tmp = null;
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
            codec.write(value, new DataOutputStream(body));
            byte[] payload = body.toByteArray();
            ByteArrayOutputStream whole = new ByteArrayOutputStream(payload.length + 256);
            DataOutputStream out = new DataOutputStream(whole);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(kind);
            out.writeUTF(key.hex());
            out.writeInt(payload.length);
            out.write(payload);
            out.writeLong(crc(payload));
            out.flush();
            createPrivately(dir);
            tmp = Files.createTempFile(dir, kind + "-", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(whole.toByteArray());
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(kind, file);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=cache.write_failed kind={} error={}", kind, e.getClass().getSimpleName());
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file; the next prune of this kind removes it
                }
            }
        }
    }

    /**
     * Makes {@code dir} readable by the server's user only (where the file system has such rights) unless it is
     * there; its parents as the system makes them. For the cache and whatever else the server keeps in its folder.
     */
    public static void createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another instance made it a moment ago
        }
    }

    /** Keeps the newest {@link #KEEP} entries of a kind (and drops temporary files older than an hour). */
    private void prune(String kind, Path keep) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().startsWith(kind + "-")).toList();
        }
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        List<Path> bins = new java.util.ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.endsWith(".tmp") && modified(p) < hourAgo) {
                Files.deleteIfExists(p);
            } else if (name.endsWith(".bin") && !p.equals(keep)) {
                bins.add(p);
            }
        }
        bins.sort(Comparator.comparingLong(DerivedCache::modified).reversed());
        for (Path old : bins.subList(Math.min(bins.size(), KEEP - 1), bins.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static long crc(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Strings of any length (DataOutput's writeUTF stops at 64 KB). */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new java.io.EOFException();
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
