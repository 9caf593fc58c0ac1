package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void gsm7Fits160InOneSegmentAnd153PerPartAfterThat() {
        assertThat(Segments.count("a".repeat(160))).isEqualTo(new Segments.Count(Segments.Encoding.GSM7, 160, 1));
        assertThat(Segments.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(Segments.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(Segments.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(Segments.count("a".repeat(459)).segments()).isEqualTo(3);
    }

    @Test
    void norwegianLettersAreGsm7() {
        assertThat(Segments.count("Blåbærsyltetøy på Ærø, Østfold og Åsane").encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void extensionTableCharactersCostTwoSeptetsAndAreNeverCutInHalf() {
        assertThat(Segments.count("€").units()).isEqualTo(2);
        assertThat(Segments.count("{}[]~|^\\").units()).isEqualTo(16);
        assertThat(Segments.count("a".repeat(158) + "€").segments()).isEqualTo(1);
        assertThat(Segments.count("a".repeat(159) + "€").segments()).isEqualTo(2);
        // 152 septets, then a two-septet character that would straddle the first part's end: it moves on.
        String s = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(Segments.count(s).units()).isEqualTo(306);
        assertThat(Segments.count(s).segments()).isEqualTo(3);
    }

    @Test
    void oneCharacterOutsideGsm7MakesTheWholeMessageUcs2At70And67PerPart() {
        assertThat(Segments.count("a".repeat(69) + "ş")).isEqualTo(new Segments.Count(Segments.Encoding.UCS2, 70, 1));
        assertThat(Segments.count("a".repeat(70) + "ş").segments()).isEqualTo(2);
        assertThat(Segments.count("ع".repeat(134)).segments()).isEqualTo(2);
        assertThat(Segments.count("ع".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void aSurrogatePairCountsTwoUnitsAndIsNotSplitBetweenParts() {
        assertThat(Segments.count("😀").units()).isEqualTo(2);
        String s = "a".repeat(66) + "😀" + "a".repeat(66);
        assertThat(Segments.count(s).units()).isEqualTo(134);
        assertThat(Segments.count(s).segments()).isEqualTo(3);
    }

    @Test
    void typographyIsMadePlainSoNorwegianStaysGsm7() {
        String curly = "Ring ROSA – de svarer «døgnet rundt»… ’alltid’";
        assertThat(Segments.count(curly).encoding()).isEqualTo(Segments.Encoding.UCS2);
        String plain = Segments.plain(curly);
        assertThat(plain).isEqualTo("Ring ROSA - de svarer \"døgnet rundt\"... 'alltid'");
        assertThat(Segments.count(plain).encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void aLongTextIsSplitAtSentenceEndsIntoPartsWithinTheBudgetAndNothingIsDropped() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            b.append("Dette er setning nummer ").append(i).append(" i teksten. ");
        }
        String text = b.toString().strip();
        List<String> parts = Segments.split(text, 1);
        assertThat(parts).hasSizeGreaterThan(1);
        for (String p : parts) {
            assertThat(Segments.count(p).segments()).isEqualTo(1);
            assertThat(p).endsWith(".");
        }
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void aSentenceTooLongForOnePartIsCutBetweenWords() {
        String text = ("ord ".repeat(100)).strip();
        List<String> parts = Segments.split(text, 1);
        assertThat(parts).allSatisfy(p -> assertThat(Segments.count(p).segments()).isEqualTo(1));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void arabicIsSplitAtItsOwnQuestionMark() {
        String q = "هل لديك سؤال عن حقوقك في النرويج اليوم؟ ";
        String text = q.repeat(6).strip();
        List<String> parts = Segments.split(text, 1);
        assertThat(parts).allSatisfy(p -> {
            assertThat(Segments.count(p).segments()).isEqualTo(1);
            assertThat(p).endsWith("؟");
        });
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void blocksStayWholeWhenTheyFitAndChoicesArriveTogether() {
        String intro = "a".repeat(300);
        String choices = "1 Ja\n2 Nei\nSvar med et tall.";
        assertThat(Segments.pack(List.of(intro, choices), 3)).containsExactly(intro + "\n" + choices);
        String longIntro = "Setning. ".repeat(50).strip();
        List<String> packed = Segments.pack(List.of(longIntro, choices), 3);
        assertThat(packed.get(packed.size() - 1)).endsWith(choices);
        assertThat(packed).allSatisfy(p -> assertThat(Segments.count(p).segments()).isLessThanOrEqualTo(3));
    }

    @Test
    void fitShortensAtAWordMarksTheCutAndKeepsTheSuffix() {
        String text = "Personer uten lovlig opphold har rett til helsehjelp som er helt nødvendig og ikke kan vente. ".repeat(5);
        String fitted = Segments.fit(text, "Kilde: Håndboka 4.2", 2);
        assertThat(Segments.count(fitted).segments()).isLessThanOrEqualTo(2);
        assertThat(fitted).endsWith("...\nKilde: Håndboka 4.2");
        assertThat(Segments.fit("Kort.", "Kilde: X", 2)).isEqualTo("Kort.\nKilde: X");
    }

    @Test
    void bidiIsolatesAreDroppedFromLinesWithoutRightToLeftLettersOnly() {
        String fallback = "\u2068You can get health care. Check with \u2068UDI\u2069.\u2069";
        assertThat(Segments.plain(fallback)).isEqualTo("You can get health care. Check with UDI.");
        assertThat(Segments.count(Segments.plain(fallback)).encoding()).isEqualTo(Segments.Encoding.GSM7);
        String arabic = "خط معلومات \u2068UDI\u2069: 23 35 16 00";
        assertThat(Segments.plain(arabic + "\n" + fallback)).isEqualTo(arabic + "\nYou can get health care. Check with UDI.");
    }

    @Test
    void aLongChoiceListIsCutFromItsEndSoTheAnswerLineStaysWithTheLastChoices() {
        StringBuilder choices = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            choices.append(i).append(" A choice written in English number ").append(i).append('\n');
        }
        choices.append("أرسل رقمًا.");
        List<String> packed = Segments.pack(List.of("Intro.", choices.toString()), 3);
        assertThat(packed.get(packed.size() - 1)).endsWith("11 A choice written in English number 11\nأرسل رقمًا.");
        assertThat(packed).allSatisfy(p -> assertThat(Segments.count(p).segments()).isLessThanOrEqualTo(3));
        assertThat(String.join("\n", packed)).isEqualTo("Intro.\n" + choices);
    }
}
