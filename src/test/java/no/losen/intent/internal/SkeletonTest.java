package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The consonant skeleton: the ways one word is romanized meet in one form. */
class SkeletonTest {

    @Test
    void arabiziDigitsAndTheirSpelledOutLettersMeet() {
        assertThat(Skeleton.of("3ndi")).isEqualTo(Skeleton.of("andi"));
        assertThat(Skeleton.of("7abibi")).isEqualTo(Skeleton.of("habibi"));
        assertThat(Skeleton.of("5alas")).isEqualTo(Skeleton.of("khalas"));
    }

    @Test
    void vowelsAndDoubledLettersDoNotMatter() {
        assertThat(Skeleton.of("ydrbni")).isEqualTo("drbn").isEqualTo(Skeleton.of("yedrabni"));
        assertThat(Skeleton.of("ykasser")).isEqualTo(Skeleton.of("ikaser"));
    }

    @Test
    void otherScriptsAndShortWordsHaveNone() {
        assertThat(Skeleton.of("يضربني")).isNull();
        assertThat(Skeleton.of("ab")).isNull();
        assertThat(Skeleton.of("2024")).isNull();
    }
}
