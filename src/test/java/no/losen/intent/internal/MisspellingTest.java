package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The misspelt copy an example is also trained as: one slip in some longer words, the same every time. */
class MisspellingTest {

    private static final String STORY = "sjefen betaler ikke lønna og har tatt passet mitt, jeg jobber hver dag "
            + "på restauranten uten fridager og vet ikke hvem jeg skal spørre om hjelp";

    @Test
    void theSameExampleAlwaysGivesTheSameCopy() {
        assertThat(Misspelling.of(STORY)).isEqualTo(Misspelling.of(STORY));
    }

    @Test
    void someLongerWordsGetOneSlipAndTheRestStayAsWritten() {
        String[] written = STORY.split(" ");
        String[] slipped = Misspelling.of(STORY).split(" ");
        assertThat(slipped).hasSameSizeAs(written);
        int changed = 0;
        for (int i = 0; i < written.length; i++) {
            if (!slipped[i].equals(written[i])) {
                changed++;
                assertThat(written[i].length()).isGreaterThanOrEqualTo(Misspelling.MIN_LENGTH);
                assertThat(oneSlip(written[i], slipped[i])).as(written[i] + " → " + slipped[i]).isTrue();
            }
        }
        assertThat(changed).isBetween(1, written.length - 1);
    }

    @Test
    void shortWordsAreLeftAlone() {
        assertThat(Misspelling.of("nav udi hei ok")).isEqualTo("nav udi hei ok");
    }

    /** One letter dropped, doubled, or swapped with its neighbour. */
    private static boolean oneSlip(String a, String b) {
        if (b.length() == a.length() - 1 || b.length() == a.length() + 1) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = a.length() > b.length() ? b : a;
            for (int i = 0; i < longer.length(); i++) {
                if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i + 1 < a.length(); i++) {
            if ((a.substring(0, i) + a.charAt(i + 1) + a.charAt(i) + a.substring(i + 2)).equals(b)) {
                return true;
            }
        }
        return false;
    }
}
