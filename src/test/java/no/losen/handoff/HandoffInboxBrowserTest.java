package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.losen.Chromium;
import no.losen.server.LosenServerExtension;
import no.losen.staff.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counsellor's inbox in real Chromium, with a person in Arabic on a WebSocket: the dialog's
 * words the person saw beside the console's language, the path's titles, and the case note with
 * the personal-data warning, kept across a reload and shown once more at the end. axe-core clean;
 * screenshots at 1280×800 and 360×740 (target/screenshots, copied to docs/screenshots).
 */
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
class HandoffInboxBrowserTest {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("kari", PASSWORD, Role.COUNSELLOR)
            .with(c -> c.withContent(HandoffBrowserTest.content(tmp.resolve("content")))
                    .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED).withHandoff(no.losen.Fixtures.openDesk()));
    static ChromeDriver counsellor;

    @BeforeAll
    static void up() throws Exception {
        Chromium.require("Hand-off inbox browser test");
        counsellor = Chromium.start(tmp.resolve("counsellor"), "nb-NO", 1280, 800);
    }

    @AfterAll
    static void down() {
        if (counsellor != null) {
            counsellor.quit();
        }
    }

    static <T> T until(Supplier<T> what) {
        return new WebDriverWait(counsellor, Duration.ofSeconds(10)).ignoring(RuntimeException.class).until(x -> {
            T v = what.get();
            return v instanceof Boolean b && !b ? null : v;
        });
    }

    static WebElement visible(String css) {
        return until(() -> {
            WebElement e = counsellor.findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    static void waitsFor(String css, String text) {
        until(() -> counsellor.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    static List<String> axe() {
        return new com.deque.html.axecore.selenium.AxeBuilder().analyze(counsellor).getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    /** The page at {@code width}×{@code height} with {@code top} scrolled to the top of the view. */
    static void screenshot(String name, int width, int height, String top) throws Exception {
        counsellor.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        Thread.sleep(300);
        // Below the sticky top bar, not under it.
        counsellor.executeScript("var e = document.querySelector(arguments[0]);"
                + "window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 76)", top);
        Thread.sleep(200);
        assertThat((Boolean) counsellor.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("nothing wider than the screen at " + width + ": " + counsellor.executeScript(
                        "var w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('body *'))"
                        + ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 8)"
                        + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"))
                .isTrue();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), counsellor.getScreenshotAs(OutputType.BYTES));
        counsellor.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** What the walk dialog shows at node {@code asylum} to someone in {@code lang}: the engine's own words. */
    static JsonObject asylumIn(String lang) throws InterruptedException {
        try (Ws w = Ws.open(server, null)) {
            w.send("start", "dialog", "walk", "lang", lang);
            w.next("message");
            w.send("choose", "choice", "asylum");
            return w.next("message");
        }
    }

    static String firstParagraph(String text) {
        return text.strip().split("\n\n+")[0].strip();
    }

    @Test
    void theCounsellorSeesThePersonsWordsBesideTheirOwnAndKeepsANoteWithoutPersonalData() throws Exception {
        openInbox();

        String arabic = asylumIn("ar").getString("text");
        String norwegian = asylumIn("nb").getString("text");
        try (Ws person = Ws.open(server, null)) {
            person.send("start", "dialog", "walk", "lang", "ar");
            person.next("message");
            person.send("choose", "choice", "asylum");
            assertThat(person.next("message").getString("text")).isEqualTo(arabic);
            person.send("talk").talk("waiting");
            visible("#queue li.waiting button.accept").click();
            person.talk("talking");

            // The words the person read, in Arabic (right to left) and in the console's Norwegian, side by side.
            List<WebElement> sides = until(() -> {
                List<WebElement> s = counsellor.findElements(By.cssSelector("#chats .chat .seen-side .seen-text"));
                return s.size() == 2 ? s : null;
            });
            assertThat(sides.get(0).getAttribute("lang")).isEqualTo("ar");
            assertThat(sides.get(0).getAttribute("dir")).isEqualTo("rtl");
            assertThat(sides.get(0).getText()).contains(firstParagraph(arabic));
            assertThat(sides.get(1).getAttribute("lang")).isEqualTo("nb");
            assertThat(sides.get(1).getText()).contains(firstParagraph(norwegian));
            // The path: each node's first line in Norwegian beside its id.
            List<WebElement> titles = counsellor.findElements(By.cssSelector("#chats .chat .path-steps li .title"));
            assertThat(titles).hasSize(2);
            assertThat(norwegian.strip()).startsWith(titles.get(1).getText().replace("\u2026", ""));
            assertThat(axe()).as("axe-core on a taken conversation").isEmpty();
            screenshot("inbox-1280x800.png", 1280, 800, "#chats .chat h3");
            screenshot("inbox-360x740.png", 360, 740, "#chats .chat .seen");

            // A note that names someone: the staff notes' warning, here in the chat.
            WebElement note = visible("#chats .chat .chat-note textarea");
            note.sendKeys("Amina Hassan, født 12.03.2007, ring 22 33 11 60");
            visible("#chats .chat .chat-note button[type=submit]").click();
            WebElement warning = visible("#chats .chat .note-warning");
            assertThat(warning.getAttribute("role")).isEqualTo("alert");
            assertThat(warning.findElements(By.tagName("li"))).hasSize(3);
            assertThat(warning.getText()).contains("Amina Hassan");
            assertThat(axe()).as("axe-core on the case note's warning").isEmpty();
            screenshot("inbox-note-warning-1280x800.png", 1280, 800, "#chats .chat .chat-note");

            warning.findElement(By.cssSelector("button.primary")).click();
            assertThat(warning.isDisplayed()).isFalse();
            note.clear();
            note.sendKeys("Spurte om helsehjelp. Følg opp retten til lege.");
            visible("#chats .chat .chat-note button[type=submit]").click();
            waitsFor("#chats .chat .note-status", "Saksnotatet er lagret");

            // A reload keeps nothing in the tab: the server gives the conversation and its note back.
            counsellor.navigate().refresh();
            until(() -> "Spurte om helsehjelp. Følg opp retten til lege.".equals(
                    visible("#chats .chat .chat-note textarea").getAttribute("value")));

            // The person ends it: the note is shown once more to carry away, then it is gone.
            person.send("talk.leave");
            WebElement kept = visible("#chats .kept-note");
            assertThat(kept.getText()).contains("Spurte om helsehjelp. Følg opp retten til lege.");
            assertThat(counsellor.findElements(By.cssSelector("#chats .chat textarea"))).isEmpty();
            assertThat(axe()).as("axe-core on the kept note").isEmpty();
            screenshot("inbox-kept-note-360x740.png", 360, 740, "#chats .kept-note");
            kept.findElement(By.tagName("button")).click();
            until(() -> counsellor.findElements(By.cssSelector("#chats .kept-note")).isEmpty());
            assertThat(counsellor.getPageSource()).doesNotContain("helsehjelp");
        }
    }

    /** The console's inbox, logged in as kari (again, if another test left the browser logged out). */
    static void openInbox() {
        counsellor.get(server.baseUrl() + "/staff");
        until(() -> !counsellor.findElements(By.cssSelector("#login-name")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty() || !counsellor.findElements(By.cssSelector("#queue")).stream().filter(WebElement::isDisplayed)
                .toList().isEmpty());
        if (counsellor.findElement(By.cssSelector("#login-name")).isDisplayed()) {
            visible("#login-name").sendKeys("kari");
            visible("#login-password").sendKeys(PASSWORD);
            visible("#login-form button[type=submit]").click();
        }
        waitsFor("#queue", "Ingen venter");
    }

    @Test
    void aPersonWritingBySmsIsMarkedSoTheCounsellorKeepsRepliesShort() throws Exception {
        openInbox();
        // An SMS person as every copy of the desk receives them (the gateway itself is SmsHandoffEndToEndTest's).
        String ticket = "sms-ticket-1";
        server.losen().handoff().submit(new Call.Join(java.time.Instant.now(), ticket, "sms:key-1", null, "uk", "walk",
                List.of(), Waiting.SMS)).toCompletableFuture().get();
        String label = "På SMS: hvert svar du skriver, kommer som en tekstmelding på telefonen deres. Skriv kort.";
        waitsFor("#queue li.waiting .channel", label);
        visible("#queue li.waiting button.accept").click();
        waitsFor("#chats .chat .channel", label);
        assertThat(axe()).as("axe-core on an SMS conversation").isEmpty();
        server.losen().handoff().submit(new Call.Leave(java.time.Instant.now(), ticket)).toCompletableFuture().get();
        until(() -> counsellor.findElements(By.cssSelector("#chats .chat .channel")).isEmpty());
    }

    @Test
    void theQueueSpeaksTheConsolesLanguageAsSoonAsItIsChosen() {
        openInbox();
        new org.openqa.selenium.support.ui.Select(visible("#console-lang")).selectByValue("en");
        waitsFor("#queue", "Nobody is waiting now.");
        new org.openqa.selenium.support.ui.Select(visible("#console-lang")).selectByValue("nb");
        waitsFor("#queue", "Ingen venter nå.");
    }
}
