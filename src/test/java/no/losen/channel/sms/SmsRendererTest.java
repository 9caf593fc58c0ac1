package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Card;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsRendererTest {

    @TempDir
    Path dir;

    @Test
    void choices_are_numbered_lines_with_how_to_answer_last() {
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
    void contact_cards_are_one_line_and_back_is_offered_after_the_first_node() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Engine.Turn t = e.start("demo", "nb", false);
        Reply health = e.apply(t.session(), no.losen.dialog.Command.Choose.one("adult")).reply();
        String text = r.render(health, true);
        assertThat(text).contains("ROSA: 22 33 11 60").contains("1 Skriv et notat").endsWith("0 = tilbake.");
        assertThat(Segments.count(text).encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void an_end_node_says_how_to_start_again_or_erase() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        Engine.Turn t = e.start("demo", "nb", false);
        Reply emergency = e.apply(t.session(), no.losen.dialog.Command.Choose.one("help-now")).reply();
        assertThat(r.render(emergency, true)).isEqualTo("Ring 112.\nROSA: 22 33 11 60\n"
                + "Svar MENY for å begynne på nytt, STOPP for å slette samtalen.");
    }

    @Test
    void a_search_answer_names_its_source_and_fits_in_two_segments() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        String passage = "Personer uten lovlig opphold har rett til helsehjelp som er helt nødvendig og ikke kan vente. "
                .repeat(4);
        Card card = Card.search("Fra håndboka", "Sjekk.", List.of(new Card.Hit("sarbare-migranter-handbok",
                "Sosialt arbeid med sårbare migranter", "4.2", passage)));
        String answer = r.search(card, "nb");
        assertThat(Segments.count(answer).segments()).isLessThanOrEqualTo(2);
        assertThat(answer).startsWith("Personer uten lovlig opphold")
                .endsWith("...\nKilde: Sosialt arbeid med sårbare migranter 4.2");
    }

    @Test
    void the_language_menu_names_each_language_in_itself() {
        Engine e = SmsFixture.engine(dir, Map.of());
        SmsRenderer r = new SmsRenderer(new SmsTexts(e.dialogs().translations()));
        assertThat(r.menu(List.of("nb", "en", "ar"))).isEqualTo("""
                Velg språk / Choose language
                1 Norsk bokmål
                2 English
                3 العربية""");
    }
}
