package no.losen.staff;

import no.losen.Chromium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium for the console's browser tests: nothing is downloaded
 * (no Selenium Manager), a fresh profile each time, and a loud skip when the browser is absent.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** A browser, or the test is skipped with a message nobody can miss. */
    static ConsoleBrowser open(Path profile) {
        Chromium.require("Staff console browser test");
        return new ConsoleBrowser(Chromium.start(profile, "nb-NO", 1180, 820));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void textAppears(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until the console shows node {@code id} of the dialog. */
    void atNode(String id) {
        wait.until(ExpectedConditions.attributeToBe(By.id("conversation"), "data-node", id));
    }

    void choose(String id) {
        visible("#choices button[data-choice='" + id + "']").click();
    }

    /** Ticks these boxes of a check list (clicking the large label) and confirms. */
    void tick(String... ids) {
        for (String id : ids) {
            visible("#choices input[value='" + id + "']").findElement(By.xpath("..")).click();
        }
        visible("#checklist-done").click();
    }

    void logIn(String base, String name, String password) {
        driver.get(base + "/staff");
        visible("#login-name").sendKeys(name);
        visible("#login-password").sendKeys(password);
        visible("#login-form button[type=submit]").click();
        visible("#dialogs button");
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Script errors and Content-Security-Policy refusals the page caused since the last call. */
    List<String> pageErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError"))
                .toList();
    }

    /** Serious and critical findings of axe-core (WCAG rules) on the page as it is now. */
    List<String> accessibilityProblems() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Shows the page as a printer would see it (CSS {@code @media print}), or as a screen again. */
    void printMedia(boolean on) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", on ? "print" : ""));
    }

    /** The page printed to PDF on A4 paper, as the browser's print dialog would. */
    byte[] pdfA4() {
        return pdf(new PageSize(29.7, 21.0));
    }

    /** The same on A5 (a half sheet, the size of a slip handed over the table). */
    byte[] pdfA5() {
        return pdf(new PageSize(21.0, 14.8));
    }

    byte[] pdf(PageSize size) {
        PrintOptions p = new PrintOptions();
        p.setPageSize(size);
        // 100 %, as the print dialog's default: shrinking to fit would hide a second page.
        p.setShrinkToFit(false);
        p.setBackground(true);
        Pdf pdf = driver.print(p);
        return Base64.getDecoder().decode(pdf.getContent());
    }

    /** Pages in a PDF: the largest {@code /Count} in its page tree (the root's). */
    static int pages(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Count\\s+(\\d+)")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n = Math.max(n, Integer.parseInt(m.group(1)));
        }
        return n;
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path to = SCREENSHOTS.resolve(name);
        Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    void save(String name, byte[] bytes) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), bytes);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
