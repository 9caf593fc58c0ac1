package no.losen.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.losen.dialog.Card;
import org.junit.jupiter.api.Test;

class CardLinesTest {

    private static final Card.Contact ROSA = new Card.Contact("rosa", "ROSA", null, "22 33 11 60", "+4722331160",
            "https://rosa-help.no", "card", "2026-11-23");

    private static String line(Card c, String shown) {
        return CardLines.card(c, shown, Card.Contact::phone, i -> "- " + i);
    }

    @Test
    void aContactIsItsTitleAndHowToReachItUnlessTheTextAlreadySaysIt() {
        assertThat(line(ROSA, "Hei.")).isEqualTo("ROSA: 22 33 11 60");
        assertThat(line(ROSA, "Ring ROSA på 22 33 11 60.")).isEmpty();
        assertThat(CardLines.card(ROSA, "", k -> null, i -> i)).isEqualTo("ROSA");
    }

    @Test
    void aFactIsItsTitleAndWhatItSays() {
        assertThat(line(new Card.Fact("deadline", "Frist", "Tre uker", null, null, null, null, null), ""))
                .isEqualTo("Frist: Tre uker");
    }

    @Test
    void aPrintableCardListsItsItemsAsTheChannelDoesAndLeavesOutThoseItDrops() {
        Card slip = new Card.Print("Lapp", List.of("Hei", "ROSA: 22 33 11 60"));
        assertThat(line(slip, "")).isEqualTo("Lapp\n- Hei\n- ROSA: 22 33 11 60");
        assertThat(CardLines.card(slip, "", Card.Contact::phone, i -> i.equals("Hei") ? null : i))
                .isEqualTo("Lapp\nROSA: 22 33 11 60");
    }

    @Test
    void aSearchCardIsNoLineAndAPassageIsCitedByTitleAndSection() {
        assertThat(line(new Card.Search("Fra håndboka", "Sjekk.", List.of()), "")).isEmpty();
        assertThat(CardLines.source(new Card.Hit("handbook", "Håndbok", "4.2", "Tekst"))).isEqualTo("Håndbok 4.2");
        assertThat(CardLines.source(new Card.Hit("handbook", " ", null, "Tekst"))).isEqualTo("handbook");
    }
}
