package no.losen.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server for all the tests of a class: started before the first, stopped after the
 * last, so end-to-end classes do not each write the same set-up and tear-down.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LosenServerExtension server = LosenServerExtension.defaults()
 *         .with(c -> c.withContent(Fixtures.BASIC)).staff("kari", PASSWORD, Role.COUNSELLOR);
 * }</pre>
 *
 * It is the {@link TestServer} the tests talk to (connect, get, port, base URL, Vert.x). It
 * starts from the server's own defaults on a free port, so what a test does not set is what an
 * operator gets. Staff accounts go into a users file of its own, deleted with the server. A start
 * that fails closes what it opened; JUnit then runs no test of the class and still calls
 * {@link #afterAll}. It must be on a static field: JUnit does not call a per-class callback of an
 * extension on an instance field, and the server would never start. A stand-in the server calls
 * (an SMS relay, an identity provider) goes on a static {@code @AutoClose} field: it is up before
 * the server's settings name it, and JUnit closes it after the server.
 */
public final class LosenServerExtension extends TestServer implements BeforeAllCallback, AfterAllCallback {

    /** Cheap on purpose: log-ins in tests should not wait for bcrypt, except where a test measures that wait. */
    static final int TEST_HASH_COST = 4;

    /** A change to the settings; it may build content on disk first, so it may throw. */
    @FunctionalInterface
    public interface Change {
        Config apply(Config config) throws Exception;
    }

    private record Account(String name, String password, Set<Role> roles) {
    }

    private final Change settings;
    private final List<Account> accounts;
    private final int hashCost;
    private Config config;
    private Path staffDir;

    private LosenServerExtension(Change settings, List<Account> accounts, int hashCost) {
        this.settings = settings;
        this.accounts = accounts;
        this.hashCost = hashCost;
    }

    /** The server with default settings (the bundled content, no staff log-in), on a free port. */
    public static LosenServerExtension defaults() {
        return new LosenServerExtension(c -> c, List.of(), TEST_HASH_COST);
    }

    /**
     * These settings changed as well. {@code change} runs when the class starts, after the staff
     * accounts are written (it sees their file), so it may also read a static {@code @TempDir} or
     * build content there.
     */
    public LosenServerExtension with(Change change) {
        return new LosenServerExtension(c -> change.apply(settings.apply(c)), accounts, hashCost);
    }

    /** A staff account in the server's users file (staff log-in on); no role given: {@code staff}. */
    public LosenServerExtension staff(String name, String password, Role... roles) {
        List<Account> more = new ArrayList<>(accounts);
        more.add(new Account(name, password, Set.of(roles)));
        return new LosenServerExtension(settings, List.copyOf(more), hashCost);
    }

    /** The bcrypt cost of the staff accounts, for a test of the password check's own cost. */
    public LosenServerExtension hashCost(int cost) {
        return new LosenServerExtension(settings, accounts, cost);
    }

    /** The settings the server runs with, for a test that starts a second server like it. */
    public Config config() {
        if (config == null) {
            throw new IllegalStateException("the server is not running (a LosenServerExtension must be on a static field)");
        }
        return config;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Config c = Config.defaults().withPort(0);
        if (!accounts.isEmpty()) {
            staffDir = Files.createTempDirectory("losen-staff");
            Path users = staffDir.resolve("users");
            for (Account a : accounts) {
                String hash = StaffAccounts.hash(a.password().toCharArray(), hashCost);
                if (a.roles().isEmpty()) {
                    StaffAccounts.put(users, a.name(), hash);
                } else {
                    StaffAccounts.put(users, a.name(), hash, a.roles());
                }
            }
            c = c.withStaff(users, c.staffIdle());
        }
        c = settings.apply(c);
        start(c);
        config = c;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            close();
        } finally {
            if (staffDir != null) {
                try (Stream<Path> files = Files.walk(staffDir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
