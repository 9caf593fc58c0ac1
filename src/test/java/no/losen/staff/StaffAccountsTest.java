package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: bcrypt hashes, verification, and what an unknown name costs. */
class StaffAccountsTest {

    @TempDir
    Path dir;

    Path users() throws Exception {
        Path f = dir.resolve("users");
        StaffAccounts.put(f, "anna", StaffAccounts.hash("correct horse battery".toCharArray(), 4));
        StaffAccounts.put(f, "bo", StaffAccounts.hash("another long secret".toCharArray(), 4));
        return f;
    }

    @Test
    void theRightPasswordLogsInAndGivesTheName() throws Exception {
        StaffAccounts a = new StaffAccounts(users());
        assertThat(a.verify("anna", "correct horse battery".toCharArray())).map(StaffAccounts.Account::name).contains("anna");
        assertThat(a.verify("ANNA", "correct horse battery".toCharArray())).map(StaffAccounts.Account::name).contains("anna");
        assertThat(a.size()).isEqualTo(2);
    }

    @Test
    void aLineWithoutRolesIsStaffAndAThirdFieldGivesTheRoles() throws Exception {
        Path f = users();
        String hash = StaffAccounts.hash("counsellor secret".toCharArray(), 4);
        Files.writeString(f, "cara:" + hash + ":staff,counsellor\ndag:" + hash + ":counsellor\n",
                java.nio.file.StandardOpenOption.APPEND);
        StaffAccounts a = new StaffAccounts(f);
        assertThat(a.verify("anna", "correct horse battery".toCharArray())).get()
                .extracting(StaffAccounts.Account::roles).isEqualTo(java.util.Set.of(Role.STAFF));
        assertThat(a.verify("cara", "counsellor secret".toCharArray())).get()
                .extracting(StaffAccounts.Account::roles).isEqualTo(java.util.Set.of(Role.STAFF, Role.COUNSELLOR));
        assertThat(a.verify("dag", "counsellor secret".toCharArray())).get()
                .extracting(StaffAccounts.Account::roles).isEqualTo(java.util.Set.of(Role.COUNSELLOR));
    }

    @Test
    void aNewPasswordKeepsTheLinesRolesAndAnUnknownRoleStopsTheServer() throws Exception {
        Path f = dir.resolve("roles");
        String hash = StaffAccounts.hash("counsellor secret".toCharArray(), 4);
        Files.writeString(f, "dag:" + hash + ":counsellor\n");
        StaffAccounts.put(f, "dag", StaffAccounts.hash("a brand new password".toCharArray(), 4));
        assertThat(Files.readString(f)).endsWith(":counsellor\n");
        assertThat(new StaffAccounts(f).verify("dag", "a brand new password".toCharArray())).get()
                .extracting(StaffAccounts.Account::roles).isEqualTo(java.util.Set.of(Role.COUNSELLOR));
        Path bad = dir.resolve("bad-role");
        Files.writeString(bad, "eva:" + hash + ":staff,admin\n");
        assertThatThrownBy(() -> new StaffAccounts(bad)).hasMessageContaining("bad-role:1: unknown role 'admin'");
        Files.writeString(bad, "eva:" + hash + ":\n");
        assertThatThrownBy(() -> new StaffAccounts(bad)).hasMessageContaining("bad-role:1: unknown role ''");
    }

    @Test
    void aWrongPasswordOrAnotherUsersPasswordDoesNot() throws Exception {
        StaffAccounts a = new StaffAccounts(users());
        assertThat(a.verify("anna", "correct horse batterx".toCharArray())).isEmpty();
        assertThat(a.verify("anna", "another long secret".toCharArray())).isEmpty();
        assertThat(a.verify("anna", new char[0])).isEmpty();
        assertThat(a.verify("anna", "x".repeat(100).toCharArray())).isEmpty();
    }

    @Test
    void anUnknownNameIsCheckedAgainstADummyHashOfTheSameCost() throws Exception {
        StaffAccounts a = new StaffAccounts(users());
        assertThat(a.verify("nobody", "correct horse battery".toCharArray())).isEmpty();
        assertThat(a.verify(null, "correct horse battery".toCharArray())).isEmpty();
        // Work, not wall time: a miss on an unknown name costs a bcrypt run, like a miss on a known one (same order of magnitude).
        StaffAccounts slow = new StaffAccounts(dir.resolve("slow"));
        StaffAccounts.put(dir.resolve("slow"), "cara", StaffAccounts.hash("a slow password here".toCharArray(), 10));
        slow.verify("warm", "up".toCharArray());
        long known = time(() -> slow.verify("cara", "wrong password!".toCharArray()));
        long unknown = time(() -> slow.verify("nobody", "wrong password!".toCharArray()));
        assertThat(unknown).isBetween(known / 3, known * 3);
    }

