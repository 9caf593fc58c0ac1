package no.losen.channel.web;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.losen.Chromium;
import no.losen.server.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the widget for the README, and the share of the screen left for the conversation
 * at each size: a server with default settings, the bundled content, real Chromium.
 *
 * <p>Run with {@code bench/widget-screens [dir]} (default {@code docs/screenshots}).
 */
public final class WidgetScreens {

    record Size(String name, int width, int height, double scale, boolean mobile) {
    }

    static final List<Size> SIZES = List.of(new Size("360x740", 360, 740, 1, true), new Size("320x568", 320, 568, 1, true),
            new Size("360x420 keyboard", 360, 420, 1, true), new Size("1280x800 at 200%", 640, 400, 2, false));

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("losen-screens");
        try (WebFixture web = new WebFixture(c -> c)) { // its own server, stopped at the end (the shared one lives until the JVM ends)
            ChromeDriver d = Chromium.start(tmp.resolve("profile"), "en-US", 360, 740);
            try {
                shots(web, d, out);
                System.out.println();
                System.out.println("| size | page | height for messages | share of the viewport |");
                System.out.println("|---|---|---|---|");
                for (Size s : SIZES) {
                    for (boolean chat : List.of(true, false)) {
                        long[] m = share(web, d, s, chat);
                        System.out.printf(Locale.ROOT, "| %s | %s | %d px of %d | %.0f %% |%n", s.name(),
                                chat ? "`/chat`" : "host page, script tag only", m[0], m[1], 100.0 * m[0] / m[1]);
                    }
                }
            } finally {
                d.quit();
            }
        }
    }

    static void shots(WebFixture web, ChromeDriver d, Path out) throws Exception {
        size(d, SIZES.get(0));
        fresh(d, web.chatPage() + "?lang=nb");
        waitFor(d, ".msg.bot");
        save(d, out.resolve("widget-phone-nb.png"));
        // A question no topic is sure of: the handbook's sentences, and the part of the dialog a passage leads to.
        WebElement input = root(d).findElement(By.cssSelector(".composer textarea"));
        input.sendKeys("Kan man komme tilbake for et nytt tremånedersopphold?");
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(d, ".result-topic button");
        d.executeScript("document.querySelector('[data-losen-widget]').shadowRoot.querySelector('.card-search')"
                + ".scrollIntoView({block: 'start'})");
        sleep(300);
        save(d, out.resolve("widget-phone-handbook.png"));
        // A text too long to answer, given back to be shortened: the box grows with it and counts it.
        fresh(d, web.chatPage() + "?lang=en");
        waitFor(d, ".msg.bot");
        input = root(d).findElement(By.cssSelector(".composer textarea"));
        input.sendKeys("I came here two years ago to work for a cleaning company and I have a question about my papers. "
                .repeat(11).strip());
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(d, ".note");
        sleep(300);
        save(d, out.resolve("widget-phone-too-long.png"));
        fresh(d, web.chatPage() + "?lang=ar");
        waitFor(d, ".msg.bot");
        save(d, out.resolve("widget-phone-ar.png"));
        fresh(d, web.chatPage() + "?lang=en");
        waitFor(d, ".msg.bot");
        helpNow(d);
        save(d, out.resolve("widget-phone-help-now.png"));
        // The server full (LOSEN_MAX_SESSIONS=1, that one taken): no conversation, the numbers still there.
        try (WebFixture full = new WebFixture(c -> c.maxSessions(1)); TestServer.Client taken = full.server.connect()) {
            taken.send(new JsonObject().put("type", "start").put("dialog", "rights").put("lang", "nb"));
            taken.nextMessage();
            fresh(d, full.chatPage() + "?lang=nb");
            waitFor(d, ".failed .calls");
            save(d, out.resolve("widget-phone-busy.png"));
        }
    }

    /** "Help now" in the title row, as a person would find it on the first screen. */
    static void helpNow(ChromeDriver d) {
        WebElement b = until(d, () -> root(d).findElements(By.cssSelector(".head .help-now")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        b.click();
        until(d, () -> !root(d).findElements(By.cssSelector(".calls")).isEmpty());
        sleep(600);
    }

    /** The log's height and the viewport's, with the first message on screen (and the input focused for the keyboard). */
    static long[] share(WebFixture web, ChromeDriver d, Size s, boolean chat) {
        size(d, s);
        fresh(d, chat ? web.chatPage() : web.barePage());
        if (!chat) {
            until(d, () -> root(d).findElement(By.cssSelector(".launch"))).click();
        }
        waitFor(d, ".msg.bot");
        if (s.name().contains("keyboard")) {
            root(d).findElement(By.cssSelector(".composer textarea")).click();
        }
        sleep(300);
        Object h = d.executeScript("const r = document.querySelector('[data-losen-widget]').shadowRoot;"
                + "return [r.querySelector('.log').getBoundingClientRect().height, innerHeight]");
        @SuppressWarnings("unchecked")
        List<Number> n = (List<Number>) h;
        return new long[] {Math.round(n.get(0).doubleValue()), n.get(1).longValue()};
    }

    static Size current = SIZES.get(0);

    static void size(ChromeDriver d, Size s) {
        current = s;
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", s.width(), "height", s.height(), "deviceScaleFactor", s.scale(), "mobile", s.mobile()));
        d.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", s.mobile()));
    }

    /** A new tab (its own sessionStorage), with the size emulated again: the emulation belongs to the tab. */
    static void fresh(ChromeDriver d, String url) {
        String old = d.getWindowHandle();
        d.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String tab = d.getWindowHandle();
        d.switchTo().window(old).close();
        d.switchTo().window(tab);
        size(d, current);
        d.get(url);
    }

    static SearchContext root(ChromeDriver d) {
        return d.findElement(By.cssSelector("[data-losen-widget]")).getShadowRoot();
    }

    static void waitFor(ChromeDriver d, String css) {
        until(d, () -> root(d).findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed));
        sleep(400);
    }

    static void save(ChromeDriver d, Path to) throws Exception {
        Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + to + " (" + Files.size(to) + " bytes)");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T until(ChromeDriver d, java.util.function.Supplier<T> c) {
        return new WebDriverWait(d, Duration.ofSeconds(15), Duration.ofMillis(50)).ignoring(RuntimeException.class)
                .until(x -> {
                    T v = c.get();
                    return v instanceof Boolean b ? (b ? v : null) : v;
                });
    }
}
