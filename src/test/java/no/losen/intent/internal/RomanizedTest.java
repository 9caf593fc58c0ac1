package no.losen.intent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Languages of other scripts in Latin letters, brought to one rough form whichever way they were typed. */
class RomanizedTest {

    @Test
    void cyrillicIsTransliteratedAndFolded() {
        assertThat(Romanized.of("не хочу жить", "ru")).contains("ne hocu zit");
        assertThat(Romanized.of("ломает дверь", "ru")).contains("lomaet dver");
        assertThat(Romanized.of("не хочу жити", "uk")).contains("ne hocu ziti");
    }

    @Test
    void arabicAndPersianAreTheirConsonantsAsArabiziTypesThem() {
        assertThat(Romanized.of("بدي موت", "ar")).contains(Romanized.fold("bdi mot", "ar")).contains("bd mt");
        assertThat(Romanized.of("ساعدوني", "ar")).contains(Romanized.fold("sa3idouni", "ar"))
                .contains(Romanized.fold("sa3dooni", "ar"));
        assertThat(Romanized.of("ما بدي عيش", "ar")).contains(Romanized.fold("ma baddi 3ish", "ar"));
        assertThat(Romanized.of("کمک کنید", "fa")).contains(Romanized.fold("komak konid", "fa"));
    }

    @Test
    void amharicAndTigrinyaAreTheirConsonantsWhicheverVowelsAreTyped() {
        assertThat(Romanized.of("ክሞት ደልየ", "ti")).contains(Romanized.fold("kimut delye", "ti")).contains("kmt dly");
        assertThat(Romanized.of("ይቐትሉኒ ኣለዉ", "ti")).contains(Romanized.fold("yiqetluni alewu", "ti"));
        assertThat(Romanized.of("ሊገድሉኝ ነው", "am")).contains(Romanized.fold("ligedlugn new", "am"));
        assertThat(Romanized.of("እርዱኝ", "am")).contains(Romanized.fold("erdugn", "am"));
    }

    @Test
    void languagesOfLatinScriptHaveNoRule() {
        assertThat(Romanized.of("не хочу жить", "pl")).isEmpty();
        assertThat(Romanized.of("hjelp", "nb")).isEmpty();
    }

    @Test
    void theCommonSpellingsOfOneSoundFoldAlike() {
        assertThat(Romanized.fold("ne khochu zhit'", "ru")).isEqualTo(Romanized.fold("Ne hochu zhit", "ru"));
        assertThat(Romanized.fold("ubyu", "ru")).isEqualTo(Romanized.fold("ub'ju", "ru")).isEqualTo("ubu");
        assertThat(Romanized.fold("pomogitte", "ru")).isEqualTo("pomogite");
        assertThat(Romanized.fold("ilha2ouni", "ar")).isEqualTo(Romanized.fold("il7a2ooni", "ar"));
    }
}
