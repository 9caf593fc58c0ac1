package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsTextsTest {

    @TempDir
    Path dir;

    private SmsTexts texts() {
        Loaded l = ContentLoader.load(SmsFixture.root(dir));
        assertThat(l.errors()).isEmpty();
        return new SmsTexts(l.set().translations());
    }

    @Test
    void keywordsMatchInAnyLanguageIgnoringCaseAccentsAndPunctuation() {
        SmsTexts t = texts();
        assertThat(t.keyword("STOPP", null)).contains(new SmsTexts.Match(SmsTexts.Keyword.STOP, "nb"));
        assertThat(t.keyword(" stop! ", "en").map(SmsTexts.Match::keyword)).contains(SmsTexts.Keyword.STOP);
        assertThat(t.keyword("Hjelp", null).map(SmsTexts.Match::keyword)).contains(SmsTexts.Keyword.HELP);
        assertThat(t.keyword("help", null).map(SmsTexts.Match::lang)).contains("en");
        assertThat(t.keyword("Meny", "ar").map(SmsTexts.Match::keyword)).contains(SmsTexts.Keyword.MENU);
        assertThat(t.keyword("tilbake", null).map(SmsTexts.Match::keyword)).contains(SmsTexts.Keyword.BACK);
        assertThat(t.keyword("توقف", null)).contains(new SmsTexts.Match(SmsTexts.Keyword.STOP, "ar"));
        assertThat(t.keyword("إيقاف", null).map(SmsTexts.Match::keyword)).contains(SmsTexts.Keyword.STOP);
    }

    @Test
    void onlyAWholeMessageIsAKeyword() {
        SmsTexts t = texts();
        assertThat(t.keyword("stopp å slå meg", null)).isEmpty();
        assertThat(t.keyword("jeg trenger hjelp", null)).isEmpty();
        assertThat(t.keyword("", null)).isEmpty();
    }

    @Test
    void theMessageLanguageWinsWhenAWordIsAKeywordInSeveral() {
        SmsTexts t = texts();
        assertThat(t.keyword("stop", "nb").map(SmsTexts.Match::lang)).contains("nb");
        assertThat(t.keyword("stop", "en").map(SmsTexts.Match::lang)).contains("en");
    }

    @Test
    void aLanguageIsNamedByItsCodeItsOwnNameOrACommonWord() {
        SmsTexts t = texts();
        List<String> offered = List.of("nb", "en", "ar");
        assertThat(t.language("AR", offered)).contains("ar");
        assertThat(t.language("العربية", offered)).contains("ar");
        assertThat(t.language("Arabic", offered)).contains("ar");
        assertThat(t.language("norsk", offered)).contains("nb");
        assertThat(t.language("English", offered)).contains("en");
        assertThat(t.language("fa", offered)).isEmpty();
        assertThat(t.language("asyl", offered)).isEmpty();
    }

    @Test
    void textsAreFilledFromParameters() {
        assertThat(texts().text("nb", "sms.bad-number", Map.of("max", "4"))).isEqualTo(
                "Det tallet er ikke et valg her. Svar med et tall fra 1 til 4.");
    }

    @Test
    void aWordOfCyrillicOrGreekLettersDrawnLikeLatinOnesIsAlsoReadInLatinLetters() {
        assertThat(SmsTexts.readings("х")).containsExactly("х", "x");     // the X key of a Ukrainian keyboard
        assertThat(SmsTexts.readings(" Х! ")).containsExactly("х", "x");
        assertThat(SmsTexts.readings("стоп")).as("a real word stays as written").containsExactly("стоп");
        assertThat(SmsTexts.readings("x")).containsExactly("x");
        assertThat(SmsTexts.readings("!!")).isEmpty();
    }
}
