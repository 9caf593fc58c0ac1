package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Card;
import no.losen.dialog.Command;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsRendererTest {

    @TempDir
    Path dir;

    @Test
    void choicesAreNumberedLinesWithHowToAnswerLast() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Reply hello = e.start("demo", "nb", false).reply();
        assertThat(r.render(hello, false)).isEqualTo("""
                Hei! Hva gjelder det?
                1 Jeg er voksen
                2 Jeg er under 18
                3 Tegn
                4 Jeg trenger hjelp nå
                Svar med et tall.""");
    }

    @Test
    void talkToAPersonIsOneMoreNumberAfterTheChoicesButNeverOnACheckList() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Engine.Turn t = e.start("demo", "nb", false);
        assertThat(String.join("\n", r.blocks(t.reply(), false, "Snakk med et menneske"))).endsWith("""
                4 Jeg trenger hjelp nå
                5 Snakk med et menneske
                Svar med et tall.""");
        Reply signs = e.apply(t.session(), no.losen.dialog.Command.Choose.one("signs")).reply();
        assertThat(signs.multi()).isTrue();
        assertThat(r.blocks(signs, true, "Snakk med et menneske")).isEqualTo(r.blocks(signs, true));
        assertThat(r.blocks(t.reply(), false, null)).isEqualTo(r.blocks(t.reply(), false));
    }

    @Test
    void aContactTheTextAlreadyNamesIsNotRepeatedAndBackIsOfferedAfterTheFirstNode() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Engine.Turn t = e.start("demo", "nb", false);
        Reply health = e.apply(t.session(), no.losen.dialog.Command.Choose.one("adult")).reply();
        String text = r.render(health, true);
        assertThat(text).contains("Ring ROSA på 22 33 11 60.").doesNotContain("ROSA: 22 33 11 60")
                .contains("1 Skriv et notat").endsWith("0 = tilbake.");
        assertThat(Segments.count(text).encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void theSmsChannelSendsTheShortFormOfATextAndALabelAndTheWebEngineNeverDoes() throws Exception {
        Path root = SmsFixture.root(dir);
        Path nb = root.resolve("translations/demo/nb.yaml");
        Files.writeString(nb, Files.readString(nb) + "  demo.health.sms: Helsehjelp.\n  demo.note.sms: Notat\n");
        Loaded l = ContentLoader.load(root);
        assertThat(l.errors()).isEmpty();
        Engine web = new Engine(l.set(), Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(l.set().translations()));
        SmsConversation sms = new SmsConversation(SmsFixture.steps(web, new MemorySessionStore(Duration.ofMinutes(5), 10)),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "demo");

        SmsConversation.Outcome started = sms.step(null, "norsk");
        List<String> health = sms.step(started.keep(), "1").blocks();
        assertThat(String.join("\n", health)).isEqualTo("""
                Helsehjelp.
                Ring ROSA på 22 33 11 60.
                1 Notat
                2 Bare for voksne
                3 Jeg trenger hjelp nå
                Svar med et tall. 0 = tilbake.""");

        Reply onTheWeb = web.apply(web.start("demo", "nb", false).session(), Command.Choose.one("adult")).reply();
        assertThat(onTheWeb.text()).startsWith("Du kan få helsehjelp.");
        assertThat(r.render(onTheWeb, true)).contains("1 Skriv et notat").doesNotContain("Notat\n");
    }

    @Test
    void anEndNodeSaysHowToStartAgainOrErase() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Engine.Turn t = e.start("demo", "nb", false);
        Reply emergency = e.apply(t.session(), no.losen.dialog.Command.Choose.one("help-now")).reply();
        assertThat(r.render(emergency, true)).isEqualTo("Ring 112.\nROSA: 22 33 11 60\n"
                + "Svar MENY for å begynne på nytt, STOPP for å slette samtalen.");
    }

    @Test
    void aSearchAnswerNamesItsSourceAndFitsInTwoSegments() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        String passage = "Personer uten lovlig opphold har rett til helsehjelp som er helt nødvendig og ikke kan vente. "
                .repeat(4);
        Card.Search card = new Card.Search("Fra håndboka", "Sjekk.", List.of(new Card.Hit("sarbare-migranter-handbok",
                "Sosialt arbeid med sårbare migranter", "4.2", passage)));
        String answer = r.search(card, "nb");
        assertThat(Segments.count(answer).segments()).isLessThanOrEqualTo(2);
        assertThat(answer).startsWith("Personer uten lovlig opphold")
                .endsWith("...\nKilde: Sosialt arbeid med sårbare migranter 4.2");
    }

    @Test
    void theLanguageMenuNamesEachLanguageInItself() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        assertThat(r.menu(List.of("nb", "en", "ar"), Map.of())).isEqualTo("""
                Velg språk / Choose language
                1 Norsk bokmål
                2 English
                3 العربية""");
    }

    @Test
    void theLanguageMenuOpensWithTheEmergencyNumbersAPersonInDangerMayNotGetPast() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        assertThat(r.menu(List.of("nb", "en"), Map.of("police", "112", "ambulance", "113")))
                .startsWith("SOS: 112 / 113\nVelg språk / Choose language\n1 Norsk bokmål");
    }
}
