package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losen staff add|remove}: the password comes twice on standard input when there is no terminal. */
class StaffCommandTest {

    @TempDir
    Path dir;

    @Test
    void addWritesABcryptHashThatTheServerAccepts() throws Exception {
        Path f = dir.resolve("staff-users");
        CliRun r = CliRun.withInput("correct horse battery\ncorrect horse battery\n", "staff", "add", "Anna", "--file", f.toString(),
                "--cost", "4");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Saved anna");
        assertThat(Files.readString(f)).contains("anna:$2b$04$").doesNotContain("correct horse");
        assertThat(new StaffAccounts(f).verify("anna", "correct horse battery".toCharArray()))
                .map(StaffAccounts.Account::name).contains("anna");
    }

    @Test
    void roleCounsellorWritesTheRoleAndAnUnknownRoleWritesNothing() throws Exception {
        Path f = dir.resolve("staff-users");
        CliRun r = CliRun.withInput("correct horse battery\ncorrect horse battery\n", "staff", "add", "cara", "--role",
                "staff,counsellor", "--file", f.toString(), "--cost", "4");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Saved cara (staff,counsellor)");
        assertThat(new StaffAccounts(f).roles("cara")).containsExactlyInAnyOrder(no.losen.staff.Role.STAFF,
                no.losen.staff.Role.COUNSELLOR);
        CliRun bad = CliRun.withInput("correct horse battery\ncorrect horse battery\n", "staff", "add", "dag", "--role",
                "counselor", "--file", f.toString(), "--cost", "4");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown role 'counselor'");
        assertThat(new StaffAccounts(f).roles("dag")).isEmpty();
    }

    @Test
    void twoDifferentOrShortPasswordsWriteNothing() {
        Path f = dir.resolve("staff-users");
        CliRun differ = CliRun.withInput("correct horse battery\ncorrect horse batterx\n", "staff", "add", "anna", "--file", f.toString());
        assertThat(differ.code()).isEqualTo(1);
        assertThat(differ.err()).contains("differ");
        CliRun shortOne = CliRun.withInput("short\nshort\n", "staff", "add", "anna", "--file", f.toString());
        assertThat(shortOne.code()).isEqualTo(1);
        assertThat(shortOne.err()).contains("at least 10");
        assertThat(f).doesNotExist();
    }

    @Test
    void aBadNameOrNoFileIsRefusedAndRemoveDeletesAUser() {
        Path f = dir.resolve("staff-users");
        assertThat(CliRun.withInput("", "staff", "add", "anna berg", "--file", f.toString()).code()).isEqualTo(2);
        assertThat(CliRun.withInput("pw\npw\n", "staff", "add", "anna", "--file", "").err()).contains("--file");
        CliRun.withInput("a long password\na long password\n", "staff", "add", "anna", "--file", f.toString(), "--cost", "4");
        assertThat(CliRun.withInput("", "staff", "remove", "anna", "--file", f.toString()).code()).isZero();
        assertThat(CliRun.withInput("", "staff", "remove", "anna", "--file", f.toString()).code()).isEqualTo(1);
    }
}
