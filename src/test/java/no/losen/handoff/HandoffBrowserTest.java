package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import no.losen.Chromium;
import no.losen.server.Config;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import no.losen.staff.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Talk to a person" in real Chromium, two browsers at once: a person in the widget (/chat) and a
 * counsellor in the staff console. Queue, accept, chat both ways, a contact card, hand back, ask
 * again, end and erase on both sides.
 */
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
class HandoffBrowserTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path tmp;
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .staff("kari", PASSWORD, Role.STAFF, Role.COUNSELLOR)
            .with(c -> c.withContent(content(tmp.resolve("content"))).withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED)
                    .withHandoff(no.losen.Fixtures.openDesk()));
    static ChromeDriver person;
    static ChromeDriver counsellor;

    @BeforeAll
    static void up() throws Exception {
        Chromium.require("Hand-off browser test");
        counsellor = Chromium.start(tmp.resolve("counsellor"), "nb-NO", 1180, 900);
        person = Chromium.start(tmp.resolve("person"), "nb-NO", 480, 900);
    }

    /** The repository's translations and facts (the widget's own words as shipped) and the widget tests' small dialog. */
    static Path content(Path root) throws java.io.IOException {
        for (Path from : List.of(Path.of("translations"), Path.of("facts"), Path.of("src/test/resources/content/widget"))) {
            Path to = from.getFileName().toString().equals("widget") ? root : root.resolve(from.getFileName().toString());
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (java.nio.file.Files.isDirectory(p)) {
                        java.nio.file.Files.createDirectories(target);
                    } else {
                        java.nio.file.Files.copy(p, target);
                    }
                }
            }
        }
        return root;
    }

    @AfterAll
    static void down() {
        if (person != null) {
            person.quit();
        }
        if (counsellor != null) {
            counsellor.quit();
        }
    }

    static <T> T until(ChromeDriver d, Supplier<T> what) {
        return new WebDriverWait(d, Duration.ofSeconds(10)).ignoring(RuntimeException.class).until(x -> {
            T v = what.get();
            return v instanceof Boolean b && !b ? null : v;
        });
    }

    static SearchContext widget() {
        return until(person, () -> person.findElement(By.cssSelector("[data-losen-widget]")).getShadowRoot());
    }

    static WebElement inWidget(String css) {
        return until(person, () -> {
            WebElement e = widget().findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    static String widgetText(String css) {
        return (String) person.executeScript("const e = document.querySelector('[data-losen-widget]').shadowRoot"
                + ".querySelector(arguments[0]); return e ? e.innerText : ''", css);
    }

    static void personWaitsFor(String css, String text) {
        try {
            until(person, () -> widgetText(css).contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the widget never showed '" + text + "' in " + css + "; its log: " + widgetText(".panel")
                    + "; browser log: " + person.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
    }

    /** Everything in the widget's page, hidden or not. */
    static String widgetHtml() {
        return (String) person.executeScript("return document.querySelector('[data-losen-widget]').shadowRoot.innerHTML");
    }

    static WebElement inConsole(String css) {
        return until(counsellor, () -> {
            WebElement e = counsellor.findElement(By.cssSelector(css));
            return e.isDisplayed() ? e : null;
        });
    }

    static void consoleWaitsFor(String css, String text) {
        until(counsellor, () -> counsellor.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    static void personTypes(String text) {
        WebElement input = inWidget(".composer textarea");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    @Test
    void aPersonInTheWidgetTalksToACounsellorInTheConsole() {
        talk(server, server);
    }

    /** The person's widget on one instance, the counsellor's console on another, one real redis-server between them. */
    @Test
    void theSameWithThePersonAndTheCounsellorOnTwoInstances() {
        no.losen.session.RedisServer redis = no.losen.session.RedisServer.startOrSkip();
        Config shared = server.config().withOps(no.losen.server.Operations.DEFAULT.withSessionStore(redis.uri()));
        try (redis; TestServer a = new TestServer(shared); TestServer b = new TestServer(shared)) {
            talk(a, b);
        }
    }

    /**
     * The person's instance restarts mid-chat (the graceful stop of a deploy): the counsellor sees
     * the person gone, the widget reconnects to the restarted instance on the same address and
     * resumes, and the conversation goes on both ways.
     */
    @Test
    void theTalkGoesOnWhenThePersonsInstanceRestartsMidChat() throws Exception {
        no.losen.session.RedisServer redis = no.losen.session.RedisServer.startOrSkip();
        Config shared = server.config().withOps(no.losen.server.Operations.DEFAULT.withSessionStore(redis.uri()));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TestServer a = new TestServer(shared.withPort(port));
        try (redis; TestServer b = new TestServer(shared)) {
            talking(a, b);
            personTypes("Før omstarten");
            consoleWaitsFor("#chats .chat .line.them", "Før omstarten");

            a.close();
            a = new TestServer(shared.withPort(port));
            // The widget reconnects (1012: restart) and resumes the talk on the restarted instance. A
            // message typed meanwhile stays in the box (the banner says it reconnects) until it can go:
            // the person presses Enter again.
            WebElement input = inWidget(".composer textarea");
            input.sendKeys("Etter omstarten");
            new WebDriverWait(person, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                    .ignoring(RuntimeException.class).until(x -> {
                        input.sendKeys(Keys.ENTER);
                        return input.getAttribute("value").isEmpty();
                    });
            consoleWaitsFor("#chats .chat .line.them", "Etter omstarten");
            WebElement reply = inConsole("#chats .chat textarea");
            reply.sendKeys("Jeg er her fortsatt.");
            reply.sendKeys(Keys.ENTER);
            personWaitsFor(".log", "Jeg er her fortsatt.");
            inConsole("#chats .chat .end").click();
            personWaitsFor(".log", "Praten med personen er avsluttet og slettet.");
        } finally {
            a.close();
        }
    }

    /**
     * Danger typed to a counsellor, on a phone (360×740), with the bundled rights dialog: the
     * emergency help comes at once, laid out line by line as the dialog shows it (each number on
     * its own line, not one run-on paragraph), and the counsellor (a WebSocket here) sees it flagged.
     */
    @Test
    void dangerTypedInATalkOnAPhoneShowsTheEmergencyNumbersLineByLine() throws Exception {
        Config bundled = Config.defaults().withPort(0).withStaff(server.config().staffUsers(), Duration.ofMinutes(20))
                .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED).withHandoff(no.losen.Fixtures.openDesk());
        try (TestServer s = new TestServer(bundled); Ws kari = Ws.open(s, Ws.login(s, "kari", PASSWORD))) {
            kari.send("inbox");
            kari.next("inbox.queue");
            person.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
            person.get(s.baseUrl() + "/chat?lang=nb");
            inWidget(".talk-btn").click();
            String ticket = kari.queueOf(1).getJsonObject(0).getString("ticket");
            kari.send("inbox.accept", "ticket", ticket);
            personWaitsFor(".talk-text", "Et menneske leser denne samtalen nå");
            personTypes("han står utenfor døra med kniv og sier han skal drepe meg");
            assertThat(kari.next("inbox.message").getBoolean("danger")).isTrue();
            WebElement help = inWidget(".danger-now");
            assertThat(help.findElements(By.cssSelector("br, p")).size()).as("lines, not one paragraph").isGreaterThan(2);
            assertThat(help.getText()).contains("112");
            java.nio.file.Files.createDirectories(Path.of("target/screenshots"));
            java.nio.file.Files.write(Path.of("target/screenshots/talk-danger-360x740.png"),
                    person.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            kari.send("inbox.end", "ticket", ticket);
            personWaitsFor(".log", "Praten med personen er avsluttet og slettet.");
        } finally {
            person.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    /** Kari logs in to the console on {@code counsellorSide}; the person asks on {@code personSide}; she takes them. */
    void talking(TestServer personSide, TestServer counsellorSide) {
        counsellor.get(counsellorSide.baseUrl() + "/staff");
        inConsole("#login-name").sendKeys("kari");
        inConsole("#login-password").sendKeys(PASSWORD);
        inConsole("#login-form button[type=submit]").click();
        consoleWaitsFor("#queue", "Ingen venter");

        person.get(personSide.baseUrl() + "/chat?dialog=walk&lang=nb");
        inWidget(".talk-btn").click();
        personWaitsFor(".talk-text", "Din plass i køen: 1.");

        consoleWaitsFor("#queue li.waiting", "situation");
        inConsole("#queue li.waiting button.accept").click();
        inConsole("#chats .chat textarea");
        personWaitsFor(".talk-text", "Et menneske leser denne samtalen nå og svarer deg.");
        personWaitsFor(".talk-text", "Fra: Test Org.");
    }

    void talk(TestServer personSide, TestServer counsellorSide) {
        talking(personSide, counsellorSide);

        // The contact-card list stays inside the chat box, however long a contact's name.
        WebElement box = inConsole("#chats .chat");
        WebElement cards = inConsole("#chats .picker-card select");
        assertThat(cards.getRect().getX() + cards.getRect().getWidth())
                .isLessThanOrEqualTo(box.getRect().getX() + box.getRect().getWidth());
        try {
            java.nio.file.Files.createDirectories(Path.of("target/screenshots"));
            java.nio.file.Files.write(Path.of("target/screenshots/handoff-console-chat.png"),
                    counsellor.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        personTypes("Jeg lurer på noe");
        consoleWaitsFor("#chats .chat .line.them", "Jeg lurer på noe");
        WebElement reply = inConsole("#chats .chat textarea");
        reply.sendKeys("Hei, jeg er her.");
        reply.sendKeys(Keys.ENTER);
        personWaitsFor(".log", "Hei, jeg er her.");
        // The counsellor sees it reached the person's screen (over Redis too, when they are on two instances).
        consoleWaitsFor("#chats .chat .line.me .mark", "Levert");
        inConsole("#chats .picker-card button").click();
        personWaitsFor(".log", "22 33 11 60");

        // A right-to-left override from the person shows as written, not reversed, in the console.
        personTypes("\u202Eabc def");
        consoleWaitsFor("#chats .chat .line.them", "abc def");
        assertThat(counsellor.findElements(By.cssSelector("#chats .chat .line.them .said")).stream()
                .map(WebElement::getText)).noneMatch(t -> t.contains("\u202E"));

        Select back = new Select(inConsole("#chats .picker-node select"));
        back.selectByValue("health");
        // Sent back by the node's words in Norwegian, not by its id.
        assertThat(back.getFirstSelectedOption().getText()).isNotEqualTo("health").isNotBlank();
        inConsole("#chats .picker-node button").click();
        personWaitsFor(".log", "Personen sendte deg tilbake til spørsmålene.");
        until(counsellor, () -> counsellor.findElements(By.cssSelector("#chats .chat")).isEmpty());
        // Over: what both said is gone from the widget's page, not just from view.
        assertThat(widgetHtml()).doesNotContain("Jeg lurer på noe").doesNotContain("Hei, jeg er her.");

        // Ask again; this time the counsellor's tab goes away for a while, then they end it.
        inWidget(".talk-btn").click();
        consoleWaitsFor("#queue li.waiting", "health");
        inConsole("#queue li.waiting button.accept").click();
        personWaitsFor(".talk-text", "Et menneske leser denne samtalen nå");
        personTypes("Andre runde");
        consoleWaitsFor("#chats .chat .line.them", "Andre runde");
        counsellor.get("about:blank");
        personWaitsFor(".talk-text", "Ingen leser denne samtalen akkurat nå.");
        personWaitsFor(".log", "Disse svarer døgnet rundt:");
        personTypes("Er du der?");
        personWaitsFor(".log", "Meldingen din ble ikke levert");
        counsellor.get(counsellorSide.baseUrl() + "/staff");
        inConsole("#chats .chat textarea");
        personWaitsFor(".talk-text", "Et menneske leser denne samtalen nå");
        inConsole("#chats .chat .end").click();
        personWaitsFor(".log", "Praten med personen er avsluttet og slettet.");
        assertThat(widgetHtml()).doesNotContain("Andre runde").doesNotContain("Er du der?");
        until(counsellor, () -> counsellor.findElements(By.cssSelector("#chats .chat")).isEmpty());
        consoleWaitsFor("#inbox-status", "Samtalen er avsluttet og slettet.");
        assertThat(widgetText(".talk-text")).isEmpty();
        // The conversation in the console's words is gone from the page, not just hidden.
        assertThat(counsellor.getPageSource()).doesNotContain("Jeg lurer på noe");
    }
}
