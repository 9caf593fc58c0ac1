package no.losen.channel.web;

import no.losen.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The widget in a real browser (Debian's Chromium), embedded on a host site of another origin
 * under a strict Content-Security-Policy, talking to the real server: what a person does, and
 * what must hold for someone who may be watched.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WidgetBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** What the widget may keep in sessionStorage, and nothing else. */
    /** boot: the last /api/boot answer (public words and numbers), so a reload with the server down still shows quick exit. */
    static final Set<String> KEPT = Set.of("dialog", "lang", "asked", "open", "token", "ttl", "expires", "stepped", "started", "boot");

    @TempDir
    static Path tmp;
    static WebFixture web;
    static ChromeDriver driver;

    @BeforeAll
    static void up() throws IOException {
        Chromium.require("WidgetBrowserTest");
        web = new WebFixture(tmp.resolve("main"), Duration.ofMinutes(30));
        driver = chrome(Files.createDirectories(tmp.resolve("profile")));
    }

    static ChromeDriver chrome(Path profile) {
        return Chromium.start(profile, "en-US", 1280, 900);
    }

    @AfterAll
    static void down() {
        if (driver != null) {
            driver.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    /** Each test in a new tab: its own sessionStorage and its own history, as a person's new tab would be. */
    @BeforeEach
    void freshTab() {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        driver.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void onAnotherSiteItWalksAPathByClickingAndTypingAndKeepsNothingButTheSessionToken() throws IOException {
        driver.get(web.hostPage("nb"));
        WebElement launcher = visible(".launch");
        screenshot("widget-launcher.png");
        assertThat(launcher.getText()).isEqualTo("Chat: spør anonymt");
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");

        // Quick exit is the very first stop in the tab order of the whole page.
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(focusedInWidget()).isEqualTo("Gå ut raskt");

        launcher.click();
        waitForLog("Hva gjelder det?");
        assertThat(visible(".exit").isDisplayed()).isTrue();
        choose("Jeg søker asyl");
        waitForLog("Du har rett til hjelp mens søknaden behandles.");
        WebElement phone = visible(".card a.phone");
        assertThat(phone.getText()).isEqualTo("22 33 11 60");
        assertThat(phone.getAttribute("href")).isEqualTo("tel:+4722331160");

        // Free text: a topic word takes the person to that part of the dialog.
        type("lege");
        waitForLog("Du kan få helsehjelp.");
        choose("Start på nytt");
        choose("Jobb");
        waitForLog("Kryss av for det som passer.");
        WebElement debt = widget().findElements(By.cssSelector(".check")).stream()
                .filter(l -> l.getText().equals("Gjeld")).findFirst().orElseThrow();
        debt.click();
        button(".checklist button", "Ferdig").click();
        waitForLog("Du krysset av: Gjeld");
        screenshot("widget-nb-desktop.png");
        assertThat(widget().findElements(By.cssSelector(".msg.me")).stream().map(m -> m.getAttribute("textContent")))
                .containsExactly("Du: Jeg søker asyl", "Du: lege", "Du: Start på nytt", "Du: Jobb", "Du: Gjeld");

        // Nothing beyond sessionStorage: no cookies, no localStorage, only the session's few fields.
        assertThat(js("return document.cookie")).isEqualTo("");
        assertThat(js("return localStorage.length")).isEqualTo(0L);
        assertThat(kept().fieldNames()).isSubsetOf(KEPT).contains("token", "dialog");
        // The kept boot answer is the server's public answer, nothing of the conversation.
        assertThat(kept().getJsonObject("boot").fieldNames()).isSubsetOf(Set.of("dialog", "languages", "ui", "help"));
        assertThat(kept().getJsonObject("boot").encode()).doesNotContain("Jeg søker asyl", "lege");
        // No third-party requests: everything came from the host site or the Losen server.
        @SuppressWarnings("unchecked")
        List<String> fetched = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(fetched).isNotEmpty()
                .allMatch(u -> u.startsWith(web.widgetOrigin()) || u.startsWith(web.siteOrigin()));
        assertCleanConsole();
    }

    @Test
    void theKeyboardAloneReachesEverythingAndFocusFollowsTheConversation() {
        driver.get(web.hostPage("nb"));
        visible(".launch");
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(focusedInWidget()).isEqualTo("Chat: spør anonymt");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForLog("Hva gjelder det?");
        // Focus lands on the first choice of the new step, with a visible outline.
        until(() -> "Jeg søker asyl".equals(focusedInWidget()));
        assertThat(js("const s = document.querySelector('[data-losen-widget]').shadowRoot;"
                + "return getComputedStyle(s.activeElement).outlineStyle")).isEqualTo("solid");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForLog("Du har rett til hjelp");
        until(() -> "Helse".equals(focusedInWidget()));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForLog("Du kan få helsehjelp.");
        until(() -> "Start på nytt".equals(focusedInWidget()));

        // Minimising gives focus back to the launcher, which says the chat is closed.
        visible(".min").click();
        assertThat(focusedInWidget()).isEqualTo("Chat: spør anonymt");
        assertThat(visible(".launch").getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(widget().findElement(By.cssSelector(".panel")).isDisplayed()).isFalse();
        assertCleanConsole();
    }

    @Test
    void arabicIsLaidOutRightToLeftAndEachMessageCarriesItsDirection() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 780));
        driver.get(web.hostPage("auto"));
        visible(".launch").click();
        waitForLog("What is it about?");

        // The picker names each language in itself, and a draft one says so in its own words.
        assertThat(visible(".lang .code").getText()).isEqualTo("EN");
        Select picker = new Select(widget().findElement(By.cssSelector(".lang select")));
        assertThat(picker.getOptions().stream().map(WebElement::getText))
                .containsExactly("Norsk bokmål", "English", "العربية – ترجمة لم يراجعها إنسان");
        picker.selectByValue("ar");
        waitForLog("بماذا يتعلق الأمر؟");
        WebElement root = widget().findElement(By.cssSelector(".losen"));
        assertThat(root.getAttribute("dir")).isEqualTo("rtl");
        assertThat(root.getAttribute("lang")).isEqualTo("ar");
        assertThat(visible(".composer button").getText()).isEqualTo("إرسال");
        assertThat(visible(".exit").getText()).isEqualTo("خروج سريع");

        choose("أنا طالب لجوء");
        waitForLog("لك الحق في المساعدة أثناء معالجة طلبك.");
        List<WebElement> bots = widget().findElements(By.cssSelector(".msg.bot"));
        WebElement last = bots.get(bots.size() - 1);
        assertThat(last.getAttribute("dir")).isEqualTo("rtl");
        assertThat(last.getAttribute("lang")).isEqualTo("ar");
        assertThat(last.getCssValue("direction")).isEqualTo("rtl");
        assertThat(bots.get(0).getAttribute("dir")).as("the English message keeps its own direction").isEqualTo("ltr");
        // Right-to-left: the person's messages sit on the left (beside the scroll bar), ours start at the right edge.
        WebElement mine = widget().findElements(By.cssSelector(".msg.me")).get(0);
        WebElement log = widget().findElement(By.cssSelector(".log"));
        assertThat(mine.getRect().getX()).isLessThan(log.getRect().getX() + 40);
        assertThat(last.getRect().getX() + last.getRect().getWidth())
                .isGreaterThan(log.getRect().getX() + log.getRect().getWidth() - 40);
        assertFitsThePhone();
        assertCleanConsole();
        screenshot("widget-ar.png");
    }

    @Test
    void aDraftTranslationIsMarkedAsNotCheckedByAPerson() {
        driver.get(web.hostPage("ar"));
        visible(".launch").click();
        waitForLog("بماذا يتعلق الأمر؟");
        assertThat(widget().findElements(By.cssSelector(".msg.bot .draft"))).isNotEmpty();
    }

    @Test
    void aHostMayTurnTheDraftMarkOff() {
        driver.get(web.hostPage("ar") + "&draft=off");
        visible(".launch").click();
        waitForLog("بماذا يتعلق الأمر؟");
        assertThat(widget().findElements(By.cssSelector(".msg.bot .draft"))).isEmpty();
        assertCleanConsole();
    }

    @Test
    void readableOnA360PixelPhoneInNorwegian() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 780));
        openNorwegianAtTheAsylumAnswer();
        WebElement panel = visible(".panel");
        assertThat(panel.getRect().getWidth()).isEqualTo(viewportWidth());
        for (WebElement b : widget().findElements(By.cssSelector("button, select, input"))) {
            if (b.isDisplayed()) {
                assertThat(b.getRect().getHeight()).as("target size of " + b.getText()).isGreaterThanOrEqualTo(24);
                assertThat(b.getRect().getWidth()).as("target size of " + b.getText()).isGreaterThanOrEqualTo(24);
            }
        }
        assertFitsThePhone();
        screenshot("widget-nb.png");
    }

    /** The host page in Norwegian, the widget opened, and the asylum answer on screen. */
    private void openNorwegianAtTheAsylumAnswer() {
        driver.get(web.hostPage("nb"));
        visible(".launch").click();
        waitForLog("Hva gjelder det?");
        choose("Jeg søker asyl");
        waitForLog("Du har rett til hjelp");
    }

    @Test
    void reloadInTheSameTabResumesTheSameSession() {
        openNorwegianAtTheAsylumAnswer();
        String token = kept().getString("token");

        driver.navigate().refresh();
        waitForLog("Du har rett til hjelp");
        assertThat(logText()).doesNotContain("Hva gjelder det?");
        assertThat(kept().getString("token")).isEqualTo(token);
        choose("Helse");
        waitForLog("Du kan få helsehjelp.");
    }

    @Test
    void aNetworkDropShowsReconnectingAndResumesTheSameSession() {
        openNorwegianAtTheAsylumAnswer();
        String token = kept().getString("token");

        web.refuseConnections(true);
        web.cutConnections();
        until(() -> visible(".banner").getText().equals("Kobler til igjen…"));
        web.refuseConnections(false);
        until(() -> !widget().findElement(By.cssSelector(".banner")).isDisplayed());
        until(() -> count(logText(), "Du har rett til hjelp") == 2);
        assertThat(kept().getString("token")).isEqualTo(token);
        choose("Helse");
        waitForLog("Du kan få helsehjelp.");
        assertCleanConsole();
    }

    @Test
    void whileReconnectingTheChoicesSayTheyAreOffAndATapIsNotSilentlyLost() throws IOException {
        openNorwegianAtTheAsylumAnswer();
        web.refuseConnections(true);
        try {
            web.cutConnections();
            until(() -> visible(".banner").getText().equals("Kobler til igjen…"));
            WebElement health = button(".choice", "Helse");
            until(() -> "true".equals(health.getAttribute("aria-disabled")));
            assertThat(Double.parseDouble(health.getCssValue("opacity"))).as("visibly off").isLessThan(1);
            health.click();
            sleepQuietly(300);
            screenshot("widget-offline-choices.png");
            assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("the tap said nothing it could not send").hasSize(1);
        } finally {
            web.refuseConnections(false);
        }
        until(() -> !widget().findElement(By.cssSelector(".banner")).isDisplayed());
        until(() -> widget().findElements(By.cssSelector(".choice[aria-disabled]")).isEmpty());
        choose("Helse");
        waitForLog("Du kan få helsehjelp.");
    }

    @Test
    void aResumeRefusedAfterADropSaysTheServiceRestartedNotThatTheSessionTimedOut() throws IOException {
        openNorwegianAtTheAsylumAnswer();
        String token = kept().getString("token");
        web.refuseConnections(true);
        try {
            web.cutConnections();
            until(() -> visible(".banner").isDisplayed());
            // The server loses the session, as a restart with the default memory store does.
            try (var c = web.server.connect()) {
                c.send(new JsonObject().put("type", "resume").put("token", token)).next();
                c.send(new JsonObject().put("type", "end")).next();
            }
        } finally {
            web.refuseConnections(false);
        }
        waitForLog("Vi kunne ikke fortsette der du var: tjenesten ble startet på nytt.");
        assertThat(logText()).doesNotContain("Økten ble avsluttet fordi ingenting skjedde");
        screenshot("widget-restarted.png");
        until(() -> count(logText(), "Hva gjelder det?") == 1 && logText().indexOf("startet på nytt") < logText().indexOf("Hva gjelder det?"));
        assertThat(logText()).as("nothing of the lost conversation left on screen").doesNotContain("Du har rett til hjelp");
        assertThat(kept().getString("token")).isNotEqualTo(token);
    }

    @Test
    void aConversationOnlyStartedAndForgottenAfterItsShortLifeSaysItRanOutNotThatTheServiceRestarted() {
        driver.get(web.hostPage("nb"));
        visible(".launch").click();
        waitForLog("Hva gjelder det?");
        String token = kept().getString("token");
        // Six minutes later (the conversation's start moved back in the tab, which a reload reads) ...
        js("const k = 'losen:" + web.widgetOrigin() + "'; const s = JSON.parse(sessionStorage.getItem(k));"
                + " s.started -= 6 * 60 * 1000; sessionStorage.setItem(k, JSON.stringify(s));");
        driver.navigate().refresh();
        waitForLog("Hva gjelder det?");
        // ... the server forgets it, as it does a conversation only started once its short life is over.
        try (var c = web.server.connect()) {
            c.send(new JsonObject().put("type", "resume").put("token", token)).next();
            c.send(new JsonObject().put("type", "end")).next();
        }
        choose("Jeg søker asyl");
        waitForLog("Økten ble avsluttet fordi ingenting skjedde");
        assertThat(logText()).doesNotContain("startet på nytt");
        until(() -> count(logText(), "Hva gjelder det?") == 1);
        assertThat(kept().getString("token")).isNotEqualTo(token);
        choose("Jeg søker asyl");
        waitForLog("Du har rett til hjelp");
    }

    @Test
    void backIsOffAtTheStartSoItNeverAppendsTheFirstQuestionAgain() {
        openNorwegianAtTheAsylumAnswer();
        choose("Helse");
        waitForLog("Du kan få helsehjelp.");
        for (int i = 0; i < 4; i++) {
            visible(".menu-btn").click();
            WebElement back = widget().findElements(By.cssSelector(".menu button")).get(0);
            if (back.isEnabled()) {
                int before = widget().findElements(By.cssSelector(".msg.bot")).size();
                back.click();
                until(() -> widget().findElements(By.cssSelector(".msg.bot")).size() == before + 1);
            } else {
                new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            }
        }
        assertThat(count(logText(), "Hva gjelder det?")).as("the first question: at the start, and once after Back").isEqualTo(2);
        visible(".menu-btn").click();
        assertThat(widget().findElements(By.cssSelector(".menu button")).get(0).isEnabled()).as("Back at depth 0").isFalse();
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void quickExitEndsTheSessionLandsOnTheNeutralPageAndNothingResumes() {
        openNorwegianAtTheAsylumAnswer();
        String token = kept().getString("token");

        visible(".exit").click();
        until(() -> driver.getCurrentUrl().equals(web.widgetOrigin() + "/exit"));
        // The page with the chat was replaced: Back does not lead to it.
        driver.navigate().back();
        assertThat(driver.getCurrentUrl()).doesNotStartWith(web.siteOrigin());
        // The server has forgotten the session.
        try (var c = web.server.connect()) {
            JsonObject reply = c.send(new JsonObject().put("type", "resume").put("token", token)).next();
            assertThat(reply.getString("code")).isEqualTo("no_session");
        }
        // Back on the site in the same tab: a closed launcher, no session.
        driver.get(web.hostPage("nb"));
        assertThat(visible(".launch").isDisplayed()).isTrue();
        assertThat(widget().findElement(By.cssSelector(".panel")).isDisplayed()).isFalse();
        assertThat(js("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void shiftThreeTimesIsQuickExitAndScreenReadersHearTheCount() {
        driver.get(web.hostPage("nb"));
        visible(".launch").click();
        waitForLog("Hva gjelder det?");
        WebElement input = visible(".composer textarea");
        input.click();
        // Shift held for capital letters is typing, not a request to leave.
        input.sendKeys("Hei Du Og Deg");
        assertThat(driver.getCurrentUrl()).startsWith(web.siteOrigin());

        Runnable shift = () -> new Actions(driver).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        shift.run();
        assertThat(status()).isEqualTo("Shift, trykk 2 ganger til for å gå ut.");
        assertThat(visible(".exit").getAttribute("class")).contains("counting");
        shift.run();
        assertThat(status()).isEqualTo("Shift, trykk 1 gang til for å gå ut.");
        shift.run();
        until(() -> driver.getCurrentUrl().equals(web.widgetOrigin() + "/exit"));
        driver.get(web.hostPage("nb"));
        visible(".launch");
        assertThat(js("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void theFullPageChatWorksUnderItsOwnStrictPolicy() {
        driver.get(web.widgetOrigin() + "/chat?dialog=walk&lang=ar");
        waitForLog("بماذا يتعلق الأمر؟");
        assertThat(js("return document.documentElement.lang + ' ' + document.documentElement.dir")).isEqualTo("ar rtl");
        assertThat(driver.getTitle()).as("neutral in the history: 'Chat', not 'Ask anonymously'").isEqualTo("دردشة");
        assertThat(widget().findElements(By.cssSelector(".launch"))).isEmpty();
        // The page does not grab focus on load: the first Tab reaches quick exit.
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(focusedInWidget()).isEqualTo("خروج سريع");
        choose("العمل");
        waitForLog("ضع علامة على ما ينطبق.");
        assertCleanConsole();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws IOException {
        driver.get(web.hostPage("nb"));
        visible(".launch");
        assertAccessible("launcher closed (nb)");
        visible(".launch").click();
        waitForLog("Hva gjelder det?");
        choose("Jeg søker asyl");
        waitForLog("Du har rett til hjelp");
        assertAccessible("a message with a contact card (nb)");
        choose("Helse");
        choose("Start på nytt");
        choose("Jobb");
        waitForLog("Kryss av for det som passer.");
        assertAccessible("a check list (nb)");

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"),
                        Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        assertAccessible("a check list in dark mode (nb)");
        screenshot("widget-nb-dark.png");
        assertThat(visible(".panel").getCssValue("animation-name")).isEqualTo("none");
        assertThat(visible(".panel").getCssValue("background-color")).isEqualTo("rgba(22, 22, 22, 1)");

        driver.manage().window().setSize(new Dimension(360, 780));
        driver.get(web.widgetOrigin() + "/chat?dialog=walk&lang=ar");
        waitForLog("بماذا يتعلق الأمر؟");
        choose("أنا طالب لجوء");
        waitForLog("لك الحق في المساعدة");
        assertAccessible("the full-page chat in Arabic on a phone, dark mode");
    }

    @Test
    void warnsBeforeTheSessionTimesOutAndEndsItWhenNobodyAnswers() throws IOException {
        // A server whose sessions last 8 s: the warning comes 2 s before the end.
        try (WebFixture quick = new WebFixture(Files.createDirectories(tmp.resolve("quick")), Duration.ofSeconds(8))) {
            driver.get(quick.hostPage("nb"));
            visible(".launch").click();
            waitForLog("Hva gjelder det?");
            WebElement banner = widget().findElement(By.cssSelector(".banner"));
            until(banner::isDisplayed, Duration.ofSeconds(12));
            assertThat(banner.getAttribute("role")).isEqualTo("alert");
            assertThat(banner.getText()).startsWith("Økten din avsluttes snart");
            button(".banner button", "Fortsett").click();
            until(() -> !banner.isDisplayed());
            assertThat(driver.getCurrentUrl()).startsWith(quick.siteOrigin());
            // Nobody answers the next warning: the session ends, the tab forgets it, and the screen too.
            until(() -> logText().startsWith("Økten ble avsluttet"), Duration.ofSeconds(14));
            assertThat(banner.isDisplayed()).isFalse();
            assertThat(logText()).doesNotContain("Hva gjelder det?");
            assertThat(kept().containsKey("token")).isFalse();
            assertThat(focusedInWidget()).isEqualTo("Start på nytt");
            button(".ended button", "Start på nytt").click();
            waitForLog("Hva gjelder det?");
            assertCleanConsole();
        }
    }

    // ---- helpers ----

    static SearchContext widget() {
        return until(() -> driver.findElement(By.cssSelector("[data-losen-widget]")).getShadowRoot());
    }

    static WebElement visible(String css) {
        return until(() -> {
            WebElement e = widget().findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    /** Seen, and not greyed: neither disabled (taken) nor aria-disabled (offline, a tap would do nothing). */
    static boolean tappable(WebElement b) {
        return b.isDisplayed() && b.isEnabled() && !"true".equals(b.getAttribute("aria-disabled"));
    }

    static WebElement button(String css, String text) {
        return button(css, text, WebElement::isDisplayed);
    }

    static WebElement button(String css, String text, java.util.function.Predicate<WebElement> state) {
        return until(() -> widget().findElements(By.cssSelector(css)).stream()
                .filter(b -> state.test(b) && b.getText().equals(text)).findFirst().orElse(null));
    }

    /** Taps a choice once it has stopped moving, as a person does: a tap during the reveal's smooth scroll misses. */
    static void choose(String label) {
        still(driver, button(".choice", label, WidgetBrowserTest::tappable)).click();
    }

    /** Waits until the element has kept its place for three animation frames (the log's smooth scroll has ended). */
    static WebElement still(JavascriptExecutor browser, WebElement e) {
        browser.executeAsyncScript("const e = arguments[0], done = arguments[1];"
                + "let last = NaN, same = 0;"
                + "(function look() { const top = e.getBoundingClientRect().top;"
                + "  same = top === last ? same + 1 : 0; last = top;"
                + "  if (same >= 3) { done(); } else { requestAnimationFrame(look); } })();", e);
        return e;
    }

    static void type(String text) {
        WebElement input = visible(".composer textarea");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    static String logText() {
        return (String) js("return document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.log').innerText");
    }

    static void waitForLog(String text) {
        until(() -> logText() != null && logText().contains(text));
    }

    static String status() {
        return (String) js("return document.querySelector('[data-losen-widget]').shadowRoot"
                + ".querySelector('[role=status]').textContent");
    }

    static String focusedInWidget() {
        return (String) js("const a = document.activeElement; const s = a && a.shadowRoot;"
                + "return s && s.activeElement ? s.activeElement.textContent : null");
    }

    static JsonObject kept() {
        String raw = (String) js("return sessionStorage.getItem('losen:" + web.widgetOrigin() + "')");
        return raw == null ? new JsonObject() : new JsonObject(raw);
    }

    static long viewportWidth() {
        return (Long) js("return document.documentElement.clientWidth");
    }

    static void assertFitsThePhone() {
        assertThat(viewportWidth()).isLessThanOrEqualTo(360);
        assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(viewportWidth());
        WebElement log = visible(".log");
        assertThat(log.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(log.getRect().getX() + log.getRect().getWidth()).isLessThanOrEqualTo((int) viewportWidth());
    }

    static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    static void assertAccessible(String where) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> bad = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                bad.add(r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        assertThat(bad).as("axe-core on " + where).isEmpty();
    }

    /** Nothing refused under the page's CSP, and no word of the widget missing from the translations. */
    static void assertCleanConsole() {
        List<String> bad = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("losen: no text")) {
                bad.add(m);
            }
        }
        assertThat(bad).as("browser console").isEmpty();
    }

    static <T> T until(java.util.function.Supplier<T> condition) {
        return until(condition, Duration.ofSeconds(10));
    }

    @SuppressWarnings("unchecked")
    static <T> T until(java.util.function.Supplier<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(RuntimeException.class).until(d -> {
            T v = condition.get();
            return v instanceof Boolean b ? (b ? v : null) : v;
        });
    }
}
