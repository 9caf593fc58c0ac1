package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Card;
import no.losen.dialog.Engine;
import no.losen.dialog.TextAction;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMS conversation without HTTP: one phone, message by message. */
class SmsConversationTest {

    private static final String PHONE = "+4791234567";

    @TempDir
    Path dir;

    private MemorySessionStore store;
    private SmsConversation sms;
    private int id;

    private void open(Map<String, TextAction> actions) {
        Engine engine = SmsFixture.engine(dir, actions);
        store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
        sms = new SmsConversation(SmsFixture.steps(engine, store), new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)),
                "demo");
    }

    private String send(String text) {
        return String.join("\n---\n", sms.handle("test", new Inbound(PHONE, "2222", text, "m" + (++id))).await());
    }

    @Test
    void firstContactGetsTheLanguageMenuAndStoresNothing() {
        open(Map.of());
        assertThat(send("Hei")).startsWith("Velg språk / Choose language\n1 Norsk bokmål\n2 English\n3 العربية");
        assertThat(store.size()).isZero();
    }

    @Test
    void aNumberFromTheMenuStartsTheDialogInThatLanguage() {
        open(Map.of());
        send("Hei");
        assertThat(send("2")).startsWith("Hello! What is it about?\n1 I am an adult");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void namingALanguageAtFirstContactStartsInItAtOnce() {
        open(Map.of());
        assertThat(send("norsk")).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void choicesAreTakenByNumberOrByTheirWords() {
        open(Map.of());
        send("1");
        assertThat(send("1")).startsWith("Du kan få helsehjelp.");
        send("0");
        assertThat(send("jeg er voksen")).startsWith("Du kan få helsehjelp.");
    }

    @Test
    void aNumberThatIsNotAChoiceIsAskedAgainPolitelyWithTheChoices() {
        open(Map.of());
        send("1");
        String reply = send("7");
        assertThat(reply).startsWith("Det tallet er ikke et valg her. Svar med et tall fra 1 til 4.\nHei! Hva gjelder det?")
                .contains("1 Jeg er voksen");
        assertThat(send("1 2")).startsWith("Det tallet er ikke et valg her.");
        assertThat(send("1")).startsWith("Du kan få helsehjelp.");
    }

    @Test
    void zeroAndTheBackKeywordGoBackOneStep() {
        open(Map.of());
        send("1");
        send("1");
        assertThat(send("0")).startsWith("Hei! Hva gjelder det?");
        send("1");
        assertThat(send("TILBAKE")).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void onACheckListNumbersTickAndZeroTicksNothing() {
        open(Map.of());
        send("1");
        assertThat(send("3")).startsWith("Kryss av det som passer.\n1 Gjeld\n2 Passet er tatt")
                .endsWith("Svar med tallene som passer, f.eks. 1 3. Svar 0 hvis ingen passer.");
        assertThat(send("1 2")).startsWith("Tegn: Gjeld; Passet er tatt");
        send("0");
        assertThat(send("0")).startsWith("Tegn: ingen\nLapp\nROSA: 22 33 11 60");
        send("0");
        assertThat(send("9")).startsWith("Det tallet er ikke et valg her. Svar med et tall fra 1 til 2.");
    }

    @Test
    void menuStartsOverInTheSameLanguage() {
        open(Map.of());
        send("1");
        send("1");
        assertThat(send("meny")).startsWith("Hei! Hva gjelder det?").endsWith("Svar med et tall.");
    }

    @Test
    void aLanguageNameSwitchesLanguageAndKeepsThePlace() {
        open(Map.of());
        send("1");
        send("1");
        assertThat(send("English")).startsWith("You can get health care.");
        assertThat(send("ar")).contains("22 33 11 60").endsWith("أرسل رقمًا. 0 = رجوع.");
    }

    @Test
    void helpExplainsInTheKeywordsLanguageOrTheSessions() {
        open(Map.of());
        assertThat(send("HJELP")).startsWith("Losen gir informasjon om rettighetene dine.");
        assertThat(send("help")).startsWith("Losen gives information about your rights.");
        send("3");
        assertThat(send("help")).startsWith("لوسن يعطيك معلومات");
    }

    @Test
    void stopErasesTheSessionAndConfirmsInOneLine() {
        open(Map.of());
        send("1");
        send("1");
        assertThat(store.size()).isEqualTo(1);
        String reply = send("Stopp");
        assertThat(reply).isEqualTo("Samtalen er slettet. Skriv når som helst for å begynne på nytt.").doesNotContain("\n");
        assertThat(store.size()).isZero();
        assertThat(send("1")).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void aMessageFromBeforeStopRetriedAfterItDoesNothing() {
        open(Map.of());
        Inbound menu = new Inbound(PHONE, "2222", "Hei", "before-1");
        Inbound language = new Inbound(PHONE, "2222", "1", "before-2");
        sms.handle("test", menu).await();
        assertThat(sms.handle("test", language).await().get(0)).startsWith("Hei! Hva gjelder det?");
        send("STOPP");
        assertThat(store.size()).isZero();
        assertThat(sms.handle("test", language).await()).as("no reply, no new conversation").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aRetriedMessageIdGetsTheSameReplyAndMovesTheDialogOnce() {
        open(Map.of());
        send("1");
        Inbound choose = new Inbound(PHONE, "2222", "1", "retry-me");
        List<String> first = sms.handle("test", choose).await();
        List<String> again = sms.handle("test", choose).await();
        assertThat(again).isEqualTo(first);
        // Had the retry moved the dialog, "1" at the health node would have opened the note.
        assertThat(send("0")).startsWith("Hei! Hva gjelder det?");
    }

    @Test
    void theSameIdFromAnotherPhoneIsAnotherMessage() {
        open(Map.of());
        List<String> a = sms.handle("test", new Inbound(PHONE, "2222", "1", "same")).await();
        List<String> b = sms.handle("test", new Inbound("+4799999999", "2222", "Hei", "same")).await();
        assertThat(a.get(0)).startsWith("Hei! Hva gjelder det?");
        assertThat(b.get(0)).startsWith("Velg språk");
    }

    @Test
    void freeTextGoesToTheHandbookSearchAndIsAnsweredInTwoSegmentsWithItsSource() {
        String passage = "Personer uten lovlig opphold har rett til helsehjelp som er helt nødvendig og ikke kan vente. "
                .repeat(5);
        TextAction search = (text, lang) -> List.of(new Card.Hit("sarbare-migranter-handbok",
                "Sosialt arbeid med sårbare migranter", null, passage));
        open(Map.of("search", search));
        send("1");
        String answer = send("hva med tannlege uten papirer");
        assertThat(answer).startsWith("Personer uten lovlig opphold").endsWith("Kilde: Sosialt arbeid med sårbare migranter");
        assertThat(Segments.count(answer).segments()).isLessThanOrEqualTo(2);
    }

    @Test
    void freeTextWithoutASearchAsksToChoose() {
        open(Map.of());
        send("1");
        assertThat(send("hva med tannlege")).startsWith("Velg ett av disse.\nHei! Hva gjelder det?");
    }

    @Test
    void anOverlongMessageIsAnsweredNotRefused() {
        open(Map.of());
        send("1");
        assertThat(send("x".repeat(1200))).isEqualTo("Meldingen er for lang. Skriv kortere, eller svar med et tall.");
    }

    @Test
    void aSessionWhoseNodeIsGoneIsDroppedAndThePhoneStartsAfresh() {
        open(Map.of());
        no.losen.dialog.Session stale = new no.losen.dialog.Session("demo", "removed-node", "nb", Map.of(), List.of(), false);
        SmsConversation.Outcome menu = sms.step(stale, "hei");
        assertThat(menu.erase()).isTrue();
        assertThat(menu.blocks().get(0)).startsWith("Velg språk");
        SmsConversation.Outcome restarted = sms.step(stale, "1");
        assertThat(restarted.keep().node()).isEqualTo("hello");
    }

    @Test
    void aStaffDialogIsNeverStartedOverSms() {
        Engine engine = SmsFixture.engine(dir, Map.of());
        SmsConversation staff = new SmsConversation(SmsFixture.steps(engine, new MemorySessionStore(Duration.ofMinutes(1), 10)),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "demo-staff");
        assertThat(staff.ready()).isFalse();
        assertThat(new SmsConversation(SmsFixture.steps(engine, new MemorySessionStore(Duration.ofMinutes(1), 10)),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "demo").ready()).isTrue();
    }

    @Test
    void arabicAndPersianDigitsCountAsNumbers() {
        open(Map.of());
        assertThat(send("٣")).startsWith("مرحبا");
        assertThat(send("١")).startsWith("You can get health care.");
        assertThat(send("۹")).startsWith("هذا الرقم ليس خيارًا هنا.");
        assertThat(send("٠")).startsWith("مرحبا");
    }

    @Test
    void askingForAPersonIsTheKeywordInAnyLanguageOrTheNumberAfterTheChoicesWhileSomeoneAnswers() {
        open(Map.of());
        send("1");
        no.losen.dialog.Session s = store.get("sms:" + new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8))
                .of(PHONE)).await().orElseThrow();
        assertThat(sms.step(s, "5", SmsTalk.Offer.ON, false).talk()).isTrue();
        assertThat(sms.step(s, "5", SmsTalk.Offer.CLOSED, false).talk()).isFalse();   // no such line outside hours
        assertThat(sms.step(s, "PERSON", SmsTalk.Offer.CLOSED, false).talk()).isTrue();   // the contacts follow
        assertThat(sms.step(s, "شخص", SmsTalk.Offer.ON, false).talk()).isTrue();
        assertThat(sms.step(s, "person", SmsTalk.Offer.OFF, false).talk()).isFalse();
        assertThat(sms.step(s, "4", SmsTalk.Offer.ON, false).talk()).isFalse();   // the dialog's own last choice
        // Quick exit erases only while the phone waits for or talks to a person.
        assertThat(sms.step(s, "x", SmsTalk.Offer.ON, true).erase()).isTrue();
        assertThat(sms.step(s, "x", SmsTalk.Offer.ON, false).erase()).isFalse();
    }
}
