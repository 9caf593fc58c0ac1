package no.losen.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The staff accounts: a plain file of {@code name:bcrypt-hash} lines ({@code #} starts a comment),
 * written by {@code losen staff add}. Such a line is a {@link Role#STAFF} account; a third field
 * gives the roles instead ({@code name:hash:staff,counsellor}), so a counsellor needs no second
 * file. A file, not a database, because a reception centre has a handful of staff and an operator
 * can read, back up and audit it; operators with many users use their identity provider instead
 * ({@link OidcLogin}, docs/staff-console.md).
 *
 * <p>The file is read again when it changes, so adding a user needs no restart. Verification
 * is deliberately slow (bcrypt) and costs the same for an unknown name as for a known one, so
 * timing does not tell an attacker which names exist.
 */
public final class StaffAccounts {

    /** Work factor for new hashes: about a quarter of a second on a small server in 2026. */
    public static final int COST = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MIN_PASSWORD_CHARS = 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    private static final BCrypt.Verifyer VERIFY = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));

    private final Path file;
    /** A verified account: its name as the file writes it, and its roles. */
    public record Account(String name, Set<Role> roles) {
        public Account {
            roles = Set.copyOf(roles);
        }
    }

    /** One line of the file. */
    record Entry(String hash, Set<Role> roles) {
    }

    private Map<String, Entry> hashes = Map.of();
    private FileTime loadedAt;
    /** Made off the lock ({@link #dummy()}); a reload clears it. */
    private volatile String dummy;

    public StaffAccounts(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    /** A user name as the file stores it: lower case, no spaces or colons. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether {@code password} may be set: long enough, and not longer than bcrypt reads. */
    public static Optional<String> passwordProblem(char[] password) {
        if (password.length < MIN_PASSWORD_CHARS) {
            return Optional.of("a password needs at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("a password may be at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)");
        }
        return Optional.empty();
    }

    public static String hash(char[] password, int cost) {
        return BCrypt.with(BCrypt.Version.VERSION_2B, new SecureRandom(),
                LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B)).hashToString(cost, password);
    }

    public Path file() {
        return file;
    }

    /** The number of accounts now in the file. */
    public synchronized int size() {
        reloadIfChanged();
        return hashes.size();
    }

    /**
     * The user's name if {@code password} is theirs. Blocking and slow on purpose: call it off
     * the event loop. Unknown names are checked against a dummy hash of the same cost.
     */
    public Optional<Account> verify(String name, char[] password) {
        Entry stored;
        String against;
        synchronized (this) {
            reloadIfChanged();
            stored = name == null ? null : hashes.get(name.toLowerCase(java.util.Locale.ROOT));
            against = stored != null ? stored.hash() : null;
        }
        if (against == null) {
            against = dummy();
        }
        boolean tooLong = new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        char[] checked = tooLong ? "x".toCharArray() : password;
        boolean ok = VERIFY.verify(checked, against.toCharArray()).verified;
        return ok && stored != null && !tooLong
                ? Optional.of(new Account(name.toLowerCase(java.util.Locale.ROOT), stored.roles()))
                : Optional.empty();
    }

    /**
     * Makes the dummy hash ahead of the first log-in. Made on demand, the first unknown name would
     * cost two hashes (making it, then checking against it) where a known name costs one: a
     * timing difference once per file change. It also gets bcrypt compiled before the first
     * person logs in, so a burst of log-ins right after a start does not also pay for the JIT.
     * Blocking and slow: call it off the event loop.
     */
    public void prepare() {
        synchronized (this) {
            reloadIfChanged();
        }
        dummy();
    }

    /**
     * A hash of a random password, at the cost the file's hashes use, so a miss costs what a hit
     * does. Made outside the lock: a log-in of a known name never waits behind it (two threads may
     * both make one; either will do).
     */
    private String dummy() {
        String d = dummy;
        if (d == null) {
            int cost;
            synchronized (this) {
                cost = cost();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            d = hash(java.util.Base64.getEncoder().encodeToString(random).toCharArray(), cost);
            dummy = d;
        }
        return d;
    }

    /** The highest cost among the file's hashes (the default when there are none). */
    private int cost() {
        return hashes.values().stream().map(Entry::hash).mapToInt(StaffAccounts::costOf).max().orElse(COST);
    }

    static int costOf(String hash) {
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (RuntimeException e) {
            return COST;
        }
    }

    private void reloadIfChanged() {
        try {
            FileTime t = Files.getLastModifiedTime(file);
            if (t.equals(loadedAt)) {
                return;
            }
            hashes = read(file);
            loadedAt = t;
            String d = dummy;
            if (d != null && costOf(d) != cost()) {
                dummy = null;   // a new cost; the same cost keeps the hash made ahead
            }
        } catch (NoSuchFileException e) {
            hashes = Map.of();
            loadedAt = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staff users file " + file, e);
        }
    }

    /**
     * Parses a users file; a line that is not {@code name:hash} or {@code name:hash:roles} stops the
     * server rather than locking someone out (or letting someone in with other rights) silently.
     */
    static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            String rest = colon < 0 ? "" : line.substring(colon + 1);
            int second = rest.indexOf(':');
            String hash = second < 0 ? rest : rest.substring(0, second);
            if (!validName(name) || !hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException(file + ":" + n + ": expected name:bcrypt-hash[:roles]");
            }
            Set<Role> roles;
            try {
                roles = second < 0 ? Set.of(Role.STAFF) : Role.parseList(rest.substring(second + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage());
            }
            out.put(name, new Entry(hash, roles));
        }
        return out;
    }

    /** Writes {@code name}'s new hash into the file (replacing an old one, keeping its roles), atomically. */
    public static void put(Path file, String name, String hash) throws IOException {
        edit(file, name, hash, null);
    }

    /** As {@link #put(Path, String, String)}, with these roles instead of the line's ({@code staff} alone is written as no field). */
    public static void put(Path file, String name, String hash, Set<Role> roles) throws IOException {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        edit(file, name, hash, roles);
    }

    /** The roles of {@code name} (any case) as the file now gives them; none for an unknown name. */
    public synchronized Set<Role> roles(String name) {
        reloadIfChanged();
        Entry e = name == null ? null : hashes.get(name.toLowerCase(java.util.Locale.ROOT));
        return e == null ? Set.of() : e.roles();
    }

    /** Removes {@code name}; false when there was no such user. */
    public static boolean remove(Path file, String name) throws IOException {
        return edit(file, name, null, null);
    }

    private static boolean edit(Path file, String name, String hash, Set<Role> roles) throws IOException {
        String given = roles == null || roles.equals(Set.of(Role.STAFF)) ? ""
                : ":" + String.join(",", roles.stream().sorted().map(Role::key).toList());
        if (!validName(name)) {
            throw new IllegalArgumentException("a user name is 1-64 characters: a-z 0-9 . _ @ -, starting with a letter or digit");
        }
        StringBuilder out = new StringBuilder();
        boolean found = false;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.strip().startsWith(name + ":")) {
                    found = true;
                    if (hash != null) {
                        // A new password keeps the roles the line gave, unless others are given.
                        String[] fields = line.strip().split(":", 3);
                        out.append(name).append(':').append(hash)
                                .append(roles != null ? given : fields.length == 3 ? ":" + fields[2] : "").append('\n');
                    }
                } else {
                    out.append(line).append('\n');
                }
            }
        } else {
            out.append("# Losen staff accounts: name:bcrypt-hash[:roles], roles staff (the default) and counsellor.\n")
                    .append("# Written by `losen staff add NAME`.\n");
        }
        if (!found && hash != null) {
            out.append(name).append(':').append(hash).append(given).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".staff", ".tmp");
        try {
            ownerOnly(tmp);
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return found;
    }

    /** The file holds password hashes: readable by the server's user only, where the file system allows. */
    private static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system; the operator sets access rights
        }
    }
}
