package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.server.Config;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff console in real Chromium against a real server: log in, walk a path of a staff
 * dialog (a check list, wording read aloud in the resident's language, a note), go back to an
 * earlier step and change a tick, check the summary and its print view, print the rights slip
 * in two languages on one page, then end and erase.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StaffConsoleBrowserTest {

    /** A staff dialog shaped like the identification script (see its header comment). */
    static final Path CONTENT = Path.of("src/test/resources/content/console");
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path tmp;
    static TestServer server;
    static ConsoleBrowser browser;

    @BeforeAll
    static void up() throws Exception {
        browser = ConsoleBrowser.open(Files.createDirectories(tmp.resolve("profile")));
        Path users = tmp.resolve("users");
        StaffAccounts.put(users, "anna", StaffAccounts.hash(PASSWORD.toCharArray(), 4));
        server = new TestServer(Config.defaults().withPort(0).withContent(CONTENT)
                .withStaff(users, Duration.ofMinutes(20)));
    }

    /** Each test starts on screen media, logged out, whatever the one before left behind. */
    @org.junit.jupiter.api.BeforeEach
    void screen() {
        browser.printMedia(false);
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void down() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void staffLogInWalkAPathGoBackPrintTheSummaryAndTheSlipAndEraseEverything() throws Exception {
        var b = browser;
        b.driver.get("http://127.0.0.1:" + server.port() + "/staff");

        // Log in. A wrong password first: refused, and the page says so.
        b.visible("#login-name");
        assertThat(b.accessibilityProblems()).as("axe-core on the log-in page").isEmpty();
        b.visible("#login-name").sendKeys("anna");
        b.visible("#login-password").sendKeys("wrong password");
        b.visible("#login-form button[type=submit]").click();
        b.textAppears("#login-error", "Feil navn eller passord.");
        b.visible("#login-password").sendKeys(PASSWORD);
        b.visible("#login-form button[type=submit]").click();
        b.textAppears("#user", "Logget inn som anna");
        assertThat(b.driver.manage().getCookieNamed("losen_staff").isHttpOnly()).isTrue();

        b.visible("#dialogs button[data-dialog=console-demo]").click();
        b.textAppears("#step-name", "Før samtalen");
        assertThat(b.visible("#step-pos").getText()).isEqualTo("Trinn 1 av 7");
        WebElement arabic = b.visible("#choices button[data-choice=ar]");
        assertThat(arabic.getSize().getHeight()).isGreaterThanOrEqualTo(48);
        arabic.click();

        // A check list: tick two, confirm.
        b.textAppears("#step-name", "Indikatorer");
        tick("debt");
        tick("fixer");
        b.visible("#checklist-done").click();

        // Wording read aloud: Norwegian beside Arabic, right to left, marked as a draft translation.
        b.textAppears("#step-name", "Samtalen");
        WebElement alt = b.visible("#text-alt");
        assertThat(alt.getAttribute("lang")).isEqualTo("ar");
        assertThat(alt.getAttribute("dir")).isEqualTo("rtl");
        assertThat(alt.getText()).contains("نتحدث معك").contains("Utkast til oversettelse");
        assertThat(b.visible("#text-main").getText()).contains("Vi snakker med deg");
        b.screenshot("console-bilingual.png");
        assertThat(b.accessibilityProblems()).as("axe-core on a bilingual step").isEmpty();
        b.visible("#choices button[data-choice=says]").click();

        // A note (no identity), then the summary.
        b.textAppears("#step-name", "Til UDI");
        assertThat(b.visible("#typed-label").getText()).contains("Ikke navn");
        b.visible("#typed-text").sendKeys("Nevnte gjeld til en som betalte reisen.");
        b.visible("#typed-send").click();
        b.textAppears("#step-name", "Oppsummering");
        WebElement summary = b.visible(".card.print[data-print=summary]");
        assertThat(summary.getText()).contains("Til samtalen med UDIs regionkontor")
                .contains("Indikatorer: Gjeld til noen som betalte reisen; En «fikser» følger personen")
                .contains("Bakgrunn: Nevnte gjeld til en som betalte reisen.")
                .contains("Sier beboeren at hen er utnyttet? Ja")
                .contains("muntlig, på telefon eller videomøte")
                .contains("Serveren sender eller lagrer det ikke");

        // Back to an earlier step from the sidebar; the ticks are still there; change one.
        List<String> passed = b.all("#steps li.passed button").stream().map(WebElement::getText).toList();
        assertThat(passed).containsExactly("Før samtalen", "Indikatorer", "Samtalen", "Til UDI");
        b.visible("#steps li.passed button[data-step='1']").click();
        b.textAppears("#step-name", "Indikatorer");
        assertThat(checked("debt")).isTrue();
        assertThat(checked("fixer")).isTrue();
        tick("fixer");
        tick("passport");
        b.visible("#checklist-done").click();
        b.textAppears("#step-name", "Samtalen");
        b.visible("#choices button[data-choice=denies]").click();
        b.textAppears("#step-name", "Til UDI");
        b.visible("#choices button[data-choice=skip]").click();
        b.textAppears("#step-name", "Oppsummering");
        summary = b.visible(".card.print[data-print=summary]");
        assertThat(summary.getText()).contains("Indikatorer: Gjeld til noen som betalte reisen; Har ikke selv passet sitt")
                .doesNotContain("fikser").contains("Sier beboeren at hen er utnyttet? Nei, avviser det")
                .contains("Bakgrunn: ikke spurt");
        b.screenshot("console-summary.png");
        assertThat(b.accessibilityProblems()).as("axe-core on the summary").isEmpty();
        // A tablet held upright: the steps fold above the conversation, buttons stay large.
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        b.screenshot("console-tablet.png");
        assertThat(b.visible("#choices button[data-choice=slip]").getSize().getHeight()).isGreaterThanOrEqualTo(48);
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1180, 820));

        // Print the summary: only the card, on one A4 page. window.print() is recorded, not opened.
        b.js("window.__printed = 0; window.print = function () { window.__printed++; };");
        b.visible(".card.print[data-print=summary] .print-button").click();
        assertThat(((Number) b.js("return window.__printed;")).intValue()).isEqualTo(1);
        assertThat(b.driver.findElement(By.id("print-area")).getAttribute("textContent"))
                .contains("Til samtalen med UDIs regionkontor").contains("Har ikke selv passet sitt")
                .contains("muntlig, på telefon eller videomøte");
        b.printMedia(true);
        assertThat(b.driver.findElement(By.id("console")).isDisplayed()).isFalse();
        assertThat(b.driver.findElement(By.cssSelector(".bar")).isDisplayed()).isFalse();
        assertThat(b.driver.findElement(By.id("print-area")).isDisplayed()).isTrue();
        b.screenshot("console-summary-print.png");
        byte[] summaryPdf = b.pdfA4();
        b.save("console-summary-print.pdf", summaryPdf);
        assertThat(ConsoleBrowser.pages(summaryPdf)).isEqualTo(1);
        b.printMedia(false);

        // The rights slip: Norwegian beside Arabic, on one page.
        b.visible("#choices button[data-choice=slip]").click();
        b.textAppears("#step-name", "Lapp til beboeren");
        b.visible(".card.print[data-print=slip] .print-button").click();
        WebElement area = b.driver.findElement(By.id("print-area"));
        assertThat(area.getAttribute("class")).contains("print-slip");
        WebElement nb = area.findElement(By.cssSelector("section[lang=nb]"));
        WebElement ar = area.findElement(By.cssSelector("section[lang=ar]"));
        assertThat(nb.getAttribute("textContent")).contains("Dine rettigheter og hjelp").contains("22 33 11 60");
        assertThat(ar.getAttribute("dir")).isEqualTo("rtl");
        assertThat(ar.getAttribute("textContent")).contains("حقوقك والمساعدة").contains("22 33 11 60").contains("112");
        // The phone number reads left to right inside the Arabic text, not as "60 11 33 22".
        assertThat(ar.findElements(By.cssSelector("bdi[dir=ltr]")).stream().map(e -> e.getAttribute("textContent")))
                .contains("22 33 11 60", "112");
        b.printMedia(true);
        b.screenshot("console-slip-print.png");
        byte[] slipPdf = b.pdfA4();
        b.save("console-slip-print.pdf", slipPdf);
        assertThat(ConsoleBrowser.pages(slipPdf)).isEqualTo(1);
        b.printMedia(false);

        // In English the console still prints the slip in Norwegian (the official wording) beside Arabic.
        new org.openqa.selenium.support.ui.Select(b.visible("#console-lang")).selectByValue("en");
        b.textAppears("#step-name", "Slip for the resident");
        assertThat(b.visible("#text-official").getAttribute("textContent")).contains("Norwegian (the official wording)")
                .contains("Dine rettigheter og hjelp");
        b.visible(".card.print[data-print=slip] .print-button").click();
        area = b.driver.findElement(By.id("print-area"));
        assertThat(area.findElements(By.cssSelector("section[lang=en]"))).isEmpty();
        assertThat(area.findElement(By.cssSelector("section[lang=nb]")).getAttribute("textContent"))
                .contains("Dine rettigheter og hjelp");
        assertThat(area.findElement(By.cssSelector("section[lang=ar]")).getAttribute("textContent"))
                .contains("حقوقك والمساعدة");
        new org.openqa.selenium.support.ui.Select(b.visible("#console-lang")).selectByValue("nb");
        b.textAppears("#step-name", "Lapp til beboeren");

        // End and erase: two taps; the server's session is gone, and so is everything on the page.
        assertThat(server.losen.sessions().size()).isEqualTo(1);
        b.visible("#end").click();
        b.textAppears("#end", "Trykk igjen");
        b.visible("#end").click();
        b.textAppears("#ended", "Samtalen er avsluttet og slettet fra serveren.");
        assertThat(server.losen.sessions().size()).isZero();
        assertThat(b.js("return sessionStorage.getItem('losen.console');").toString()).doesNotContain("token");
        assertThat(b.driver.findElement(By.id("text-main")).getAttribute("textContent")).isEmpty();
        assertThat(b.driver.findElement(By.id("print-area")).getAttribute("textContent")).isEmpty();
        b.screenshot("console-ended.png");

        // Log out: the cookie no longer opens anything.
        b.visible("#logout").click();
        b.visible("#login-form");
        assertThat(b.driver.manage().getCookieNamed("losen_staff")).isNull();
        assertThat(b.pageErrors()).as("no script errors, nothing refused by the CSP").isEmpty();
    }

    /**
     * The real identification script (dialogs/staff-identification.yaml): an adult who tells of
     * exploitation, rights read aloud in Arabic, the talking points for UDI, then the rights slip
     * (reached from the script's own step overview) printed in Norwegian and Arabic on one page.
     */
    @Test
    void theIdentificationScriptGivesTheUdiSummaryAndARightsSlipThatPrintOnOnePageEach() throws Exception {
        try (TestServer repo = new TestServer(Config.defaults().withPort(0).withContent(no.losen.Fixtures.REPO)
                .withStaff(tmp.resolve("users"), Duration.ofMinutes(20)))) {
            var b = browser;
            b.logIn("http://127.0.0.1:" + repo.port(), "anna", PASSWORD);
            b.visible("#dialogs button[data-dialog=staff-identification]").click();
            b.atNode("resident-language");
            assertThat(b.visible("#step-name").getText()).isEqualTo("Før du begynner");
            b.choose("ar");
            b.atNode("age");
            b.choose("adult");
            b.choose("no");
            b.atNode("definition");
            b.choose("next");
            b.atNode("duty");
            b.tick("self");
            b.atNode("ind-special");
            b.tick("tells-exploitation");
            b.atNode("ind-general");
            b.tick("debt");
            b.atNode("indicators-seen");
            b.choose("duty-applies");
            b.atNode("prepare");
            b.choose("ready");
            b.choose("next");
            b.atNode("words-confidentiality");
            WebElement alt = b.visible("#text-alt");
            assertThat(alt.getAttribute("lang")).isEqualTo("ar");
            assertThat(alt.getAttribute("dir")).isEqualTo("rtl");
            b.choose("next");
            b.atNode("words-suspicion");
            b.choose("next");
            b.atNode("words-questions");
            b.screenshot("script-read-aloud.png");
            b.choose("says-exploited");
            b.atNode("rights");
            b.choose("next");
            b.atNode("words-rights");
            b.choose("next");
            b.atNode("words-rosa");
            b.choose("accepts");
            b.atNode("acute");
            b.choose("no");
            b.atNode("udi");
            b.choose("prepare");
            b.atNode("udi-background");
            b.visible("#typed-text").sendKeys("Fortalte om gjeld til den som betalte reisen.");
            b.visible("#typed-send").click();
            b.atNode("udi-by");
            b.choose("staff");
            b.atNode("udi-forms");
            b.tick("labour");
            b.atNode("udi-where");
            b.tick("norway");
            b.atNode("udi-where-note");
            b.choose("skip");
            b.atNode("udi-followup");
            b.tick("rosa");
            b.atNode("udi-followup-note");
            b.choose("skip");
            b.atNode("udi-needs");
            b.tick();
            b.atNode("udi-needs-note");
            b.choose("skip");
            b.atNode("udi-ready");
            b.choose("show");
            b.atNode("summary");

            WebElement summary = b.visible(".card.print[data-print=summary]");
            assertThat(summary.getText()).contains("Punkter til samtalen med UDIs regionale enhet")
                    .contains("Tillegg om bakgrunnen: Fortalte om gjeld til den som betalte reisen.")
                    .contains("Oppgir beboeren selv å være utnyttet? ja, forteller om utnytting")
                    .contains("Form(er) for utnytting: tvangsarbeid eller tvangstjenester")
                    .contains("Gis muntlig på telefon eller i skjermmøte.")
                    .contains("muntlig, på telefon eller videomøte");
            assertThat(b.visible("#step-name").getText()).isEqualTo("Oppsummering til UDI");
            List<String> passed = b.all("#steps li.passed button").stream().map(WebElement::getText).toList();
            assertThat(passed).contains("Indikatorer", "Rettigheter og hjelpetilbud", "Informer UDIs regionale enhet");
            b.screenshot("script-summary.png");

            b.js("window.__printed = 0; window.print = function () { window.__printed++; };");
            b.visible(".card.print[data-print=summary] .print-button").click();
            assertThat(((Number) b.js("return window.__printed;")).intValue()).isEqualTo(1);
            b.printMedia(true);
            b.screenshot("script-summary-print.png");
            byte[] pdf = b.pdfA4();
            b.save("script-summary-print.pdf", pdf);
            assertThat(ConsoleBrowser.pages(pdf)).as("the UDI summary prints on one A4 page").isEqualTo(1);
            // The page count is real: on a card-sized sheet the same summary needs several.
            byte[] tiny = b.pdf(new org.openqa.selenium.print.PageSize(10.5, 7.4));
            b.save("script-summary-print-a7.pdf", tiny);
            assertThat(ConsoleBrowser.pages(tiny)).isGreaterThan(1);
            b.printMedia(false);

            // The script's own overview of steps leads to the slip.
            b.choose("steps");
            b.atNode("overview");
            b.choose("slip");
            b.atNode("rights-slip");
            b.visible(".card.print[data-print=slip] .print-button").click();
            WebElement area = b.driver.findElement(By.id("print-area"));
            assertThat(area.findElement(By.cssSelector("section[lang=nb]")).getAttribute("textContent"))
                    .contains("Hjelp for deg").contains("22 33 11 60");
            WebElement ar = area.findElement(By.cssSelector("section[lang=ar]"));
            assertThat(ar.getAttribute("dir")).isEqualTo("rtl");
            assertThat(ar.getAttribute("textContent")).contains("مساعدة لك").contains("22 33 11 60");
            b.printMedia(true);
            b.screenshot("script-slip-print.png");
            byte[] slip = b.pdfA4();
            b.save("script-slip-print.pdf", slip);
            assertThat(ConsoleBrowser.pages(slip)).as("the rights slip prints on one A4 page").isEqualTo(1);
            byte[] slipA5 = b.pdfA5();
            b.save("script-slip-print-a5.pdf", slipA5);
            assertThat(ConsoleBrowser.pages(slipA5)).as("the rights slip prints on one A5 page").isEqualTo(1);
            b.printMedia(false);

            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
            assertThat(repo.losen.sessions().size()).isZero();
            assertThat(b.pageErrors()).as("no script errors, nothing refused by the CSP").isEmpty();
        }
    }

    /** An unattended tablet: after the idle time the log-in ends, and the page erases the conversation. */
    @Test
    void anIdleConsoleLogsOutAndErasesTheConversation() throws Exception {
        try (TestServer quick = new TestServer(Config.defaults().withPort(0).withContent(CONTENT)
                .withStaff(tmp.resolve("users"), Duration.ofSeconds(2)))) {
            var b = browser;
            b.logIn("http://127.0.0.1:" + quick.port(), "anna", PASSWORD);
            b.visible("#dialogs button[data-dialog=console-demo]").click();
            b.atNode("language");
            b.choose("ar");
            b.atNode("indicators");
            assertThat(quick.losen.sessions().size()).isEqualTo(1);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                            By.id("status"), "uten aktivitet. Samtalen er slettet."));
            assertThat(b.visible("#login-form").isDisplayed()).isTrue();
            assertThat(quick.losen.sessions().size()).isZero();
            assertThat(b.driver.findElement(By.id("text-main")).getAttribute("textContent")).isEmpty();
        }
    }

    private void tick(String id) {
        browser.visible("#choices input[value='" + id + "']").findElement(By.xpath("..")).click();
    }

    private boolean checked(String id) {
        return browser.visible("#choices input[value='" + id + "']").isSelected();
    }
}