    @Test
    void afterPrepareTheVeryFirstUnknownNameCostsOneHashLikeAKnownOne() throws Exception {
        Path file = dir.resolve("prepared");
        StaffAccounts.put(file, "cara", StaffAccounts.hash("a slow password here".toCharArray(), 10));
        StaffAccounts warm = new StaffAccounts(file);
        warm.prepare();   // also gets bcrypt compiled, so the times below compare hashing, not the JIT
        long known = once(() -> warm.verify("cara", "wrong password!".toCharArray()));
        long first = once(() -> warm.verify("nobody", "wrong password!".toCharArray()));
        // Unprepared, the first unknown name made the dummy hash too: two runs where a known name costs one.
        assertThat(first).as("CPU ns of the first unknown name vs a known one").isLessThan(known * 3 / 2);
    }

    private static long once(Runnable r) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        r.run();
        return threads.getCurrentThreadCpuTime() - t0;
    }

    /** The work a call does, as this thread's CPU time (the best of three): other load on the machine does not count. */
    private static long time(Runnable r) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            r.run();
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
        }
        return best;
    }

    @Test
    void hashesAreBcryptAtTheRequestedCostAndNeverThePassword() throws Exception {
        Path f = users();
        String text = Files.readString(f);
        assertThat(text).doesNotContain("correct horse battery").contains("anna:$2b$04$");
        assertThat(StaffAccounts.hash("correct horse battery".toCharArray(), StaffAccounts.COST)).startsWith("$2b$12$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void addingAgainReplacesThePasswordAndRemoveDeletesTheUser() throws Exception {
        Path f = users();
        StaffAccounts a = new StaffAccounts(f);
        StaffAccounts.put(f, "anna", StaffAccounts.hash("a brand new password".toCharArray(), 4));
        // The file is read again when it changes: no restart needed.
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertThat(a.verify("anna", "a brand new password".toCharArray())).map(StaffAccounts.Account::name).contains("anna");
        assertThat(a.verify("anna", "correct horse battery".toCharArray())).isEmpty();
        assertThat(Files.readAllLines(f).stream().filter(l -> l.startsWith("anna:"))).hasSize(1);
        assertThat(StaffAccounts.remove(f, "bo")).isTrue();
        assertThat(StaffAccounts.remove(f, "bo")).isFalse();
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 4000));
        assertThat(a.size()).isEqualTo(1);
    }

    @Test
    void aMissingFileHasNoAccountsAndABrokenLineStopsTheServer() throws Exception {
        assertThat(new StaffAccounts(dir.resolve("absent")).size()).isZero();
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "# comment\nanna:not-a-hash\n");
        assertThatThrownBy(() -> new StaffAccounts(bad)).hasMessageContaining("bad:2: expected name:bcrypt-hash");
    }

    @Test
    void aLineWithoutRolesIsStaffAndRolesFollowASecondColon() throws Exception {
        Path f = users();
        StaffAccounts.put(f, "cara", StaffAccounts.hash("a counsellor's secret".toCharArray(), 4),
                java.util.EnumSet.of(Role.STAFF, Role.COUNSELLOR));
        StaffAccounts.put(f, "dag", StaffAccounts.hash("only answers people".toCharArray(), 4), java.util.EnumSet.of(Role.COUNSELLOR));
        assertThat(Files.readString(f)).contains("cara:$2b$04$").contains(":staff,counsellor\n").contains(":counsellor\n");
        assertThat(Files.readAllLines(f).stream().filter(l -> l.startsWith("anna:")).findFirst().orElseThrow().split(":"))
                .hasSize(2);
        StaffAccounts a = new StaffAccounts(f);
        assertThat(a.roles("anna")).containsExactly(Role.STAFF);
        assertThat(a.roles("CARA")).containsExactlyInAnyOrder(Role.STAFF, Role.COUNSELLOR);
        assertThat(a.roles("dag")).containsExactly(Role.COUNSELLOR);
        assertThat(a.roles("nobody")).isEmpty();
        assertThat(a.verify("cara", "a counsellor's secret".toCharArray())).map(StaffAccounts.Account::name).contains("cara");
    }

    @Test
    void anUnknownRoleStopsTheServerWithItsLine() throws Exception {
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "anna:" + StaffAccounts.hash("correct horse battery".toCharArray(), 4) + ":staff,counselor\n");
        assertThatThrownBy(() -> new StaffAccounts(bad)).hasMessageContaining("bad:1: unknown role 'counselor'");
    }

    @Test
    void namesAndPasswordsAreChecked() {
        assertThat(StaffAccounts.validName("anna.berg@mottak")).isTrue();
        assertThat(StaffAccounts.validName("Anna Berg")).isFalse();
        assertThat(StaffAccounts.validName("a:b")).isFalse();
        assertThat(StaffAccounts.passwordProblem("short".toCharArray())).isPresent();
        assertThat(StaffAccounts.passwordProblem("æøå".repeat(25).toCharArray())).get().asString().contains("72 bytes");
        assertThat(StaffAccounts.passwordProblem("long enough pass".toCharArray())).isEmpty();
    }
}
