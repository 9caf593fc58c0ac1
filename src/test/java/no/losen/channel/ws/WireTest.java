package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;
import org.junit.jupiter.api.Test;

/** The protocol's JSON as docs/protocol.md writes it, from a model that knows nothing of JSON. */
class WireTest {

    private static Reply reply(List<Card> cards, Reply.Alt alt, List<String> fallbacks) {
        return Reply.at("demo", "signs", "nb", "ltr").choices(List.of(new Reply.Option("debt", "Gjeld")))
                .checklist(List.of()).cards(cards).alts(alt, null).fallbacks(fallbacks).build();
    }

    @Test
    void aMessageHasItsTypeAndTheTalkOfferFirstAndLeavesOutAbsentFieldsAndFallbacks() {
        Reply r = reply(List.of(), null, List.of("demo.hello"));
        assertThat(Wire.message(r, "open")).isEqualTo("{\"type\":\"message\",\"talk\":\"open\",\"dialog\":\"demo\","
                + "\"node\":\"signs\",\"lang\":\"nb\",\"dir\":\"ltr\",\"text\":\"\",\"choices\":[{\"id\":\"debt\","
                + "\"label\":\"Gjeld\"}],\"multi\":true,\"selected\":[],\"input\":false,\"cards\":[],\"end\":false,"
                + "\"draft\":false,\"depth\":0}");
        assertThat(Wire.message(r, null)).startsWith("{\"type\":\"message\",\"dialog\":\"demo\",");
    }

    @Test
    void aSearchCardSaysItsCautionAsTextAndItsHitsWithTheirTopicAndWithoutAbsentFields() {
        Card search = new Card.Search("Fra håndboka", "Sjekk med tjenesten.", List.of(
                new Card.Hit("handbook", "T", "1.2", "Some text", "Some", List.of(new int[] {0, 4}), "nb",
                        new Card.Link("housing", "Bolig")),
                new Card.Hit("handbook", "T2", null, "Other")));
        assertThat(Wire.message(reply(List.of(search), null, List.of()), null)).contains("\"cards\":[{\"type\":\"search\","
                + "\"title\":\"Fra håndboka\",\"text\":\"Sjekk med tjenesten.\",\"results\":[{\"source\":\"handbook\","
                + "\"title\":\"T\",\"section\":\"1.2\",\"text\":\"Some text\",\"excerpt\":\"Some\",\"marks\":[[0,4]],"
                + "\"lang\":\"nb\",\"topic\":{\"id\":\"housing\",\"label\":\"Bolig\"}},{\"source\":\"handbook\",\"title\":\"T2\",\"text\":\"Other\"}]}]");
    }

    @Test
    void aContactCardNamesItsKindFirst() {
        Card rosa = new Card.Contact("rosa", "ROSA", null, "22 33 11 60", "+4722331160", "https://rosa-help.no", "card",
                "2026-11-23");
        assertThat(Wire.card(rosa).toString()).isEqualTo("{\"type\":\"contact\",\"id\":\"rosa\",\"title\":\"ROSA\","
                + "\"phone\":\"22 33 11 60\",\"tel\":\"+4722331160\",\"url\":\"https://rosa-help.no\",\"source\":\"card\","
                + "\"checked\":\"2026-11-23\"}");
    }

    @Test
    void aPrintableCardCarriesItsOtherLanguagesWithEveryFieldAndTheReplyItsAlt() {
        Card slip = new Card.Print("Slip", List.of("Hello!"), new Card.Alt("ar", "rtl", "ورقة", List.of("مرحبا")), null);
        String json = Wire.message(reply(List.of(slip), new Reply.Alt("ar", "rtl", "مرحبا", true), List.of()), null);
        assertThat(json).contains("\"cards\":[{\"type\":\"print\",\"title\":\"Slip\",\"items\":[\"Hello!\"],"
                + "\"alt\":{\"lang\":\"ar\",\"dir\":\"rtl\",\"title\":\"ورقة\",\"items\":[\"مرحبا\"]}}]")
                .endsWith("\"alt\":{\"lang\":\"ar\",\"dir\":\"rtl\",\"text\":\"مرحبا\",\"draft\":true},\"depth\":0}");
    }
}
