package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Direction checks for right-to-left targets. */
class BidiTest {

    private static List<Bidi.Finding> check(String s) {
        return Bidi.check(s, false);
    }

    @Test
    void plainArabicAndLatinWordsPass() {
        assertThat(check("اتصل بـ ROSA الآن")).isEmpty();
        assertThat(check("منظمة Human Trafficking Support Oslo في أوسلو")).isEmpty();
        assertThat(check("البند 4.1.1 من بطاقة UDI")).isEmpty();
        assertThat(check("رقم 2014-031")).isEmpty();
    }

    @Test
    void placeholdersAreLeftToTheRendererWhichIsolatesThem() {
        assertThat(check("اتصل بـ {@rosa} أو {who}")).isEmpty();
    }

    @Test
    void numbersWithSpacesOutsideAnIsolateAreAWarning() {
        assertThat(check("اتصل بالرقم 22 33 11 60 الآن")).singleElement().satisfies(f -> {
            assertThat(f.error()).isFalse();
            assertThat(f.message()).contains("\"22 33 11 60\"").contains("U+2068");
        });
        assertThat(check("اتصل بالرقم \u206822 33 11 60\u2069 الآن")).isEmpty();
    }

    @Test
    void brokenIsolatesAndOverridesAreErrors() {
        assertThat(check("نص \u2068UDI")).singleElement().satisfies(f -> assertThat(f.error()).isTrue());
        assertThat(check("نص UDI\u2069")).singleElement().satisfies(f -> assertThat(f.error()).isTrue());
        assertThat(check("نص \u202EIDU\u202C")).anySatisfy(f -> {
            assertThat(f.error()).isTrue();
            assertThat(f.message()).contains("U+202E");
        });
    }

    @Test
    void aTextWithoutAnyRightToLeftLetterIsAWarningUnlessItIsKeptFromTheSource() {
        assertThat(check("Call us now")).singleElement().satisfies(f -> {
            assertThat(f.error()).isFalse();
            assertThat(f.message()).contains("no right-to-left letter");
        });
        assertThat(Bidi.check("ROSA", true)).isEmpty();
    }
}
