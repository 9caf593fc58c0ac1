package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeetspeakTest {

    @Test
    void digitsAndSignsInsideWordsAreReadAsTheLettersTheyStandFor() {
        assertThat(Leetspeak.letters("h3 w1ll k1ll m3")).isEqualTo("he will kill me");
        assertThat(Leetspeak.letters("h3lp!! he has a kn1f3")).isEqualTo("help!! he has a knife");
        assertThat(Leetspeak.letters("he w@nts to k!ll me")).isEqualTo("he wants to kill me");
        assertThat(Leetspeak.letters("d3po, ub1t, z4b1ju")).isEqualTo("depo, ubit, zabiju");
    }

    @Test
    void numbersAmountsAndAgesStayAsTyped() {
        assertThat(Leetspeak.letters("ring 112, jeg er 16år og har 500kr")).isEqualTo("ring 112, jeg er 16år og har 500kr");
        assertThat(Leetspeak.letters("help! now!")).isEqualTo("help! now!");
    }

    @Test
    void aMessageWithoutSuchWordsIsTheSameString() {
        String text = "the boss has my passport";
        assertThat(Leetspeak.letters(text)).isSameAs(text);
    }
}
