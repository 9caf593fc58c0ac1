package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void tellsNorwegianFromEnglishByFunctionWordsAndLetters() {
        assertThat(LanguageDetector.detect("Hvem kan jeg ringe hvis jeg er redd?")).isEqualTo("nb");
        assertThat(LanguageDetector.detect("Who can I call if I am afraid?")).isEqualTo("en");
        assertThat(LanguageDetector.detect("refleksjonsperiode asylsøker")).isEqualTo("nb");
        assertThat(LanguageDetector.detect("Can an asylum seeker work in Norway?")).isEqualTo("en");
    }

    @Test
    void tellsOtherScripts() {
        assertThat(LanguageDetector.detect("أين يمكنني الحصول على مساعدة؟")).isEqualTo("ar");
        assertThat(LanguageDetector.detect("Де я можу отримати допомогу і житло?")).isEqualTo("uk");
        assertThat(LanguageDetector.detect("Где я могу получить помощь?")).isEqualTo("ru");
    }
}
