package no.losen.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.losen.Chromium;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    /** {@code LOSEN_MAX_SESSIONS=1}, and that one session taken: every new visitor meets {@code busy}. */
    static WebFixture full;
    static TestServer.Client taken;
    static ChromeDriver driver;

    @BeforeAll
    static void up() throws Exception {
        Chromium.require("WidgetDefaultsBrowserTest");
        plain = WebFixture.defaults();
        // LOSEN_EXIT_URL set; the public dialogs without the handbook, which quick exit does not need.
        blank = new WebFixture(c -> c.content(WebFixture.publicContent(tmp)).exitUrl("/exit"));
        Path fullContent = WebFixture.publicContent(Files.createDirectories(tmp.resolve("full")));
        full = new WebFixture(c -> c.content(fullContent).maxSessions(1));
        taken = full.server.connect();
        taken.send(new JsonObject().put("type", "start").put("dialog", "rights").put("lang", "nb"));
        assertThat(taken.nextMessage().getString("type")).isEqualTo("message");
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
        if (taken != null) {
            taken.close();
        }
        if (full != null) {
            full.close();
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

    /** Shift held for a click (selecting a passage to cut) is not a press: three such clicks left the page (an independent tester). */
    @Test
    void shiftHeldForClicksIsNotQuickExit() {
        WebElement input = openedPlain("en");
        input.sendKeys("a text to shorten");
        for (int i = 0; i < 3; i++) {
            new Actions(driver).keyDown(Keys.SHIFT).click(input).keyUp(Keys.SHIFT).perform();
        }
        sleep(500);
        assertThat(driver.getCurrentUrl()).isNotEqualTo(DEFAULT_EXIT);
        assertThat(input.getAttribute("value")).isEqualTo("a text to shorten");
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

    // ---- the handbook's answer leads into the dialog ----

    /**
     * A question no topic is sure of gets the handbook's passages; a passage that a part of the dialog
     * quotes for its facts leads there, by a button beside it in the person's language (not again among
     * the choices), on a phone, on a page with nothing but the script tag.
     */
    @Test
    void aHandbookPassageLeadsToThePartOfTheDialogThatCoversIt() throws Exception {
        WebElement input = openedPlain("nb");
        input.sendKeys("Kan man komme tilbake for et nytt tremånedersopphold?");
        input.sendKeys(Keys.ENTER);
        WebElement link = visible(".card-search .result-topic button");
        String eea = "Jeg er fra et EU- eller EØS-land";
        assertThat(link.getText()).isEqualTo(eea);
        assertThat(visible(".card-search .result-topic").getText()).startsWith("Gjelder dette deg?");
        assertThat(link.getAttribute("aria-label")).isEqualTo("Gjelder dette deg? " + eea);
        assertThat(widget().findElements(By.cssSelector(".card-search .result-topic"))).as("once per card").hasSize(1);
        assertThat(widget().findElements(By.cssSelector(".choices button")).stream().map(WebElement::getText))
                .as("offered once, beside its passage").isNotEmpty().doesNotContain(eea);
        Path shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Files.createDirectories(WidgetOnAPhoneTest.SCREENSHOTS);
        Files.copy(shot, WidgetOnAPhoneTest.SCREENSHOTS.resolve("defaults-search-link-nb.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        link.click();
        until(() -> widget().findElements(By.cssSelector(".msg.me")).stream()
                .anyMatch(m -> m.getAttribute("textContent").endsWith(eea)));
        until(() -> widget().findElements(By.cssSelector(".msg.bot")).stream()
                .anyMatch(m -> m.getText().contains("EØS")) && widget().findElements(By.cssSelector(".result-topic")).isEmpty());
    }

    /**
     * A host page on a site the server does not list (`LOSEN_ALLOWED_ORIGINS` unset, the default): every socket is
     * refused, and a browser does not tell the page why. The widget said "Reconnecting…" for ever (an independent
     * tester); after a few tries it says the chat is not working, beside the numbers to call and "Try again", and
     * tells the site's developer in the console which setting to look at.
     */
    @Test
    void onASiteTheServerDoesNotListThePersonIsToldItIsNotWorkingAndTheDeveloperWhy() throws Exception {
        freshTab("about:blank");
        Object watch = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.warned = []; const w = console.warn; console.warn = function () {"
                        + " window.warned.push([].join.call(arguments, ' ')); w.apply(console, arguments); };")).get("identifier");
        Path content = WebFixture.publicContent(Files.createDirectories(tmp.resolve("unlisted")));
        try (WebFixture f = new WebFixture(c -> c.content(content).allowedOrigins(List.of()))) {
            driver.get(f.barePage("en"));
            visible(".launch").click();
            JsonObject strings = strings(f, "en");
            WebElement box = until(() -> widget().findElements(By.cssSelector(".failed")).stream()
                    .filter(b -> b.getText().contains(strings.getString("widget.error"))).findFirst().orElse(null),
                    Duration.ofSeconds(20));
            assertCallButtons(box.findElements(By.cssSelector("a.call")));
            assertThat(box.findElement(By.cssSelector("button.primary")).getText()).isEqualTo(strings.getString("widget.retry"));
            assertThat(String.valueOf(js("return window.warned.join('\\n')"))).contains("LOSEN_ALLOWED_ORIGINS")
                    .contains(f.siteOrigin());
            assertThat(widget().findElement(By.cssSelector(".banner")).isDisplayed()).as("no \"Reconnecting…\" for ever").isFalse();
            // A cry typed now is not promised to be sent later: it stays in the box, "not sent", beside the numbers.
            WebElement input = visible(".composer textarea");
            input.sendKeys(CRY);
            input.sendKeys(Keys.ENTER);
            until(() -> widget().findElements(By.cssSelector(".note, .not-sent")).stream()
                    .anyMatch(n -> n.getText().equals(strings.getString("widget.not-sent"))));
            assertThat(input.getAttribute("value")).isEqualTo(CRY);
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", watch));
        }
    }

    // ---- the server down: quick exit and Help now are there all the same ----

    @Test
    void aReloadWhileTheServerIsDownStillShowsQuickExitAndHelpNowInThePersonsLanguage() throws Exception {
        try (WebFixture down = opened("down", c -> c)) {
            // The person switches to Arabic, so the English boot answer in the HTTP cache is no help.
            js("const s = document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.lang select');"
                    + "s.value = 'ar'; s.dispatchEvent(new Event('change'));");
            until(() -> "rtl".equals(widget().findElement(By.cssSelector(".losen")).getAttribute("dir"))
                    && !widget().findElements(By.cssSelector(".msg.bot[lang=ar] .choice")).isEmpty());
            JsonObject ar = strings(down, "ar");
            down.refuseConnections(true);
            down.cutConnections();
            driver.navigate().refresh();
            WebElement exit = visible(".exit");
            assertThat(exit.getText()).isEqualTo(ar.getString("widget.quick-exit"));
            assertThat(exit.getRect().getWidth()).isGreaterThanOrEqualTo(44);
            assertThat(exit.getRect().getHeight()).isGreaterThanOrEqualTo(44);
            assertThat(visible(".head button.help-now").getText()).isEqualTo(ar.getString("widget.help-now"));
            assertCallButtons(visible(".failed").findElements(By.cssSelector("a.call")));
            Path shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
            Files.createDirectories(WidgetOnAPhoneTest.SCREENSHOTS);
            Files.copy(shot, WidgetOnAPhoneTest.SCREENSHOTS.resolve("defaults-reload-server-down-ar.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // Text sent now is not sent, says so, and points at the numbers already there: not a second list.
            WebElement input = visible(".composer textarea");
            input.sendKeys("ساعدوني");
            input.sendKeys(org.openqa.selenium.Keys.ENTER);
            assertThat(visible(".failed .not-sent").getText()).isEqualTo(ar.getString("widget.not-sent"));
            assertThat(widget().findElements(By.cssSelector(".log a.call"))).as("one list of numbers on screen")
                    .hasSize(visible(".failed").findElements(By.cssSelector("a.call")).size());
            exit.click();
            until(() -> driver.getCurrentUrl().equals(DEFAULT_EXIT));
        }
    }

    @Test
    void whileReconnectingTypedTextAndTheHelpChoiceStillShowTheNumbersOnce() throws Exception {
        try (WebFixture down = opened("reconnecting", c -> c)) {
            JsonObject en = strings(down, "en");
            // How often the "Reconnecting" alert is written: each time, a screen reader reads it again.
            js("const b = document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.banner');"
                    + "window.alerts = 0; new MutationObserver(function () { window.alerts++; })"
                    + ".observe(b, {childList: true, subtree: true, characterData: true});");
            down.refuseConnections(true);
            try {
                down.cutConnections();
                until(() -> visible(".banner").isDisplayed());
                // A cry for help typed now cannot be read: it is not sent, it says so, and the numbers come.
                WebElement input = visible(".composer textarea");
                input.sendKeys("I am being threatened");
                input.sendKeys(org.openqa.selenium.Keys.ENTER);
                until(() -> !widget().findElements(By.cssSelector(".help-only a.call")).isEmpty());
                assertThat(visible(".help-only .notice").getText()).isEqualTo(en.getString("widget.not-sent"));
                assertCallButtons(visible(".help-only").findElements(By.cssSelector("a.call")));
                assertThat(input.getAttribute("value")).as("kept for when we are back").isEqualTo("I am being threatened");
                // The help-now choice among the message's choices is not switched off with the others.
                WebElement help = widget().findElement(By.cssSelector(".msg.bot .choice[data-help]"));
                assertThat(help.getAttribute("aria-disabled")).isNull();
                help.click();
                visible(".head button.help-now").click();
                until(() -> widget().findElements(By.cssSelector(".help-only")).size() == 1);
                assertThat(widget().findElements(By.cssSelector(".log a.call"))).as("one list of numbers on screen, not two")
                        .hasSize(widget().findElement(By.cssSelector(".help-only .help")).findElements(By.cssSelector("a.call")).size());
                assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("nothing claimed as sent").isEmpty();
                sleep(3000);   // several reconnection attempts
            } finally {
                down.refuseConnections(false);
            }
            // Back: the conversation is shown again, and below it the numbers stay, in view, while the
            // text is still unsent in the box.
            until(() -> !widget().findElement(By.cssSelector(".banner")).isDisplayed());
            until(() -> widget().findElements(By.cssSelector(".msg.bot:not(.help-only)")).size() >= 2);
            assertThat(visible(".help-only").findElements(By.cssSelector("a.call"))).isNotEmpty();
            assertThat((Boolean) js("const l = document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.log');"
                    + "return l.lastElementChild.classList.contains('help-only')")).as("the numbers last, in view").isTrue();
            assertThat(visible(".composer textarea").getAttribute("value")).isEqualTo("I am being threatened");
            assertThat((Long) js("return window.alerts")).as("the alert written once, and cleared once").isLessThanOrEqualTo(2L);
        }
    }

    @Test
    void aCryTypedWhileTheWidgetIsStillDialingIsNotSentAndSaysSo() throws Exception {
        try (WebFixture down = opened("dialing", c -> c)) {
            JsonObject en = strings(down, "en");
            down.hangConnections(true);
            try {
                down.cutConnections();
                // The widget dials again and the network never answers: its socket is opening, not open.
                until(() -> down.heldConnections() > 0);
                WebElement input = visible(".composer textarea");
                input.sendKeys("I am being threatened");
                input.sendKeys(org.openqa.selenium.Keys.ENTER);
                assertThat(visible(".help-only .notice").getText()).isEqualTo(en.getString("widget.not-sent"));
                assertCallButtons(visible(".help-only").findElements(By.cssSelector("a.call")));
                assertThat(input.getAttribute("value")).as("kept for when we are back").isEqualTo("I am being threatened");
                assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("nothing claimed as sent").isEmpty();
            } finally {
                down.hangConnections(false);
                down.cutConnections();
            }
            until(() -> !widget().findElement(By.cssSelector(".banner")).isDisplayed());
            WebElement input = visible(".composer textarea");
            input.sendKeys(org.openqa.selenium.Keys.ENTER);
            until(() -> widget().findElements(By.cssSelector(".msg.me")).size() == 1);
        }
    }

    @Test
    void aFirstConnectionStillOpeningAfterAMomentSaysItIsConnecting() throws Exception {
        // The server may hold a socket for its turn (many from one address at once): the chat must not sit empty.
        try (WebFixture slow = openedWhileHeld("connecting", f -> {
            until(() -> visible(".banner").isDisplayed());
            assertThat(visible(".banner").getText()).isEqualTo(strings(f, "en").getString("widget.connecting"));
        })) {
            visible(".msg.bot .choice");
            until(() -> !widget().findElement(By.cssSelector(".banner")).isDisplayed());
        }
    }

    @Test
    void aCryTypedWhileTheFirstConnectionOpensIsSentOnceItIsOpen() throws Exception {
        // An independent tester: behind a flood on their address, a person tapped "Help now" or typed a cry while
        // the widget said "Connecting…"; when the socket opened, the numbers went, focus jumped to the first
        // choice, and the cry was never sent.
        try (WebFixture slow = openedWhileHeld("first-cry", f -> {
            WebElement input = visible(".composer textarea");
            input.sendKeys(CRY);
            input.sendKeys(Keys.ENTER);
            assertThat(visible(".help-only .notice").getText()).isEqualTo(strings(f, "en").getString("widget.not-sent-yet"));
            assertCallButtons(visible(".help-only").findElements(By.cssSelector("a.call")));
            assertThat((Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                    + "return r.activeElement === r.querySelector('.help-only a.call')")).as("112 focused").isTrue();
            assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("nothing claimed as sent yet").isEmpty();
        })) {
            // Open: the conversation starts, the cry is its first words, and its answer is the emergency help.
            WebElement said = until(() -> widget().findElements(By.cssSelector(".msg.me")).stream().findFirst().orElse(null),
                    Duration.ofSeconds(20));
            assertThat(said.getText()).contains(CRY);
            until(() -> !widget().findElements(By.cssSelector(".msg.bot:not(.help-only) a.call")).isEmpty());
            assertThat(visible(".composer textarea").getAttribute("value")).isEmpty();
        }
    }

    /** A long text typed then is sent once open, and comes back whole when too long to answer (it came back empty). */
    @Test
    void aLongTextTypedWhileTheFirstConnectionOpensComesBackWholeToBeShortened() throws Exception {
        String story = CALM.repeat(70).strip();
        try (WebFixture slow = openedWhileHeld("first-long", f -> {
            WebElement input = visible(".composer textarea");
            paste(story);
            input.sendKeys(Keys.ENTER);
            assertThat(input.getAttribute("value")).isEmpty();
        })) {
            String tooLong = strings(slow, "en").getString("widget.too-long");
            until(() -> widget().findElements(By.cssSelector(".note")).stream().anyMatch(n -> n.getText().equals(tooLong)),
                    Duration.ofSeconds(20));
            assertThat(visible(".composer textarea").getAttribute("value")).as("whole, not its first and last 2,000")
                    .isEqualTo(story);
        }
    }

    @Test
    void helpAskedForWhileTheFirstConnectionOpensStaysInViewAndFocusedOnceItIsOpen() throws Exception {
        try (WebFixture slow = openedWhileHeld("first-help", f -> {
            visible(".head button.help-now").click();
            until(() -> !widget().findElements(By.cssSelector(".help-only a.call")).isEmpty());
        })) {
            visible(".msg.bot .choice");
            assertThat(visible(".help-only").findElements(By.cssSelector("a.call"))).as("the numbers stay").isNotEmpty();
            assertThat((Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot, l = r.querySelector('.log');"
                    + "return l.lastElementChild.classList.contains('help-only') && r.activeElement === r.querySelector('.help-only a.call')"))
                    .as("below the first message, 112 still focused").isTrue();
        }
    }

    /** The default server's widget opened on a page with only the script tag in {@code lang}: its box, once the first choices are shown. */
    private static WebElement openedPlain(String lang) {
        freshTab(plain.barePage(lang));
        visible(".launch").click();
        WebElement input = visible(".composer textarea");
        until(() -> !widget().findElements(By.cssSelector(".choices button")).isEmpty());
        return input;
    }

    /** The box's text replaced by {@code text} at once, as a paste does (typing thousands of characters takes seconds). */
    private static void paste(String text) {
        js("const i = document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.composer textarea');"
                + "i.value = arguments[0]; i.dispatchEvent(new Event('input'));", text);
    }

    /** Whether focus is on the 112 call button. */
    private static boolean focusedOn112() {
        return (Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                + "return !!r.activeElement && r.activeElement.getAttribute('href') === 'tel:112'");
    }

    /**
     * The public content (in a folder of its own, {@code dir}) on a server of its own, its widget launched in a
     * fresh tab while the server holds every new connection: {@code meanwhile} runs once the first is held, and
     * the connections are then let through (the held one cut, so the widget dials again).
     */
    private static WebFixture openedWhileHeld(String dir, java.util.function.Consumer<WebFixture> meanwhile)
            throws java.io.IOException {
        Path content = WebFixture.publicContent(Files.createDirectories(tmp.resolve(dir)));
        WebFixture f = new WebFixture(c -> c.content(content));
        try {
            freshTab(f.barePage());
            WebElement launch = visible(".launch");
            f.hangConnections(true);
            try {
                launch.click();
                until(() -> f.heldConnections() > 0);
                meanwhile.accept(f);
            } finally {
                f.hangConnections(false);
                f.cutConnections();
            }
            return f;
        } catch (RuntimeException | Error e) {
            f.close();
            throw e;
        }
    }

    @Test
    void wordsTypedWhileFocusIsOn112GoIntoTheBoxAndTheirEnterSendsThemRatherThanCalls() throws Exception {
        // The emergency answer puts focus on 112; a keyboard user who goes on typing lost the words, and their
        // Enter called 112 (an independent tester, a laptop at 200 %).
        try (WebFixture f = opened("typing-on-112", c -> c)) {
            WebElement input = visible(".composer textarea");
            input.sendKeys(CRY);
            input.sendKeys(Keys.ENTER);
            until(() -> (Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                    + "return !!r.activeElement && !!r.activeElement.closest('.calls')"));
            js("window.called = 0; document.querySelector('[data-losen-widget]').shadowRoot.addEventListener('click',"
                    + " e => { if (e.target.closest && e.target.closest('a.call')) { window.called++; e.preventDefault(); } }, true)");
            new Actions(driver).sendKeys("how much does it cost").sendKeys(Keys.ENTER).perform();
            until(() -> widget().findElements(By.cssSelector(".msg.me")).size() == 2);
            assertThat(widget().findElements(By.cssSelector(".msg.me")).get(1).getText()).contains("how much does it cost");
            assertThat((Long) js("return window.called")).as("no call").isZero();
        }
    }

    static final String CRY = "he is outside my door and says he will kill me";
    /** A calm sentence, repeated into a story as long as needed. */
    static final String CALM = "I have a question about the rules for work permits and the papers I need. ";

    /**
     * A helper's question that reads as danger: the numbers first, and the handbook's answer after them in view,
     * not folded away under "More about these numbers" as its ninth card (an independent tester).
     */
    @Test
    void aQuestionReadAsDangerGetsTheNumbersAndTheHandbooksAnswerInView() {
        WebElement input = openedPlain("en");
        input.sendKeys("im a social worker, a boy of 16 in our mottak says the men who brought him beat him. "
                + "does the child welfare have to help him?");
        input.sendKeys(Keys.ENTER);
        WebElement help = until(() -> widget().findElements(By.cssSelector(".msg.bot")).stream()
                .filter(m -> !m.findElements(By.cssSelector("a.call[href='tel:112']")).isEmpty()).findFirst().orElse(null));
        WebElement answer = until(() -> help.findElement(By.cssSelector(".card-search")));
        assertThat(help.findElements(By.cssSelector("details .card-search"))).as("not in the fold").isEmpty();
        assertThat(answer.isDisplayed()).isTrue();
        assertThat(help.findElements(By.cssSelector("details.more"))).as("the numbers' details still folded").hasSize(1);
    }

    /**
     * A cry typed in Arabic in a chat set to Norwegian: the emergency help came in Norwegian (an independent
     * tester). It comes in Arabic, right to left, and the chat's own words follow, 112 keeping focus.
     */
    @Test
    void aCryTypedInAnotherScriptIsAnsweredInItsLanguageAndTheChatFollows() {
        WebElement input = openedPlain("nb");
        input.sendKeys("زوجي يقول انه سيقتلني الليلة");
        input.sendKeys(Keys.ENTER);
        WebElement help = until(() -> widget().findElements(By.cssSelector(".msg.bot")).stream()
                .filter(m -> m.findElements(By.cssSelector("a.call[href='tel:112']")).size() > 0).findFirst().orElse(null));
        assertThat(help.getAttribute("lang")).isEqualTo("ar");
        assertThat(help.getAttribute("dir")).isEqualTo("rtl");
        JsonObject strings = strings(plain, "ar");
        until(() -> "rtl".equals(widget().findElement(By.cssSelector(".losen")).getAttribute("dir")));
        assertThat(widget().findElement(By.cssSelector(".composer textarea")).getAttribute("placeholder"))
                .isEqualTo(strings.getString("widget.input"));
        assertThat(focusedOn112()).as("112 keeps focus").isTrue();
        // Not half under the title row once the lines above it changed language (a second tester), and the line
        // saying the text is not checked in the language of the text.
        until(() -> (Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                + "const a = r.activeElement.getBoundingClientRect(), l = r.querySelector('.log').getBoundingClientRect();"
                + "return a.top >= l.top && a.bottom <= l.bottom;"));
        assertThat(widget().findElements(By.cssSelector(".draft"))).allSatisfy(d -> {
            assertThat(d.getText()).isEqualTo(strings.getString("widget.draft"));
            assertThat(d.getAttribute("lang")).isEqualTo("ar");
        });
    }

    /**
     * A long story pasted or typed, over the 1,000 characters the dialog answers: the box cut it there, and a
     * cry at its end was lost (an independent tester). Now the cry gets the emergency help, with a line saying
     * the text was too long and the text back in the box (a calm story can read as a cry); one told first in
     * a text over 4,000 characters too (a second tester: the widget sent the last 4,000 alone); a story as long
     * with no danger is refused as too long and comes back to the box whole, to be shortened.
     */
    @Test
    void aCryAtTheEndOfATextTooLongToAnswerGetsTheEmergencyHelpAndAnyOtherComesBackToBeShortened() {
        WebElement input = openedPlain("en");
        String story = CALM.repeat(15).strip();
        input.sendKeys(story + " " + CRY);
        assertThat(input.getAttribute("value")).as("nothing cut").endsWith(CRY);
        input.sendKeys(Keys.ENTER);
        until(() -> !widget().findElements(By.cssSelector(".msg.bot a.call[href='tel:112']")).isEmpty());
        JsonObject strings = strings(plain, "en");
        String tooLong = strings.getString("widget.too-long");
        assertThat(widget().findElements(By.cssSelector(".note")).stream().map(WebElement::getText)).contains(tooLong);
        assertThat(input.getAttribute("value")).as("back in the box, to shorten if it was no cry").isEqualTo(story + " " + CRY);
        assertThat(focusedOn112()).as("112 has focus").isTrue();

        int helped = widget().findElements(By.cssSelector(".msg.bot a.call[href='tel:112']")).size();
        paste("He cut me with a knife and he is still here. " + story.repeat(5));
        input.sendKeys(Keys.ENTER);
        until(() -> widget().findElements(By.cssSelector(".msg.bot a.call[href='tel:112']")).size() > helped);

        paste("");
        int notes = widget().findElements(By.cssSelector(".note")).size();
        input.sendKeys(story);
        input.sendKeys(Keys.ENTER);
        until(() -> widget().findElements(By.cssSelector(".note")).size() > notes);
        assertThat(widget().findElements(By.cssSelector(".note")).get(notes).getText()).isEqualTo(tooLong);
        assertThat(input.getAttribute("value")).as("back in the box, whole").isEqualTo(story);
        assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("the refused text is not shown as sent, the cries are")
                .hasSize(2);
    }

    /**
     * A text given back to be shortened is seen whole: the box grows with it (up to a third of the chat), and
     * says how long it is against the limit; it was one line of some 30 characters (an independent tester).
     */
    @Test
    void aTextGivenBackToShortenIsSeenInABoxThatGrowsWithItAndCountsIt() {
        WebElement input = openedPlain("en");
        int oneLine = input.getSize().getHeight();
        String story = CALM.repeat(15).strip();
        int notes = widget().findElements(By.cssSelector(".note")).size();
        input.sendKeys(story);
        input.sendKeys(Keys.ENTER);
        until(() -> widget().findElements(By.cssSelector(".note")).size() > notes);
        assertThat(input.getAttribute("value")).isEqualTo(story);

        int panel = widget().findElement(By.cssSelector(".panel")).getSize().getHeight();
        assertThat(input.getSize().getHeight()).as("several lines of it in view").isGreaterThan(3 * oneLine)
                .isLessThanOrEqualTo(panel / 3 + 1);
        WebElement count = widget().findElement(By.cssSelector(".composer .count"));
        assertThat(count.isDisplayed()).isTrue();
        assertThat(count.getText()).isEqualTo(String.format(java.util.Locale.US, "%,d / 1,000", story.length()));
        assertThat(input.getAttribute("aria-describedby")).contains(count.getAttribute("id"));

        paste("");
        assertThat(count.isDisplayed()).as("no count for a text the server answers").isFalse();
        assertThat(count.getAttribute("textContent")).as("nor one a screen reader still reads with the box").isEmpty();
        assertThat(input.getSize().getHeight()).as("one line again").isEqualTo(oneLine);
        int sent = widget().findElements(By.cssSelector(".msg.me")).size();
        input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
        assertThat(input.getAttribute("value")).as("Shift+Enter starts a line").isEqualTo("first line\nsecond line");
        assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("and sends nothing").hasSize(sent);
        input.sendKeys(Keys.ENTER);
        until(() -> widget().findElements(By.cssSelector(".msg.me")).size() > sent);
        assertThat(input.getAttribute("value")).as("Enter sends").isEmpty();

        // Persian that begins with NAV is written right to left, in the box and once sent, in an English chat.
        input.sendKeys("NAV به من پول نمی‌دهد، چه کار کنم؟");
        assertThat(input.getDomAttribute("dir")).isEqualTo("rtl");
        input.sendKeys(Keys.ENTER);
        until(() -> widget().findElements(By.cssSelector(".msg.me")).size() > sent + 1);
        List<WebElement> lines = widget().findElements(By.cssSelector(".msg.me span[dir]"));
        assertThat(lines.get(lines.size() - 1).getAttribute("dir")).isEqualTo("rtl");
        assertThat(input.getDomAttribute("dir")).as("the empty box takes the chat's direction").isNull();
    }

    @Test
    void aTooLongTextSentAgainIsToldTooLongAgainAndNeverThatTheServiceFailed() {
        WebElement input = openedPlain("en");
        String tooLong = strings(plain, "en").getString("widget.too-long");
        String story = CALM.repeat(16).strip();
        paste(story);
        input.sendKeys(Keys.ENTER);
        until(() -> logText().contains(tooLong));
        // Nothing on screen changes, so people tap again: unchanged, it is not sent again (it was read).
        for (int i = 0; i < 6; i++) {
            input.sendKeys(Keys.ENTER);
            sleep(100);
        }
        sleep(1_000);
        assertThat(logText()).doesNotContain("We could not answer");
        assertThat(widget().findElements(By.cssSelector(".help-only"))).as("no numbers for a calm text").isEmpty();
        assertThat(logText().split(java.util.regex.Pattern.quote(tooLong), -1).length - 1).as("said again at the bottom, not stacked").isEqualTo(1);
        assertThat(input.getAttribute("value")).isEqualTo(story);

        // Shortened a word at a time and sent at once each time: beyond the conversation's reads for danger the
        // server answers busy, unread; what the person is told is still what is wrong, beside the numbers.
        String shorter = story;
        for (int i = 0; i < 6; i++) {
            shorter = shorter.substring(0, shorter.lastIndexOf(' '));
            paste(shorter);
            input.sendKeys(Keys.ENTER);
            sleep(100);
        }
        WebElement notice = until(() -> widget().findElement(By.cssSelector(".help-only .not-sent")));
        assertThat(notice.getText()).isEqualTo(tooLong);
        assertThat(logText()).doesNotContain("We could not answer");
    }

    @Test
    void aLongTextAnsweredWithTheHelpKeepsWhyInViewAndIsNotSentAgainUnchanged() throws java.io.IOException {
        WebElement input = openedPlain("en");
        String story = CALM.repeat(14)
                + "and now he is at the door and says he will kill me";
        paste(story);
        widget().findElement(By.cssSelector(".composer button[type=submit]")).click();
        until(() -> !widget().findElements(By.cssSelector(".msg.bot .calls a[href='tel:112']")).isEmpty());
        until(() -> story.equals(input.getAttribute("value")));
        // On the phone, why the text is back stays in view above the numbers, 112 focused just below it (eight
        // call buttons stood alone on the screen, "too long" scrolled out of sight: a tester).
        WidgetBrowserTest.still(driver, widget().findElement(By.cssSelector(".msg.bot .calls a[href='tel:112']")));
        assertThat((Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                + "const l = r.querySelector('.log').getBoundingClientRect(), notes = r.querySelectorAll('.note');"
                + "const n = notes[notes.length - 1].getBoundingClientRect(), a = r.activeElement;"
                + "return a.getAttribute('href') === 'tel:112' && n.top >= l.top"
                + "  && a.getBoundingClientRect().bottom <= l.bottom;")).isTrue();
        Path shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Files.createDirectories(WidgetOnAPhoneTest.SCREENSHOTS);
        Files.copy(shot, WidgetOnAPhoneTest.SCREENSHOTS.resolve("defaults-too-long-help.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int lines = widget().findElements(By.cssSelector(".msg.me")).size();
        // Tapped again and again, as people do: the help is already the answer, the story is not sent once more.
        for (int i = 0; i < 4; i++) {
            widget().findElement(By.cssSelector(".composer button[type=submit]")).click();
            sleep(200);
        }
        sleep(1_000);
        assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("no copy of the story added").hasSize(lines);
        assertThat(widget().findElements(By.cssSelector(".help-only .not-sent")))
                .as("said again once, with the numbers").singleElement()
                .satisfies(n -> assertThat(n.getText()).isEqualTo(strings(plain, "en").getString("widget.too-long")));
        assertThat(input.getAttribute("value")).isEqualTo(story);
    }

    /**
     * The public content (in a folder of its own, {@code dir}) on a server of its own with {@code settings}, so a
     * test may cut or refuse its connections; its widget opened in a fresh tab, the first choices shown.
     */
    private static WebFixture opened(String dir, java.util.function.UnaryOperator<no.losen.server.Config.Builder> settings)
            throws java.io.IOException {
        Path content = WebFixture.publicContent(Files.createDirectories(tmp.resolve(dir)));
        WebFixture f = new WebFixture(c -> settings.apply(c.content(content)));
        freshTab(f.barePage());
        visible(".launch").click();
        visible(".msg.bot .choice");
        return f;
    }

    /** The public content on a server whose sessions live in {@code redis}, its widget opened in a fresh tab. */
    private static WebFixture openedOn(no.losen.session.RedisServer redis, String dir) throws java.io.IOException {
        return opened(dir, c -> c.ops(no.losen.server.Operations.DEFAULT.withSessionStore(redis.uri())));
    }

    /**
     * The session store hangs (Redis frozen) just as a frightened person types: the server cannot read
     * the message, so the widget says so, shows the numbers to call now, and puts the message back in
     * the box; once the store answers again, Enter sends it and the conversation goes on.
     */
    @Test
    void aTypedMessageTheServerCannotAnswerShowsTheNumbersAndGoesBackIntoTheBox() throws Exception {
        no.losen.session.RedisServer redis = no.losen.session.RedisServer.startOrSkip();
        try (redis; WebFixture stored = openedOn(redis, "store")) {
            JsonObject en = strings(stored, "en");
            redis.freeze();
            WebElement input = visible(".composer textarea");
            input.sendKeys(CRY);
            input.sendKeys(Keys.ENTER);
            // A second message before the first is refused: both come back, in the order typed.
            input.sendKeys("please help");
            input.sendKeys(Keys.ENTER);
            WebElement box = until(() -> widget().findElements(By.cssSelector(".help-only")).stream().findFirst().orElse(null),
                    Duration.ofSeconds(15));
            assertThat(box.findElement(By.cssSelector(".notice")).getText()).isEqualTo(en.getString("widget.not-answered"));
            assertCallButtons(box.findElements(By.cssSelector("a.call")));
            until(() -> input.getAttribute("value").equals(CRY + " please help"));
            assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("not shown as sent").isEmpty();
            // Focus stays in the box (on the 112 link, Enter to send again would call); 112 is in view.
            assertThat((Boolean) js("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                    + "const a = r.querySelector('.help-only .calls a'), l = r.querySelector('.log').getBoundingClientRect();"
                    + "const b = a.getBoundingClientRect();"
                    + "return r.activeElement === r.querySelector('.composer textarea') && b.top >= l.top - 1 && b.bottom <= l.bottom + 1"))
                    .as("focus in the box, 112 in view").isTrue();
            Path shot = driver.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
            Files.createDirectories(WidgetOnAPhoneTest.SCREENSHOTS);
            Files.copy(shot, WidgetOnAPhoneTest.SCREENSHOTS.resolve("defaults-not-answered-en.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // The store answers again; the person presses Enter until the message goes (the server may
            // still refuse at once for a moment while it finds the store back).
            redis.thaw();
            until(() -> {
                if (!input.getAttribute("value").isEmpty()) {
                    input.sendKeys(Keys.ENTER);
                    sleep(1000);
                }
                return widget().findElements(By.cssSelector(".msg.bot:not(.help-only)")).size() >= 2;
            }, Duration.ofSeconds(20));
            List<WebElement> answers = widget().findElements(By.cssSelector(".msg.bot:not(.help-only)"));
            assertThat(answers.get(answers.size() - 1).findElements(By.cssSelector("a.call, a.phone")))
                    .as("the emergency answer, with its numbers").isNotEmpty();
            assertThat(widget().findElements(By.cssSelector(".msg.me"))).as("said once").hasSize(1);
        }
    }

    /**
     * Redis restarts empty (the operations guide runs it without persistence) in the middle of a
     * conversation: the next typed message finds no session. The widget says the service restarted
     * (the person was not idle), starts a new conversation and sends the message in it, so a cry
     * for help is still answered, with its numbers.
     */
    @Test
    void aMessageTypedAfterTheStoreLostTheConversationIsSentAgainInANewOne() throws Exception {
        no.losen.session.RedisServer redis = no.losen.session.RedisServer.startOrSkip();
        try (redis; WebFixture stored = openedOn(redis, "lost")) {
            JsonObject en = strings(stored, "en");
            redis.stop();
            redis.start();
            WebElement input = visible(".composer textarea");
            input.sendKeys(CRY);
            input.sendKeys(Keys.ENTER);
            // The server may take a moment to find the store back; until then the message comes back to the box.
            until(() -> {
                if (!input.getAttribute("value").isEmpty()) {
                    input.sendKeys(Keys.ENTER);
                    sleep(1000);
                }
                return widget().findElements(By.cssSelector(".msg.bot:not(.help-only) a.call")).size() > 0;
            }, Duration.ofSeconds(20));
            assertThat(logText()).contains(en.getString("widget.restarted")).doesNotContain(en.getString("widget.expired"));
            assertThat(widget().findElements(By.cssSelector(".msg.me span[dir]")).stream().map(WebElement::getText))
                    .as("the cry, once, in the new conversation").containsExactly(CRY);
            assertThat(input.getAttribute("value")).isEmpty();
        }
    }

    static String logText() {
        return (String) js("return document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.log').innerText");
    }

    // ---- when no conversation can start, the emergency numbers are still there ----

    @ParameterizedTest
    @ValueSource(strings = {"nb", "ar"})
    void onTheFullPageChatOfAFullServerTheEmergencyNumbersAreLargeCallButtons(String lang) {
        freshTab(full.chatPage() + "?lang=" + lang);
        assertNumbersWhenNoConversationCanStart(full, lang);
        assertThat(js("return document.documentElement.dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "ar"})
    void onAHostPageOfAFullServerTheOpenedChatShowsTheEmergencyNumbers(String lang) {
        freshTab(full.barePage(lang));
        visible(".launch").click();
        assertNumbersWhenNoConversationCanStart(full, lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb", "ar"})
    void withoutJavaScriptTheFullPageChatShowsTheEmergencyNumbers(String lang) {
        freshTab("about:blank");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            driver.get(full.chatPage() + "?lang=" + lang);
            JsonObject strings = strings(full, lang);
            assertThat(driver.findElement(By.cssSelector("#losen-shell .help h2")).getText())
                    .isEqualTo(strings.getString("widget.help.heading"));
            assertCallButtons(driver.findElements(By.cssSelector("#losen-shell .help a.call")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            assertThat(driver.findElement(By.cssSelector("#losen-shell a.exit")).getText())
                    .isEqualTo(strings.getString("widget.quick-exit"));
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** The widget says the server is busy, shows the help-now numbers as call buttons, and offers to try again. */
    private static void assertNumbersWhenNoConversationCanStart(WebFixture f, String lang) {
        JsonObject strings = strings(f, lang);
        WebElement box = visible(".failed");
        until(() -> box.getText().contains(strings.getString("widget.busy")));
        assertThat(box.findElement(By.cssSelector(".help-title")).getText()).isEqualTo(strings.getString("widget.help.heading"));
        assertCallButtons(box.findElements(By.cssSelector("a.call")));
        assertThat(box.findElement(By.cssSelector("button.primary")).getText()).isEqualTo(strings.getString("widget.retry"));
        assertThat(widget().findElement(By.cssSelector(".losen")).getAttribute("dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
        assertThat(widget().findElements(By.cssSelector(".msg.bot .choice"))).as("no conversation").isEmpty();
    }

    /** 112 and 113 among them, each a tel: link at least 44 x 44 px, on the screen. */
    private static void assertCallButtons(List<WebElement> calls) {
        assertThat(calls.stream().map(a -> a.getAttribute("href"))).contains("tel:112", "tel:113", "tel:110", "tel:116111");
        for (WebElement a : calls) {
            assertThat(a.getRect().getHeight()).as(a.getText()).isGreaterThanOrEqualTo(44);
            assertThat(a.getRect().getWidth()).as(a.getText()).isGreaterThanOrEqualTo(44);
        }
        WebElement first = calls.get(0);
        assertThat(first.getText()).startsWith("112");
        assertThat(first.isDisplayed()).isTrue();
        assertThat((long) first.getRect().getY() + first.getRect().getHeight()).as("112 on the first screen")
                .isLessThanOrEqualTo((Long) js("return innerHeight"));
    }

    private static JsonObject strings(WebFixture f, String lang) {
        return new JsonObject(f.server.get("/api/ui/" + lang).body()).getJsonObject("strings");
    }

    // ---- after "End conversation" the tab keeps nothing, and a reload starts nothing ----

    @Test
    void afterEndingOnTheFullPageChatNothingIsKeptAndAReloadStartsNothing() {
        freshTab(plain.chatPage() + "?lang=ar");
        visible(".msg.bot .choice");
        end();
        assertNothingKept();
        driver.navigate().refresh();
        visible(".ended");
        sleep(1500);
        assertNothingKept();
        assertThat(widget().findElements(By.cssSelector(".msg"))).as("no conversation started by itself").isEmpty();
        assertThat(widget().findElement(By.cssSelector(".losen")).getAttribute("dir")).isEqualTo("rtl");
        // Only when the person asks.
        visible(".ended button").click();
        visible(".msg.bot .choice");
        assertThat(js("return sessionStorage.length")).isEqualTo(1L);
    }

    @Test
    void afterEndingOnAHostPageNothingIsKeptAndAReloadStartsNothing() {
        freshTab(plain.barePage("ar"));
        visible(".launch").click();
        visible(".msg.bot .choice");
        end();
        assertNothingKept();
        driver.navigate().refresh();
        visible(".launch");
        sleep(1500);
        assertNothingKept();
        assertThat(widget().findElement(By.cssSelector(".panel")).isDisplayed()).isFalse();
    }

    private static void end() {
        visible(".menu-btn").click();
        widget().findElements(By.cssSelector(".menu button")).get(2).click();
        visible(".ended");
    }

    private static void assertNothingKept() {
        assertThat(js("return Object.keys(sessionStorage)")).asList().isEmpty();
        assertThat(js("return Object.keys(localStorage)")).asList().isEmpty();
        assertThat(js("return document.cookie")).isEqualTo("");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    static <T> T until(java.util.function.Supplier<T> condition) {
        return until(condition, Duration.ofSeconds(10));
    }

    static <T> T until(java.util.function.Supplier<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(RuntimeException.class)
                .until(d -> {
                    T v = condition.get();
                    return v instanceof Boolean b ? (b ? v : null) : v;
                });
    }
}
