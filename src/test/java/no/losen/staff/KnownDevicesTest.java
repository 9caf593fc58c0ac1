package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The known-device cookie's key: kept in the cache folder, so the staff member's usual browser is still
 * known after a restart (an independent tester: guesses from 2,000 addresses kept an unknown browser out,
 * and with a key per start every browser was unknown after one).
 */
class KnownDevicesTest {

    @TempDir
    Path cache;

    @Test
    void aDeviceKnownBeforeARestartIsKnownAfterItWhenTheKeyIsKeptInTheCacheFolder() {
        String cookie = KnownDevices.kept(cache).issue("anna");
        KnownDevices afterRestart = KnownDevices.kept(cache);
        assertThat(afterRestart.device(cookie, "anna")).isPresent();
        assertThat(afterRestart.device(cookie, "bo")).as("it names one account").isEmpty();
    }

    @Test
    void theKeyIsTheServersUsersAlone() throws Exception {
        KnownDevices.kept(cache);
        Path key = cache.resolve(KnownDevices.KEY_FILE);
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void aFolderNotThereYetIsMadeForTheServersUserAlone() throws Exception {
        Path folder = cache.resolve("losen");
        String cookie = KnownDevices.kept(folder).issue("anna");
        assertThat(KnownDevices.kept(folder).device(cookie, "anna")).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void withoutAFolderARestartForgetsEveryDevice() {
        String cookie = KnownDevices.kept(null).issue("anna");
        assertThat(KnownDevices.kept(null).device(cookie, "anna")).isEmpty();
    }

    @Test
    void aDamagedKeyGivesAKeyOfThisStartAloneNotAFailure() throws Exception {
        Files.write(cache.resolve(KnownDevices.KEY_FILE), new byte[] {1, 2, 3});
        KnownDevices devices = KnownDevices.kept(cache);
        String cookie = devices.issue("anna");
        assertThat(devices.device(cookie, "anna")).isPresent();
        assertThat(KnownDevices.kept(cache).device(cookie, "anna")).isEmpty();
    }

    @Test
    void aForgedOrMangledCookieIsNoDevice() {
        KnownDevices devices = KnownDevices.kept(cache);
        String cookie = devices.issue("anna");
        assertThat(devices.device(cookie.substring(0, cookie.length() - 1) + "A", "anna")).isEmpty();
        assertThat(devices.device("no-dot", "anna")).isEmpty();
        assertThat(devices.device(null, "anna")).isEmpty();
    }
}
