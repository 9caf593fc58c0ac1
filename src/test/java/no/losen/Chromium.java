package no.losen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium under Selenium for the browser tests: nothing is downloaded (Selenium Manager
 * never runs), a fresh profile each time, and a skip nobody can miss when the browser is absent.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test class, loudly, unless Chromium and its driver are installed. */
    public static void require(String what) {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!present) {
            System.err.println("\n**********************************************************************\n"
                    + "* " + what + " SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is\n"
                    + "* missing. Install them with: apt-get install -y chromium chromium-driver\n"
                    + "* (.ci/run does). It has NOT been tested in a browser.\n"
                    + "**********************************************************************\n");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
    }

    /** A headless Chromium with its console log kept, in {@code locale} and a window of the given size. */
    public static ChromeDriver start(Path profile, String locale, int width, int height) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BINARY.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                // No name resolves but this machine's: a test can follow quick exit to https://www.yr.no/
                // (it lands on an error page at that address) and nothing ever leaves for the internet.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--lang=" + locale, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }
}
