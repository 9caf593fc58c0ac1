package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first SMS from a phone over the bundled {@code rights} dialog: before any language is chosen,
 * danger gets emergency help at once and every menu names the numbers to call.
 */
class SmsFirstContactTest {

    private static Loaded loaded;
    private static no.losen.intent.Recogniser intents;
    private static Engine engine;
    private MemorySessionStore store;
    private SmsConversation sms;
    private int id;

    @BeforeAll
    static void train() {
        loaded = ContentLoader.load(ContentLoader.bundled());
        intents = no.losen.intent.Recogniser.train(loaded.set());
        engine = new Engine(loaded.set(), Map.of(), intents);
    }

    @BeforeEach
    void open() {
        store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
        sms = new SmsConversation(SmsFixture.steps(engine, store),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "rights");
    }

    private String send(String text) {
        return String.join("\n---\n", sms.handle("test", new Inbound("+4791234567", "2222", text, "m" + (++id))).await());
    }

    @Test
    void aFirstMessageAboutDangerGetsTheEmergencyNumbersAtOnceInItsLanguage() {
        assertThat(send("he is outside my door and says he will kill me")).startsWith("In danger now? Call 112")
                .contains("112").contains("113");
        assertThat(store.size()).as("the session goes on in English").isEqualTo(1);
    }

    @Test
    void aCryAtTheEndOfAMessageTooLongToAnswerStillGetsTheEmergencyHelp() {
        String story = "I have a question about the rules for work permits and the papers I need. ".repeat(15);
        assertThat(send(story + "Now he is outside my door and says he will kill me")).startsWith("In danger now? Call 112");
        assertThat(store.size()).as("the conversation goes on at the emergency help, in English").isEqualTo(1);
        assertThat(send(story)).as("once there, a long text with no danger is too long")
                .isEqualTo("The message is too long. Write less, or reply with a number.");
    }

    @Test
    void aLongFirstMessageWithNoDangerGetsTheLanguageMenuUnderTheNumbersAndStartsNothing() {
        String story = "I have a question about the rules for work permits and the papers I need. ".repeat(15);
        assertThat(send(story)).startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål");
        assertThat(store.size()).isZero();
    }

    @Test
    void aCryLaterInTheConversationIsAnsweredWithTheEmergencyHelpNotWithAHandbookPassage() {
        // On the web the handbook's answer comes below the emergency help; a text message is the help alone.
        no.losen.dialog.TextAction search = (text, lang) -> java.util.List.of(new no.losen.dialog.Card.Hit(
                "sarbare-migranter-handbok", "Sosialt arbeid med sårbare migranter", null, "Vold i nære relasjoner er straffbart."));
        sms = new SmsConversation(SmsFixture.steps(new Engine(loaded.set(), Map.of("search", search), intents), store),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "rights");
        send("3");   // English, from the menu
        assertThat(send("he came back and he has a knife, he says he will kill me")).startsWith("In danger now? Call 112")
                .doesNotContain("Vold i nære relasjoner");
    }

    @Test
    void aConversationStartedByDangerIsLoggedAsAnyOtherIs() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(PhoneTurns.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            send("he is outside my door and says he will kill me");
            send("3");
        } finally {
            log.detachAppender(lines);
            log.setLevel(null);
        }
        // Timed to the millisecond, "reason=danger" told anyone with the SMS provider's records which number wrote about danger.
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .containsExactly("event=session.start channel=sms dialog=rights lang=en");
    }

    @Test
    void inArabicToo() {
        assertThat(send("زوجي يقول انه سيقتلني الليلة")).startsWith("في خطر؟ اتصل: 112");
    }

    // Somali has no letter English lacks, and Polish is often typed without its diacritics: the
    // language is recognised from the dialog's examples (LanguageGuess), not from its letters.
    @Test
    void aSomaliMessageIsAnsweredInSomaliNotInEnglish() {
        assertThat(send("ninkaygu wuu i garaacayaa hadda wuxuu leeyahay waan ku dili doonaa")).startsWith(firstLine("so"));
    }

    @Test
    void aPolishMessageTypedWithoutDiacriticsIsAnsweredInPolish() {
        assertThat(send("on stoi pod drzwiami i mowi ze mnie zabije dzisiaj")).startsWith(firstLine("pl"));
    }

    /** How the emergency answer opens in {@code lang}: its text up to the first number. */
    private static String firstLine(String lang) {
        String text = engine.dialogs().translations().keys(lang).get("common.emergency.sms").text();
        return text.substring(0, text.indexOf('{'));
    }

    @Test
    void aNorwegianMessageIsAnsweredInNorwegian() {
        assertThat(send("han står utenfor døra og sier han skal drepe meg")).startsWith("I fare nå? Ring 112");
    }

    @Test
    void anythingElseFirstGetsTheLanguageMenuWhichOpensWithTheEmergencyNumbers() {
        assertThat(send("hei")).startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål");
        assertThat(store.size()).isZero();
    }

    @Test
    void helpNamesTheEmergencyNumbersFirst() {
        assertThat(send("HJELP")).startsWith("Fare nå? Ring 112 (politi) eller 113 (ambulanse).\nLosen gir informasjon");
        assertThat(send("help")).startsWith("In danger now? Call 112 (police) or 113 (ambulance).");
    }
}
