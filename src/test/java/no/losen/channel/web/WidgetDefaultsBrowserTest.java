package no.losen.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import no.losen.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Quick exit as a new operator and a new host get it: a server started with default settings
 * (the bundled content, {@code LOSEN_EXIT_URL} unset) and a host page with nothing but the script
 * tag, then the same with {@code LOSEN_EXIT_URL} set. Whatever is or is not configured, quick
 * exit must leave for the neutral page, never for a page on the Losen server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WidgetDefaultsBrowserTest {

    static final String DEFAULT_EXIT = "https://www.yr.no/";

    @TempDir
    static Path tmp;
    static WebFixture plain;
    static WebFixture blank;
    static ChromeDriver driver;

    @BeforeAll
    static void up() throws Exception {
        Chromium.require("WidgetDefaultsBrowserTest");
        plain = WebFixture.defaults();
        // LOSEN_EXIT_URL set; the public dialogs without the handbook, which quick exit does not need.
        blank = new WebFixture(c -> c.content(WebFixture.publicContent(tmp)).exitUrl("/exit"));
        driver = Chromium.start(Files.createDirectories(tmp.resolve("profile")), "en-US", 360, 740);
    }

    @AfterAll
    static void down() {
        if (driver != null) {
            driver.quit();
        }
        if (blank != null) {
            blank.close();
        }
    }

    @Test
    void onAPageWithOnlyTheScriptTagTheButtonLeavesForTheDefaultNeutralSite() {
        freshTab(plain.barePage());
        visible(".exit").click();
        until(() -> driver.getCurrentUrl().equals(DEFAULT_EXIT));
    }

    @Test
    void onTheFullPageChatTheButtonLeavesForTheDefaultNeutralSite() {
        freshTab(plain.chatPage());
        visible(".exit").click();
        until(() -> driver.getCurrentUrl().equals(DEFAULT_EXIT));
    }

    @Test
    void onTheFullPageChatShiftThreeTimesLeavesForTheDefaultNeutralSite() {
        freshTab(plain.chatPage());
        visible(".exit");
        for (int i = 0; i < 3; i++) {
            new Actions(driver).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        }
        until(() -> driver.getCurrentUrl().equals(DEFAULT_EXIT));
    }

    @Test
    void withTheExitUrlSetOnTheServerABarePageLeavesThere() {
        freshTab(blank.barePage());
        visible(".exit").click();
        until(() -> driver.getCurrentUrl().equals(blank.widgetOrigin() + "/exit"));
    }

    @Test
    void withTheExitUrlSetOnTheServerTheFullPageChatLeavesThere() {
        freshTab(blank.chatPage());
        for (int i = 0; i < 3; i++) {
            visible(".exit");
            new Actions(driver).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        }
        until(() -> driver.getCurrentUrl().equals(blank.widgetOrigin() + "/exit"));
    }

    // ---- helpers ----

    /** A new tab (its own sessionStorage and history) on {@code url}. */
    static void freshTab(String url) {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
        driver.get(url);
    }

    static SearchContext widget() {
        return until(() -> driver.findElement(By.cssSelector("[data-losen-widget]")).getShadowRoot());
    }

    static WebElement visible(String css) {
        return until(() -> {
            WebElement e = widget().findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    static <T> T until(java.util.function.Supplier<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).ignoring(RuntimeException.class)
                .until(d -> {
                    T v = condition.get();
                    return v instanceof Boolean b ? (b ? v : null) : v;
                });
    }
}
