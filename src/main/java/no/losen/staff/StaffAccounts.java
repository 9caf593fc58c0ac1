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
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The staff accounts: a plain file of {@code name:bcrypt-hash} lines, or
 * {@code name:bcrypt-hash:staff,counsellor} for an account with roles beyond staff
 * ({@code #} starts a comment), written by {@code losen staff add}. A file, not a database, because a reception centre has a
 * handful of staff and an operator can read, back up and audit it; operators with many users put
 * the console behind their SSO instead (docs/staff-console.md).
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
    /** An account's line: its hash and roles. */
    record Account(String hash, Set<Role> roles) {
    }

    private Map<String, Account> accounts = Map.of();
    private FileTime loadedAt;
    private String dummy;

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
        return accounts.size();
    }

    /** The roles of {@code name} in the file now; empty for an unknown name. */
    public synchronized Set<Role> roles(String name) {
        reloadIfChanged();
        Account a = name == null ? null : accounts.get(name.toLowerCase(java.util.Locale.ROOT));
        return a == null ? Set.of() : a.roles();
    }

    /**
     * The user's name if {@code password} is theirs. Blocking and slow on purpose: call it off
     * the event loop. Unknown names are checked against a dummy hash of the same cost.
     */
    public Optional<String> verify(String name, char[] password) {
        String stored;
        String against;
        synchronized (this) {
            reloadIfChanged();
            Account a = name == null ? null : accounts.get(name.toLowerCase(java.util.Locale.ROOT));
            stored = a == null ? null : a.hash();
            against = stored != null ? stored : dummy();
        }
        boolean tooLong = new String(password).getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        char[] checked = tooLong ? "x".toCharArray() : password;
        boolean ok = VERIFY.verify(checked, against.toCharArray()).verified;
        return ok && stored != null && !tooLong ? Optional.of(name.toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    /** A hash of a random password, at the cost the file's hashes use, so a miss costs what a hit does. */
    private String dummy() {
        if (dummy == null) {
            int cost = accounts.values().stream().map(Account::hash).mapToInt(StaffAccounts::costOf).max().orElse(COST);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            dummy = hash(java.util.Base64.getEncoder().encodeToString(random).toCharArray(), cost);
        }
        return dummy;
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
            accounts = read(file);
            loadedAt = t;
            dummy = null;
        } catch (NoSuchFileException e) {
            accounts = Map.of();
            loadedAt = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staff users file " + file, e);
        }
    }

    /**
     * Parses a users file: {@code name:hash} (a staff member) or {@code name:hash:staff,counsellor}.
     * A line that is neither stops the server rather than locking someone out silently.
     */
    static Map<String, Account> read(Path file) throws IOException {
        Map<String, Account> out = new LinkedHashMap<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", -1);
            String name = parts[0];
            String hash = parts.length > 1 ? parts[1] : "";
            if (parts.length > 3 || !validName(name) || !hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException(file + ":" + n + ": expected name:bcrypt-hash or name:bcrypt-hash:roles");
            }
            Set<Role> roles;
            try {
                roles = parts.length == 3 ? Role.parse(parts[2]) : EnumSet.of(Role.STAFF);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage());
            }
            out.put(name, new Account(hash, roles));
        }
        return out;
    }

    /** Writes {@code name}'s new hash into the file (replacing an old one) as a staff member, atomically. */
    public static void put(Path file, String name, String hash) throws IOException {
        put(file, name, hash, EnumSet.of(Role.STAFF));
    }

    /** Writes {@code name}'s new hash and roles into the file (replacing an old line), atomically. */
    public static void put(Path file, String name, String hash, Set<Role> roles) throws IOException {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        // A staff member only is written as before (name:hash), so older servers still read the file.
        edit(file, name, roles.equals(EnumSet.of(Role.STAFF)) ? hash : hash + ":" + Role.format(roles));
    }

    /** Removes {@code name}; false when there was no such user. */
    public static boolean remove(Path file, String name) throws IOException {
        return edit(file, name, null);
    }

    private static boolean edit(Path file, String name, String hash) throws IOException {
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
                        out.append(name).append(':').append(hash).append('\n');
                    }
                } else {
                    out.append(line).append('\n');
                }
            }
        } else {
            out.append("# Losen staff accounts: name:bcrypt-hash[:roles]. Written by `losen staff add NAME [--role counsellor]`.\n");
        }
        if (!found && hash != null) {
            out.append(name).append(':').append(hash).append('\n');
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
