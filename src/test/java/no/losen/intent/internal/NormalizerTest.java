package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a message is folded before anything reads it: the same words however a phone typed them. */
class NormalizerTest {

    @Test
    void lettersThatKeyboardsMixUpFoldToOne() {
        assertThat(Normalizer.fold("Lønn på mottaket?")).isEqualTo(Normalizer.fold("lonn pa mottaket"));
        assertThat(Normalizer.fold("École")).isEqualTo("ecole");
        assertThat(Normalizer.fold("كيف")).isEqualTo(Normalizer.fold("کیف"));
        assertThat(Normalizer.fold("٣ ۴")).isEqualTo("3 4");
    }

    @Test
    void thePersianVerbPrefixIsJoinedHoweverItWasTyped() {
        String joined = Normalizer.fold("میکشد");
        assertThat(Normalizer.fold("می کشد")).isEqualTo(joined);
        assertThat(Normalizer.fold("می\u200Cکشد")).as("with a zero-width non-joiner").isEqualTo(joined);
        assertThat(Normalizer.fold("او مرا نمی\u200Cگذارد بیرون بروم")).isEqualTo(Normalizer.fold("او مرا نمیگذارد بیرون بروم"));
        assertThat(Normalizer.fold("مي کشد")).as("typed on an Arabic keyboard").isEqualTo(joined);
    }

    @Test
    void aWordThatOnlyBeginsLikeThePrefixIsLeftAlone() {
        assertThat(Normalizer.fold("میز بزرگ")).isEqualTo("میز بزرگ");
    }

    @Test
    void invisibleCharactersThatNeverPartWordsAreDropped() {
        String hidden = String.join("\u200B", "he is hitting me".split(""));
        assertThat(Normalizer.fold(hidden)).isEqualTo("he is hitting me");
        assertThat(Normalizer.fold("hel\u00ADlo\u2060 wor\uFEFFld")).isEqualTo("hello world");
    }
}
