package no.losen.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isTwelveHexDigitsOfSha256() {
        // SHA-256("Ja") = cde9e58a9a4e…
        assertThat(Fingerprint.of("Ja")).isEqualTo("cde9e58a9a4e").hasSize(12);
        assertThat(Fingerprint.valid(Fingerprint.of("Ja"))).isTrue();
    }

    @Test
    void theSameTextInAnotherUnicodeFormHasTheSameFingerprint() {
        String composed = "p\u00e5";            // på, å as one character
        String decomposed = "pa\u030a";         // på, a + combining ring
        assertThat(Fingerprint.of(decomposed)).isEqualTo(Fingerprint.of(composed));
    }

    @Test
    void anyChangeOfTheWordsChangesIt() {
        assertThat(Fingerprint.of("Du kan få helsehjelp.")).isNotEqualTo(Fingerprint.of("Du kan få helsehjelp"));
    }

    @Test
    void aDamagedFingerprintIsRecognised() {
        assertThat(Fingerprint.valid("cde9e58a9a4")).isFalse();
        assertThat(Fingerprint.valid("CDE9E58A9A4E")).isFalse();
        assertThat(Fingerprint.valid("1.23E+11")).isFalse();
        assertThat(Fingerprint.valid(null)).isFalse();
    }
}
