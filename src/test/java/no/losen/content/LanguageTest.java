package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A language as its file describes it, and the script it is written in. */
class LanguageTest {

    @Test
    void aLanguageIsWrittenInTheScriptOfItsOwnName() {
        assertThat(new Language("ar", "العربية", "rtl", "draft").script()).isEqualTo(Character.UnicodeScript.ARABIC);
        assertThat(new Language("ti", "ትግርኛ", "ltr", "draft").script()).isEqualTo(Character.UnicodeScript.ETHIOPIC);
        assertThat(new Language("nb", "Norsk bokmål", "ltr", "reviewed").script()).isEqualTo(Character.UnicodeScript.LATIN);
    }

    @Test
    void aTextIsInTheScriptOfMostOfItsLettersAndDigitsAndEmojiDoNotCount() {
        assertThat(Language.script("زوجي UDI يقول 112 😱")).isEqualTo(Character.UnicodeScript.ARABIC);
        assertThat(Language.script("han sa ring UDI")).isEqualTo(Character.UnicodeScript.LATIN);
        assertThat(Language.script("112 😱 !!")).isNull();
    }
}
