package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Languages of other scripts in Latin letters, brought to one rough form whichever way they were typed. */
class RomanizedTest {

    /** {@code written} (in its own script) in Latin letters, as the danger words are made. */
    private static java.util.Optional<String> of(String written, String lang) {
        return Romanized.in(lang).map(r -> r.apply(written));
    }


    @Test
    void cyrillicIsTransliteratedAndFolded() {
        assertThat(of("не хочу жить", "ru")).contains("ne hocu zit");
        assertThat(of("ломает дверь", "ru")).contains("lomaet dver");
        assertThat(of("не хочу жити", "uk")).contains("ne hocu ziti");
    }

    @Test
    void arabicAndPersianAreTheirConsonantsAsArabiziTypesThem() {
        assertThat(of("بدي موت", "ar")).contains(Romanized.fold("bdi mot", "ar")).contains("bd mt");
        assertThat(of("ساعدوني", "ar")).contains(Romanized.fold("sa3idouni", "ar"))
                .contains(Romanized.fold("sa3dooni", "ar"));
        assertThat(of("ما بدي عيش", "ar")).contains(Romanized.fold("ma baddi 3ish", "ar"));
        assertThat(of("کمک کنید", "fa")).contains(Romanized.fold("komak konid", "fa"));
    }

    @Test
    void amharicAndTigrinyaAreTheirConsonantsWhicheverVowelsAreTyped() {
        assertThat(of("ክሞት ደልየ", "ti")).contains(Romanized.fold("kimut delye", "ti")).contains("kmt dly");
        assertThat(of("ይቐትሉኒ ኣለዉ", "ti")).contains(Romanized.fold("yiqetluni alewu", "ti"));
        assertThat(of("ሊገድሉኝ ነው", "am")).contains(Romanized.fold("ligedlugn new", "am"));
        assertThat(of("እርዱኝ", "am")).contains(Romanized.fold("erdugn", "am"));
        assertThat(of("እገድልሻለሁ", "am")).as("SERA's x (ሽ) is typed sh").contains(Romanized.fold("egedilishalehu", "am"));
        assertThat(of("ቸኮለ", "am")).as("and its c (ቸ) ch").contains(Romanized.fold("chekole", "am"));
    }

    @Test
    void eachLanguageOfAnotherScriptHasTheFormOfItsScript() {
        assertThat(Romanized.form("ru")).isEqualTo(Romanized.form("uk")).isPresent();
        assertThat(Romanized.form("am")).isEqualTo(Romanized.form("ti")).isNotEqualTo(Romanized.form("ar"));
        assertThat(Romanized.form("fr")).isEmpty();
    }

    /** A doubled letter is one; a consonant repeated across a vowel is two ("dehan", fine, is not ድሕኑኒ, save me). */
    @Test
    void aConsonantRepeatedAcrossADroppedVowelStaysTwo() {
        assertThat(of("ድሕኑኒ", "ti")).contains(Romanized.fold("dihnuni", "ti")).contains("dhnn");
        assertThat(Romanized.fold("dehan", "ti")).isEqualTo("dhn");
        assertThat(Romanized.fold("dihnnuni", "ti")).isEqualTo("dhnn");
        assertThat(Romanized.fold("mamnoo3", "ar")).isEqualTo(Romanized.fold("mamnu3", "ar")).isEqualTo("mmn3");
        assertThat(Romanized.fold("baddi", "ar")).isEqualTo("bd");
    }

    @Test
    void languagesOfLatinScriptHaveNoRule() {
        assertThat(of("не хочу жить", "pl")).isEmpty();
        assertThat(of("hjelp", "nb")).isEmpty();
    }

    @Test
    void theCommonSpellingsOfOneSoundFoldAlike() {
        assertThat(Romanized.fold("ne khochu zhit'", "ru")).isEqualTo(Romanized.fold("Ne hochu zhit", "ru"));
        assertThat(Romanized.fold("ubyu", "ru")).isEqualTo(Romanized.fold("ub'ju", "ru")).isEqualTo("ubu");
        assertThat(Romanized.fold("pomogitte", "ru")).isEqualTo("pomogite");
        assertThat(Romanized.fold("ilha2ouni", "ar")).isEqualTo(Romanized.fold("il7a2ooni", "ar"));
    }
}
