package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code losen staff add|remove}: the password comes twice on standard input when there is no terminal. */
class StaffCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true));
            System.setErr(new PrintStream(e, true));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, o.toString(), e.toString());
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void addWritesABcryptHashThatTheServerAccepts() throws Exception {
        Path f = dir.resolve("staff-users");
        Run r = run("correct horse battery\ncorrect horse battery\n", "staff", "add", "Anna", "--file", f.toString(),
                "--cost", "4");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Saved anna");
        assertThat(Files.readString(f)).contains("anna:$2b$04$").doesNotContain("correct horse");
        assertThat(new StaffAccounts(f).verify("anna", "correct horse battery".toCharArray())).contains("anna");
    }

    @Test
    void twoDifferentOrShortPasswordsWriteNothing() {
        Path f = dir.resolve("staff-users");
        Run differ = run("correct horse battery\ncorrect horse batterx\n", "staff", "add", "anna", "--file", f.toString());
        assertThat(differ.code()).isEqualTo(1);
        assertThat(differ.err()).contains("differ");
        Run shortOne = run("short\nshort\n", "staff", "add", "anna", "--file", f.toString());
        assertThat(shortOne.code()).isEqualTo(1);
        assertThat(shortOne.err()).contains("at least 10");
        assertThat(f).doesNotExist();
    }

    @Test
    void aBadNameOrNoFileIsRefusedAndRemoveDeletesAUser() {
        Path f = dir.resolve("staff-users");
        assertThat(run("", "staff", "add", "anna berg", "--file", f.toString()).code()).isEqualTo(2);
        assertThat(run("pw\npw\n", "staff", "add", "anna", "--file", "").err()).contains("--file");
        run("a long password\na long password\n", "staff", "add", "anna", "--file", f.toString(), "--cost", "4");
        assertThat(run("", "staff", "remove", "anna", "--file", f.toString()).code()).isZero();
        assertThat(run("", "staff", "remove", "anna", "--file", f.toString()).code()).isEqualTo(1);
    }
}
