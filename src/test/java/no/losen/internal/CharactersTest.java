package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typed text counted, and cut, as it is read: folded first, an emoji one character. */
class CharactersTest {

    @Test
    void anEmojiIsOneCharacterAndALigatureTheLettersItIsReadAs() {
        assertThat(Characters.count("😱 help")).isEqualTo(6);
        assertThat(Characters.count("\uFDFA")).as("one ligature, read as 18 letters").isEqualTo(18);
    }

    @Test
    void theLastCharactersOfALongTextEndItAndNeverSplitOne() {
        String story = "a".repeat(500) + "😱 he is outside";
        assertThat(Characters.last(story, 200)).endsWith("he is outside").satisfies(s -> assertThat(Characters.count(s)).isEqualTo(200));
        assertThat(Characters.last("b".repeat(10) + "😱".repeat(100) + "c", 100)).isEqualTo("😱".repeat(99) + "c");
        assertThat(Characters.last("short", 200)).isEqualTo("short");
    }

    @Test
    void theEndsOfALongTextAreItsFirstAndLastHalvesALineApartAndAShortTextIsWhole() {
        assertThat(Characters.first("😱 he is outside", 4)).isEqualTo("😱 he");
        assertThat(Characters.ends("short", 10)).isEqualTo("short");
        String story = "knife " + "a".repeat(100) + " outside";
        assertThat(Characters.ends(story, 20)).isEqualTo("knife aaaa\naa outside");
    }

    @Test
    void theBoundHoldsAfterFolding() {
        // A thousand ligatures are 18,000 letters once folded: the cut is made after, so what is read stays bounded.
        String folded = Characters.last("\uFDFA".repeat(1000), 4000);
        assertThat(Characters.count(folded)).isEqualTo(4000);
    }
}
