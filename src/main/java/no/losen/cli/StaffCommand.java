package no.losen.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code losen staff add NAME [--role staff,counsellor]} and {@code losen staff remove NAME}: keep the
 * staff users file.
 * The password is asked twice without echo; with no terminal (a script, a test) it is read as
 * two lines from standard input, so it never appears in a command line or a shell history.
 */
@Command(name = "staff", mixinStandardHelpOptions = true, description = "Manage staff accounts for the console.",
        subcommands = {StaffCommand.Add.class, StaffCommand.Remove.class})
public final class StaffCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("losen staff: say add NAME or remove NAME (see --help)");
        return 2;
    }

    /** Where the file is: {@code --file}, else {@code LOSEN_STAFF_USERS}. */
    static final class FileOption {
        @Option(names = "--file", defaultValue = "${env:LOSEN_STAFF_USERS}",
                description = "The users file (default: LOSEN_STAFF_USERS).")
        Path file;

        Path required() {
            if (file == null || file.toString().isBlank()) {
                throw new IllegalArgumentException("say which users file: --file F or LOSEN_STAFF_USERS");
            }
            return file;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a staff user, or set a new password for one. Asks for the password twice.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "User name: a-z 0-9 . _ @ -")
        String name;

        @picocli.CommandLine.Mixin
        FileOption file = new FileOption();

        @Option(names = "--role", paramLabel = "ROLES",
                description = "The account's roles, comma-separated: staff (the identification dialogs), counsellor "
                        + "(answers people who ask to talk to a person). Default: a new account is staff, an existing "
                        + "one keeps its roles. Say staff,counsellor for both.")
        String roles;

        @Option(names = "--cost", defaultValue = "" + StaffAccounts.COST, hidden = true,
                description = "bcrypt work factor (tests use a low one).")
        int cost;

        @Override
        public Integer call() throws IOException {
            PrintStream err = System.err;
            String user = name.toLowerCase(java.util.Locale.ROOT);
            if (!StaffAccounts.validName(user)) {
                err.println("losen staff add: a user name is 1-64 characters: a-z 0-9 . _ @ -");
                return 2;
            }
            Path f;
            java.util.Set<Role> roleSet;
            try {
                roleSet = roles == null ? null : Role.parseList(roles);
                f = file.required();
            } catch (IllegalArgumentException e) {
                err.println("losen staff add: " + e.getMessage());
                return 2;
            }
            Passwords in = Passwords.open();
            char[] first = in.read("Password for " + user + ": ");
            char[] second = in.read("Again: ");
            try {
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    err.println("losen staff add: the two passwords differ (or none was given); nothing written");
                    return 1;
                }
                Optional<String> problem = StaffAccounts.passwordProblem(first);
                if (problem.isPresent()) {
                    err.println("losen staff add: " + problem.get() + "; nothing written");
                    return 1;
                }
                String hash = StaffAccounts.hash(first, cost);
                if (roleSet == null) {
                    StaffAccounts.put(f, user, hash);
                } else {
                    StaffAccounts.put(f, user, hash, roleSet);
                }
                Set<Role> now = new StaffAccounts(f).roles(user);
                System.out.println("Saved " + user + " (" + String.join(",", now.stream().sorted().map(Role::key).toList())
                        + ") in " + f);
                return 0;
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a staff user.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @picocli.CommandLine.Mixin
        FileOption file = new FileOption();

        @Override
        public Integer call() throws IOException {
            try {
                boolean found = StaffAccounts.remove(file.required(), name.toLowerCase(java.util.Locale.ROOT));
                System.out.println(found ? "Removed " + name : "No user " + name);
                return found ? 0 : 1;
            } catch (IllegalArgumentException e) {
                System.err.println("losen staff remove: " + e.getMessage());
                return 2;
            }
        }
    }

    /** The terminal without echo when there is one, else standard input line by line. */
    interface Passwords {
        char[] read(String prompt);

        static Passwords open() {
            Console c = System.console();
            if (c != null) {
                return c::readPassword;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return prompt -> {
                try {
                    String line = r.readLine();
                    return line == null ? null : line.toCharArray();
                } catch (IOException e) {
                    return null;
                }
            };
        }
    }
}
