package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.channel.sms.SmsTexts;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies as WhatsApp messages, with the repository's real words. */
class WhatsAppRendererTest {

    private static WhatsAppRenderer renderer;

    @BeforeAll
    static void load() {
        renderer = new WhatsAppRenderer(new SmsTexts(ContentLoader.load(Path.of(".")).set().translations()));
    }

    private static Reply reply(String lang, String text, List<Reply.Option> choices, boolean multi, List<Card> cards, boolean end) {
        Reply.Builder r = Reply.at("d", "n", lang, "ltr").text(text).choices(choices).cards(cards).end(end);
        return multi ? r.checklist(List.of()).build() : r.build();
    }

    private static List<Reply.Option> options(String... labels) {
        List<Reply.Option> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(new Reply.Option("o" + (i + 1), labels[i]));
        }
        return out;
    }

    private static JsonObject interactive(JsonObject m) {
        assertThat(m.getString("type")).isEqualTo("interactive");
        return m.getJsonObject("interactive");
    }

    @Test
    void upToThreeShortChoicesAreReplyButtonsWithTheTextAsBody() {
        List<JsonObject> out = renderer.node(reply("nb", "Er du over 18?", options("Ja", "Nei"), false, List.of(), false), null, true);
        JsonObject i = interactive(out.get(0));
        assertThat(out).hasSize(1);
        assertThat(i.getString("type")).isEqualTo("button");
        assertThat(i.getJsonObject("body").getString("text")).isEqualTo("Er du over 18?");
        assertThat(i.getJsonObject("footer").getString("text")).isEqualTo("Svar 0 for å gå tilbake.");
        assertThat(i.getJsonObject("action").getJsonArray("buttons").getJsonObject(1).getJsonObject("reply").encode())
                .isEqualTo("{\"id\":\"c:o2\",\"title\":\"Nei\"}");
    }

    @Test
    void aLabelOverTwentyCharactersTakesItsShortFormElseTheChoicesBecomeAList() {
        Reply full = reply("en", "What now?", options("Yes", "I would rather not answer that"), false, List.of(), false);
        Reply shorter = reply("en", "What now?", options("Yes", "Skip"), false, List.of(), false);
        JsonObject buttons = interactive(renderer.node(full, shorter, false).get(0));
        assertThat(buttons.getString("type")).isEqualTo("button");
        assertThat(buttons.getJsonObject("action").getJsonArray("buttons").getJsonObject(1).getJsonObject("reply")
                .getString("title")).isEqualTo("Skip");
        assertThat(buttons.containsKey("footer")).as("nothing to go back to").isFalse();

        JsonObject list = interactive(renderer.node(full, null, false).get(0));
        assertThat(list.getString("type")).isEqualTo("list");
        JsonObject row = list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
                .getJsonObject(1);
        assertThat(row.getString("title")).isEqualTo("I would rather not…").hasSizeLessThanOrEqualTo(WhatsAppRenderer.ROW_TITLE);
        assertThat(row.getString("description")).isEqualTo("I would rather not answer that");
    }

    @Test
    void fourToTenChoicesAreAListAndMoreAreNumberedLines() {
        String[] ten = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        JsonObject list = interactive(renderer.node(reply("en", "Pick", options(ten), false, List.of(), false), null, false).get(0));
        assertThat(list.getString("type")).isEqualTo("list");
        assertThat(list.getJsonObject("action").getString("button")).isEqualTo("Choose");
        assertThat(list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")).hasSize(10);

        String[] eleven = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
        List<JsonObject> text = renderer.node(reply("en", "Pick", options(eleven), false, List.of(), false), null, true);
        assertThat(text).singleElement().satisfies(m -> assertThat(m.getJsonObject("text").getString("body"))
                .isEqualTo("Pick\n\n1 a\n2 b\n3 c\n4 d\n5 e\n6 f\n7 g\n8 h\n9 i\n10 j\n11 k\nReply with a number. 0 = back."));
    }

    @Test
    void aCheckListIsNumberedBecauseWhatsappHasNoMultipleChoice() {
        List<JsonObject> out = renderer.node(reply("en", "Which?", options("x", "y"), true, List.of(), false), null, false);
        assertThat(out.get(0).getJsonObject("text").getString("body"))
                .isEqualTo("Which?\n\n1 x\n2 y\nReply with the numbers that fit, e.g. 1 3. Reply 0 if none fit.");
    }

    @Test
    void aTextTooLongForAButtonsBodyGoesFirstAsTextAndOver4096IsSplitAtParagraphs() {
        String para = "Avsnitt. ".repeat(100).strip();   // 899 characters
        String text = String.join("\n\n", para, para, para, para, para, para);
        List<JsonObject> out = renderer.node(reply("nb", text, options("Ja", "Nei"), false, List.of(), false), null, false);
        assertThat(out).hasSize(3);
        String first = out.get(0).getJsonObject("text").getString("body");
        String second = out.get(1).getJsonObject("text").getString("body");
        assertThat(first).hasSizeLessThanOrEqualTo(WhatsAppRenderer.MAX_TEXT).isEqualTo(String.join("\n\n", para, para, para, para));
        assertThat(second).isEqualTo(para + "\n\n" + para);
        // The body has to be short: "choose one of these", with the buttons.
        assertThat(interactive(out.get(2)).getJsonObject("body").getString("text")).isEqualTo("Velg ett av disse.");
    }

    @Test
    void splitKeepsEveryCharacterAndCutsAtTheBestBreak() {
        String words = "ord ".repeat(2000).strip();
        List<String> parts = WhatsAppRenderer.split(words, 4096);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join(" ", parts)).isEqualTo(words);
        assertThat(WhatsAppRenderer.split("a\n\nb", 4096)).containsExactly("a\n\nb");
    }

    @Test
    void contactsAreLinesWithAnInternationalNumberATapCanCall() {
        Card rosa = new Card.Contact("rosa", "ROSA", null, "22 33 11 60", "+4722331160", null, null, null);
        Card police = new Card.Contact("police", "Politiet", null, "112", "112", null, null, null);
        List<JsonObject> out = renderer.node(reply("nb", "Ring 112 eller ROSA på 22 33 11 60.", List.of(), false,
                List.of(rosa, police), true), null, false);
        assertThat(out.get(0).getJsonObject("text").getString("body")).isEqualTo("Ring 112 eller ROSA på 22 33 11 60.\n\n"
                + "ROSA: +47 22 33 11 60\n\nSvar MENY for å begynne på nytt, STOPP for å slette samtalen.");
    }

    @Test
    void theLanguageMenuIsButtonsOrAListWhenTenOrFewerLanguagesAreOffered() {
        assertThat(interactive(renderer.menu(List.of("nb", "en"), Map.of()).get(0)).getString("type")).isEqualTo("button");
        JsonObject list = interactive(renderer.menu(List.of("nb", "en", "ar", "fa"), Map.of()).get(0));
        assertThat(list.getString("type")).isEqualTo("list");
        assertThat(list.getJsonObject("body").getString("text")).isEqualTo("Velg språk / Choose language");
        JsonObject withSos = interactive(renderer.menu(List.of("nb", "en"), Map.of("police", "112", "ambulance", "113")).get(0));
        assertThat(withSos.getJsonObject("body").getString("text")).as("a person in danger may get no further")
                .isEqualTo("SOS: 112 / 113\nVelg språk / Choose language");
        assertThat(list.getJsonObject("action").getJsonArray("sections").getJsonObject(0).getJsonArray("rows")
                .getJsonObject(2).encode()).isEqualTo("{\"id\":\"l:ar\",\"title\":\"العربية\"}");
    }
}
