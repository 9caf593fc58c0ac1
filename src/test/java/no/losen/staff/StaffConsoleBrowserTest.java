package no.losen.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.server.Config;
import no.losen.server.LosenServerExtension;
import no.losen.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults().staff("anna", PASSWORD)
            .with(c -> c.withContent(CONTENT));
    static ConsoleBrowser browser;

    @BeforeAll
    static void up() throws Exception {
        browser = ConsoleBrowser.open(Files.createDirectories(tmp.resolve("profile")));
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
    }

    @Test
    void staffLogInWalkAPathGoBackPrintTheSummaryAndTheSlipAndEraseEverything() throws Exception {
        var b = browser;
        b.driver.get(server.baseUrl() + "/staff");

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
                .contains("Serveren sender det ikke videre, og det slettes når samtalen avsluttes");

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
        assertThat(server.losen().sessions().size()).isEqualTo(1);
        b.visible("#end").click();
        b.textAppears("#end", "Trykk igjen");
        b.visible("#end").click();
        b.textAppears("#ended", "Samtalen er avsluttet og slettet fra serveren.");
        assertThat(server.losen().sessions().size()).isZero();
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
     * exploitation, rights read aloud in Arabic, a note that looks like it names the resident
     * (warned about before it is saved), the talking points for UDI with the age line, the
     * checklist of duties filled in from the steps (only the call to UDI is asked), then the
     * neutral slip printed in Norwegian and Arabic on one page.
     */
    @Test
    void theIdentificationScriptGivesTheUdiSummaryAPrefilledChecklistAndASlipThatPrintOnOnePageEach() throws Exception {
        try (TestServer repo = repoServer()) {
            var b = browser;
            startIdentification(repo);
            assertThat(b.visible("#step-name").getText()).isEqualTo("Før du begynner");
            // Twelve resident languages, as in the public widget: Romanian and Polish too.
            assertThat(b.all("#choices button[data-choice]").stream().map(e -> e.getAttribute("data-choice")))
                    .contains("ro", "pl");
            b.choose("ar");
            b.atNode("age");
            b.choose("adult");
            b.choose("no");
            b.atNode("definition");
            b.choose("next");
            b.atNode("duty");
            b.tick("self");
            b.atNode("ind-special");
            // Web addresses in the text are links (RVTS's indicator lists, now utnyttelse.no).
            WebElement link = b.visible("#text-main a[href='https://utnyttelse.no']");
            assertThat(link.getAttribute("rel")).contains("noopener").contains("noreferrer");
            assertThat(link.getAttribute("target")).isEqualTo("_blank");
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
            assertThat(b.visible("#text-main").getText()).contains("Til det trenger jeg ikke ditt samtykke");
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

            // A note that names the resident: warned about, with the reasons, before anything is sent.
            b.visible("#typed-text").sendKeys("Amina Hassan, født 12.03.2007, tlf. 912 34 567");
            b.visible("#typed-send").click();
            WebElement warning = b.visible("#note-warning");
            assertThat(warning.getAttribute("role")).isEqualTo("alert");
            assertThat(warning.getText()).contains("Notatet kan inneholde personopplysninger")
                    .contains("oppsummeringen som skrives ut og leses opp for UDI").contains("MOT-portalen")
                    .contains("en dato").contains("et telefonnummer").contains("«Amina Hassan»");
            b.screenshot("script-note-warning.png");
            assertThat(b.accessibilityProblems()).as("axe-core on the note warning").isEmpty();
            b.atNode("udi-background");
            // Correct it: the warning goes, the field has the focus, a plain note is saved at once.
            b.visible("#note-edit").click();
            assertThat(b.driver.findElement(By.id("note-warning")).isDisplayed()).isFalse();
            assertThat(b.js("return document.activeElement.id;")).isEqualTo("typed-text");
            WebElement note = b.visible("#typed-text");
            note.clear();
            note.sendKeys("Fortalte om gjeld til den som betalte reisen.");
            b.visible("#typed-send").click();
            b.atNode("udi-by");
            b.choose("staff");
            b.atNode("udi-forms");
            b.tick("labour");
            b.atNode("udi-where");
            b.tick("journey", "norway");
            b.atNode("udi-where-note");
            // An 11-digit number saved anyway, after the warning: the staff member decides.
            b.visible("#typed-text").sendKeys("Saknr 12030712345");
            b.visible("#typed-send").click();
            assertThat(b.visible("#note-warning").getText()).contains("et nummer på 11 sifre");
            b.visible("#note-save-anyway").click();
            b.atNode("udi-followup");
            b.tick("rosa");
            b.atNode("udi-followup-note");
            b.choose("skip");
            b.atNode("udi-needs");
            // No need ticked: no "what kind of adaptation?" (staff-udi-followups.yaml).
            b.tick();
            b.atNode("udi-ready");
            b.choose("show");
            b.atNode("summary");

            WebElement summary = b.visible(".card.print[data-print=summary]");
            assertThat(summary.getText()).contains("Punkter til samtalen med UDIs regionale enhet")
                    .contains("Alder: voksen")
                    .contains("Tillegg om bakgrunnen: Fortalte om gjeld til den som betalte reisen.")
                    .doesNotContain("Amina Hassan")
                    .contains("Oppgir beboeren selv å være utnyttet? ja, forteller om utnytting")
                    .contains("Form(er) for utnytting: tvangsarbeid eller tvangstjenester")
                    .contains("Hvordan er det fulgt opp? ikke besvart")
                    .contains("Gis muntlig på telefon eller i skjermmøte.")
                    .contains("muntlig, på telefon eller videomøte");
            assertThat(b.visible("#step-name").getText()).isEqualTo("Oppsummering til UDI");
            List<String> passed = b.all("#steps li.passed button").stream().map(WebElement::getText).toList();
            assertThat(passed).contains("Indikatorer", "Rettigheter og hjelpetilbud", "Informer UDIs regionale enhet");
            b.screenshot("script-summary.png");

            b.js("window.__printed = 0; window.print = function () { window.__printed++; };");
            b.visible(".card.print[data-print=summary] .print-button").click();
            assertThat(((Number) b.js("return window.__printed;")).intValue()).isEqualTo(1);
            // On paper it does not say "shown only on this screen".
            assertThat(b.driver.findElement(By.id("print-area")).getAttribute("textContent"))
                    .contains("Serveren har ikke sendt eller lagret dette").doesNotContain("Vises bare på denne skjermen");
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

            // The remaining steps, each answered once; then the checklist is filled in from them.
            b.choose("next");
            b.atNode("shelter");
            b.choose("arranged");
            b.atNode("police-duty");
            b.choose("told");
            b.atNode("report");
            b.choose("reported");
            b.atNode("child-welfare");
            b.choose("not-applies");
            b.atNode("mot");
            b.choose("done");
            b.atNode("others");
            b.choose("done");
            b.atNode("guidance");
            b.choose("next");
            b.atNode("summary");
            b.choose("duties");
            // Only the duty no step answered is asked: the call to UDI, on one screen.
            b.atNode("duty-udi-ask");
            b.choose("done");
            b.atNode("duties");
            WebElement duties = b.visible(".card.print[data-print=summary]");
            assertThat(duties.getText())
                    .contains("Identifiseringssamtale (4.1): Gjort (svar i trinnet: samtalen er gjennomført)")
                    .contains("Rettighetsinformasjon (4.2): Gjort (svar i trinnet: informasjonen er vist)")
                    .contains("Akutt oppfølging vurdert (4.3): Gjort (svar i trinnet: ikke behov)")
                    .contains("UDIs regionale enhet informert muntlig (4.4): Gjort (svar i sjekklisten)")
                    .contains("Botilbud vurdert med UDI (4.4): Gjort (svar i trinnet: ordnet)")
                    .contains("Avvergingsplikten vurdert (4.5): Gjort (svar i trinnet: plikten gjelder, politiet er varslet)")
                    .contains("Opplysningsplikten til barnevernet (4.7): Ikke aktuelt (svar i trinnet: gjelder ikke)")
                    .contains("Registrert i MOT-portalen (4.8): Gjort (svar i trinnet: registrert)")
                    .contains("Tiltak for andre beboere vurdert (4.9): Gjort (svar i trinnet: tiltak er satt i gang)")
                    .doesNotContain("ikke spurt");
            b.screenshot("script-duties.png");

            // The neutral slip: no word of what the conversation was about.
            b.choose("slip");
            b.atNode("rights-slip");
            b.visible(".card.print[data-print=slip] .print-button").click();
            WebElement area = b.driver.findElement(By.id("print-area"));
            assertThat(area.findElement(By.cssSelector("section[lang=nb]")).getAttribute("textContent"))
                    .contains("Nyttige telefonnumre").contains("22 33 11 60").doesNotContain("menneskehandel");
            WebElement ar = area.findElement(By.cssSelector("section[lang=ar]"));
            assertThat(ar.getAttribute("dir")).isEqualTo("rtl");
            assertThat(ar.getAttribute("textContent")).contains("أرقام هواتف مفيدة").contains("22 33 11 60")
                    .doesNotContain("الاتجار");
            b.printMedia(true);
            b.screenshot("script-slip-print.png");
            byte[] slip = b.pdfA4();
            b.save("script-slip-print.pdf", slip);
            assertThat(ConsoleBrowser.pages(slip)).as("the slip prints on one A4 page").isEqualTo(1);
            byte[] slipA5 = b.pdfA5();
            b.save("script-slip-print-a5.pdf", slipA5);
            assertThat(ConsoleBrowser.pages(slipA5)).as("the slip prints on one A5 page").isEqualTo(1);
            b.printMedia(false);
            b.choose("finish");
            b.atNode("finished");
            assertThat(b.visible("#text-main").getText()).contains("«" + b.visible("#end").getText() + "»");

            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
            assertThat(repo.losen().sessions().size()).isZero();
            assertThat(b.pageErrors()).as("no script errors, nothing refused by the CSP").isEmpty();
        }
    }

    /**
     * A tablet in landscape (1024×768) and upright (768×1024): the top bar is one row with
     * "Log out" on it, the page is the only thing that scrolls (no scrollbar inside it), the
     * strip of steps shows the current step, and nothing is wider than the screen.
     */
    @Test
    void onATabletTheBarIsOneRowOnlyThePageScrollsAndTheStripShowsTheCurrentStep() throws Exception {
        var b = browser;
        try (TestServer repo = repoServer()) {
            startIdentification(repo);
            b.choose("uk");
            b.choose("adult");
            b.choose("yes");
            b.atNode("definition");
            // Through the steps overview, step after step: more passed steps than a strip can show.
            for (String[] step : new String[][] {{"prepare", "prepare"}, {"conduct", "conduct"}, {"rights", "rights"},
                    {"acute", "acute"}, {"udi", "udi"}, {"shelter", "shelter"}, {"police", "police-duty"},
                    {"report", "report"}, {"mot", "mot"}, {"others", "others"}, {"guidance", "guidance"}}) {
                b.choose("steps");
                b.atNode("overview");
                b.choose(step[0]);
                b.atNode(step[1]);
            }
            for (int[] size : new int[][] {{1024, 768}, {768, 1024}}) {
                b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
                String at = size[0] + "x" + size[1];
                b.screenshot("console-tablet-" + at + ".png");
                @SuppressWarnings("unchecked")
                List<Number> bar = (List<Number>) b.js("""
                        var r = function (s) { return document.querySelector(s).getBoundingClientRect(); };
                        return [r('.bar').height, r('.bar h1').top, r('.bar h1').bottom,
                                r('#logout').top, r('#logout').bottom, r('#end').top, r('#logout').right,
                                window.innerWidth];""");
                assertThat(bar.get(0).doubleValue()).as(at + ": the bar is one row").isLessThan(80);
                assertThat(bar.get(3).doubleValue()).as(at + ": «Logg ut» on the bar's row")
                        .isLessThan(bar.get(2).doubleValue());
                assertThat(bar.get(5).doubleValue()).as(at + ": the end button on the same row").isLessThan(bar.get(2).doubleValue());
                assertThat(bar.get(6).doubleValue()).as(at + ": «Logg ut» inside the screen").isLessThanOrEqualTo(bar.get(7).doubleValue());
                assertThat(b.visible("#logout").isDisplayed()).isTrue();
                assertThat(((Number) b.js("return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                        .as(at + ": nothing wider than the screen").isLessThanOrEqualTo(0);
                assertThat((Boolean) b.js("""
                        var all = document.querySelectorAll('body *');
                        for (var i = 0; i < all.length; i++) {
                          var e = all[i], o = getComputedStyle(e).overflowY;
                          if ((o === 'auto' || o === 'scroll') && e.scrollHeight > e.clientHeight + 1) { return true; }
                        }
                        return false;""")).as(at + ": no scrollbar inside the page").isFalse();
                @SuppressWarnings("unchecked")
                List<Number> strip = (List<Number>) b.js("""
                        var c = document.querySelector('#steps .current').getBoundingClientRect();
                        var l = document.querySelector('#steps').getBoundingClientRect();
                        return [c.left, c.right, l.left, l.right];""");
                assertThat(strip.get(0).doubleValue()).as(at + ": the current step in the strip").isGreaterThanOrEqualTo(strip.get(2).doubleValue() - 1);
                assertThat(strip.get(1).doubleValue()).as(at + ": the current step in the strip").isLessThanOrEqualTo(strip.get(3).doubleValue() + 1);
                assertThat(((Number) b.js("var l = document.querySelector('#steps'); return l.scrollWidth - l.clientWidth;"))
                        .intValue()).as(at + ": the strip is longer than the screen (so it had to scroll)").isPositive();
                assertThat(b.accessibilityProblems()).as("axe-core at " + at).isEmpty();
            }
            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
        } finally {
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1180, 820));
        }
    }

    /**
     * A phone upright (360×740, 320×568) during a conversation: "End and erase" and "Log out" — the
     * ways out — are whole on the screen, and nothing is wider than it (the one-row bar was 500 px
     * wide, with "Log out" off the screen: an independent tester).
     */
    @Test
    void onAPhoneEraseAndLogOutAreWholeOnTheScreenAndNothingIsWiderThanIt() throws Exception {
        var b = browser;
        try (TestServer repo = repoServer()) {
            startIdentification(repo);
            b.choose("uk");
            for (int[] size : new int[][] {{360, 740}, {320, 568}}) {
                b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
                String at = size[0] + "x" + size[1];
                b.screenshot("console-phone-" + at + ".png");
                @SuppressWarnings("unchecked")
                List<Number> box = (List<Number>) b.js("""
                        var r = function (s) { return document.querySelector(s).getBoundingClientRect(); };
                        return [r('#end').left, r('#end').right, r('#logout').left, r('#logout').right,
                                document.documentElement.clientWidth, r('.bar').height];""");
                double width = box.get(4).doubleValue();
                assertThat(box.get(0).doubleValue()).as(at + ": «Avslutt og slett» starts on the screen").isGreaterThanOrEqualTo(0);
                assertThat(box.get(1).doubleValue()).as(at + ": «Avslutt og slett» ends on the screen").isLessThanOrEqualTo(width);
                assertThat(box.get(2).doubleValue()).as(at + ": «Logg ut» starts on the screen").isGreaterThanOrEqualTo(0);
                assertThat(box.get(3).doubleValue()).as(at + ": «Logg ut» ends on the screen").isLessThanOrEqualTo(width);
                assertThat(((Number) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                        .intValue()).as(at + ": nothing wider than the screen").isLessThanOrEqualTo(0);
                assertThat(box.get(5).doubleValue()).as(at + ": the bar is two rows at most").isLessThan(120);
            }
            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
        } finally {
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1180, 820));
        }
    }

    /** A server with the repository's content (the identification script) and this class's staff accounts. */
    private static TestServer repoServer() {
        return new TestServer(Config.defaults().withPort(0).withContent(no.losen.Fixtures.REPO)
                .withStaff(server.config().staffUsers(), Duration.ofMinutes(20)));
    }

    /** Logged in as anna on {@code repo}, the identification script started: at its first question. */
    private void startIdentification(TestServer repo) {
        browser.logIn(repo.baseUrl(), "anna", PASSWORD);
        browser.visible("#dialogs button[data-dialog=staff-identification]").click();
        browser.atNode("resident-language");
    }

    /** An unattended tablet: after the idle time the log-in ends, and the page erases the conversation. */
    @Test
    void anIdleConsoleLogsOutAndErasesTheConversation() throws Exception {
        try (TestServer quick = new TestServer(Config.defaults().withPort(0).withContent(CONTENT)
                .withStaff(server.config().staffUsers(), Duration.ofSeconds(2)))) {
            var b = browser;
            b.logIn(quick.baseUrl(), "anna", PASSWORD);
            b.visible("#dialogs button[data-dialog=console-demo]").click();
            b.atNode("language");
            b.choose("ar");
            b.atNode("indicators");
            assertThat(quick.losen().sessions().size()).isEqualTo(1);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                            By.id("status"), "uten aktivitet. Samtalen er slettet."));
            assertThat(b.visible("#login-form").isDisplayed()).isTrue();
            assertThat(quick.losen().sessions().size()).isZero();
            assertThat(b.driver.findElement(By.id("text-main")).getAttribute("textContent")).isEmpty();
        }
    }

    /**
     * Two tabs on one conversation (a duplicated tab copies the token): the other tab moves it on,
     * and this one, still at the check list, confirms it. The server does not know that choice at
     * the node the conversation is at now; the console catches up as after a reload, shows that
     * node and says why (it had shown "Noe gikk galt. Prøv igjen." and stayed stale: the staff
     * tester's 9).
     */
    @Test
    void aStaleTabCatchesUpWithWhereTheConversationIsNow() {
        var b = browser;
        b.logIn(server.baseUrl(), "anna", PASSWORD);
        b.visible("#dialogs button[data-dialog=console-demo]").click();
        b.atNode("language");
        b.choose("ar");
        b.atNode("indicators");
        String first = b.driver.getWindowHandle();
        String saved = (String) b.js("return sessionStorage.getItem('losen.console');");
        b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        try {
            b.driver.get(server.baseUrl() + "/staff");
            b.js("sessionStorage.setItem('losen.console', arguments[0]);", saved);
            b.driver.navigate().refresh();
            b.atNode("indicators");
            b.tick("debt");
            b.atNode("words");
        } finally {
            b.driver.close();
            b.driver.switchTo().window(first);
        }
        // This tab still shows the check list; confirming it is not a step of where the conversation is.
        assertThat(b.driver.findElement(By.id("conversation")).getAttribute("data-node")).isEqualTo("indicators");
        b.visible("#checklist-done").click();
        b.atNode("words");
        assertThat(b.visible("#notice").getText()).contains("Samtalen ble endret et annet sted")
                .contains("trinnet den står på nå").doesNotContain("Noe gikk galt");
        // And it goes on from there.
        b.choose("says");
        b.atNode("note");
        b.visible("#end").click();
        b.visible("#end").click();
        b.visible("#ended");
        assertThat(b.pageErrors()).as("no script errors").isEmpty();
    }

    /**
     * A choice node revisited from the steps overview marks the answer given there before, as a
     * check list shows its ticks (the staff tester's 11a: the employee could not see what they were
     * changing); a node never answered marks nothing.
     */
    @Test
    void aChoiceRevisitedFromTheStepsMarksTheAnswerGivenBefore() throws Exception {
        var b = browser;
        try (TestServer repo = repoServer()) {
            startIdentification(repo);
            b.choose("ar");
            b.atNode("age");
            assertThat(b.all("#choices button.chosen")).as("not answered yet").isEmpty();
            b.choose("minor-suspected");
            b.atNode("children");
            b.choose("no");
            b.atNode("definition");
            b.choose("steps");
            b.atNode("overview");
            b.choose("start");
            b.atNode("age");
            List<WebElement> chosen = b.all("#choices button.chosen");
            assertThat(chosen).hasSize(1);
            assertThat(chosen.get(0).getAttribute("data-choice")).isEqualTo("minor-suspected");
            assertThat(chosen.get(0).getText()).contains("Svaret som gjelder nå");
            b.screenshot("script-revisited-choice.png");
            assertThat(b.accessibilityProblems()).as("axe-core on a revisited choice").isEmpty();
            // Changed here: the next visit marks the new answer.
            b.choose("adult");
            b.atNode("children");
            assertThat(b.all("#choices button.chosen").stream().map(e -> e.getAttribute("data-choice"))).containsExactly("no");
            b.choose("no");
            b.atNode("definition");
            b.choose("steps");
            b.choose("start");
            b.atNode("age");
            assertThat(b.all("#choices button.chosen").stream().map(e -> e.getAttribute("data-choice"))).containsExactly("adult");
            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
        }
    }

    /**
     * The printed slip: in the Arabic column the web address is isolated left to right like the
     * phone numbers and stays whole on one line (it broke as "https://rosa-" / "help.no": the staff
     * tester's 11c); the resident's column carries no Norwegian "draft translation" badge on paper
     * (11d), though staff still see it on screen; and a Tigrinya slip has its Ethiopic font from the
     * server, so a PC without one prints letters, not empty boxes (11f).
     */
    @Test
    void theSlipKeepsItsAddressWholeLeavesTheDraftBadgeOffThePaperAndBringsAnEthiopicFont() throws Exception {
        var b = browser;
        try (TestServer repo = repoServer()) {
            startIdentification(repo);
            b.choose("ar");
            b.choose("adult");
            b.choose("no");
            b.atNode("definition");
            b.choose("steps");
            b.choose("slip");
            b.atNode("rights-slip");
            assertThat(b.visible("#text-alt").getText()).as("on screen, staff see the draft mark").contains("Utkast til oversettelse");
            b.js("window.print = function () {};");
            b.visible(".card.print[data-print=slip] .print-button").click();
            WebElement ar = b.driver.findElement(By.cssSelector("#print-area section[lang=ar]"));
            WebElement url = ar.findElement(By.cssSelector("bdi[dir=ltr].url > a[href='https://rosa-help.no']"));
            assertThat(url.getAttribute("textContent")).isEqualTo("https://rosa-help.no");
            b.printMedia(true);
            assertThat(b.driver.findElement(By.id("print-area")).getText()).as("no draft badge on paper")
                    .doesNotContain("Utkast til oversettelse").doesNotContain("ikke kontrollert av et menneske");
            assertThat(ar.findElements(By.cssSelector(".draft"))).isEmpty();
            // However narrow the column, the address is one piece on one line.
            try {
                for (int width = 360; width <= 900; width += 30) {
                    b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    assertThat(((Number) b.js("return arguments[0].getClientRects().length;", url)).intValue())
                            .as("the address on one line at " + width + " px").isEqualTo(1);
                }
            } finally {
                b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1180, 820));
            }
            b.screenshot("script-slip-ar-print.png");
            b.printMedia(false);

            // Tigrinya: the page's own Ethiopic font is loaded for the slip.
            b.visible("#restart").click();
            b.atNode("resident-language");
            b.choose("ti");
            b.choose("adult");
            b.choose("no");
            b.atNode("definition");
            b.choose("steps");
            b.choose("slip");
            b.atNode("rights-slip");
            b.js("window.print = function () {};");
            b.visible(".card.print[data-print=slip] .print-button").click();
            b.printMedia(true);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> (Boolean) b.js("""
                    return Array.from(document.fonts).some(function (f) {
                      return f.family.replace(/["']/g, '') === 'Losen Noto Sans Ethiopic' && f.status === 'loaded';
                    });"""));
            assertThat((Boolean) b.js("return document.fonts.check('16px \"Losen Noto Sans Ethiopic\"', 'ሰላም');")).isTrue();
            assertThat((String) b.js("return getComputedStyle(document.querySelector('#print-area section[lang=ti]')).fontFamily;"))
                    .startsWith("\"Losen Noto Sans Ethiopic\"");
            b.screenshot("script-slip-ti-print.png");
            b.printMedia(false);
            b.visible("#end").click();
            b.visible("#end").click();
            b.visible("#ended");
            assertThat(b.pageErrors()).as("no script errors, nothing refused by the CSP").isEmpty();
        }
    }

    /**
     * The console's words take their plural form from the translations (ICU, as the dialogs'):
     * "logget ut etter 1 minutt", not "1 minutter" (the staff tester's 11e), in both console languages.
     */
    @Test
    void theIdleMessageSaysOneMinuteInTheSingular() {
        var b = browser;
        b.driver.get(server.baseUrl() + "/staff");
        b.visible("#login-name");
        assertThat((String) b.js("return LosenConsole.words('console.login.idle', {minutes: 1});"))
                .contains("etter 1 minutt uten aktivitet");
        assertThat((String) b.js("return LosenConsole.words('console.login.idle', {minutes: 20});"))
                .contains("etter 20 minutter uten aktivitet");
        new org.openqa.selenium.support.ui.Select(b.visible("#console-lang")).selectByValue("en");
        b.textAppears("#login-form button[type=submit]", "Log in");
        assertThat((String) b.js("return LosenConsole.words('console.login.idle', {minutes: 1});"))
                .contains("after 1 minute without activity");
        assertThat((String) b.js("return LosenConsole.words('console.login.idle', {minutes: 20});"))
                .contains("after 20 minutes without activity");
        new org.openqa.selenium.support.ui.Select(b.visible("#console-lang")).selectByValue("nb");
        b.textAppears("#login-form button[type=submit]", "Logg inn");
    }

    private void tick(String id) {
        browser.visible("#choices input[value='" + id + "']").findElement(By.xpath("..")).click();
    }

    private boolean checked(String id) {
        return browser.visible("#choices input[value='" + id + "']").isSelected();
    }
}
