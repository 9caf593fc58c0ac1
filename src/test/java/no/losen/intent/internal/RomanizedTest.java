package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Russian and Ukrainian in Latin letters, brought to one rough form whichever way they were typed. */
class RomanizedTest {

    @Test
    void cyrillicIsTransliteratedAndFolded() {
        assertThat(Romanized.of("не хочу жить", "ru")).contains("ne hocu zit");
        assertThat(Romanized.of("ломает дверь", "ru")).contains("lomaet dver");
        assertThat(Romanized.of("не хочу жити", "uk")).contains("ne hocu ziti");
    }

    @Test
    void onlyRussianAndUkrainianAreTransliterated() {
        assertThat(Romanized.of("не хочу жить", "pl")).isEmpty();
        assertThat(Romanized.of("أريد", "ar")).isEmpty();
    }

    @Test
    void theCommonSpellingsOfOneSoundFoldAlike() {
        assertThat(Romanized.fold("ne khochu zhit'")).isEqualTo(Romanized.fold("Ne hochu zhit"));
        assertThat(Romanized.fold("ubyu")).isEqualTo(Romanized.fold("ub'ju")).isEqualTo("ubu");
        assertThat(Romanized.fold("shchas")).isEqualTo(Romanized.fold("sch4s".replace("4", "a")));
        assertThat(Romanized.fold("pomogitte")).isEqualTo("pomogite");
    }
}
