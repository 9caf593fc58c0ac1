package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void gsm7_fits_160_in_one_segment_and_153_per_part_after_that() {
        assertThat(Segments.count("a".repeat(160))).isEqualTo(new Segments.Count(Segments.Encoding.GSM7, 160, 1));
        assertThat(Segments.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(Segments.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(Segments.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(Segments.count("a".repeat(459)).segments()).isEqualTo(3);
    }

    @Test
    void norwegian_letters_are_gsm7() {
        assertThat(Segments.count("Blåbærsyltetøy på Ærø, Østfold og Åsane").encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void extension_table_characters_cost_two_septets_and_are_never_cut_in_half() {
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
    void one_character_outside_gsm7_makes_the_whole_message_ucs2_at_70_and_67_per_part() {
        assertThat(Segments.count("a".repeat(69) + "ş")).isEqualTo(new Segments.Count(Segments.Encoding.UCS2, 70, 1));
        assertThat(Segments.count("a".repeat(70) + "ş").segments()).isEqualTo(2);
        assertThat(Segments.count("ع".repeat(134)).segments()).isEqualTo(2);
        assertThat(Segments.count("ع".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void a_surrogate_pair_counts_two_units_and_is_not_split_between_parts() {
        assertThat(Segments.count("😀").units()).isEqualTo(2);
        String s = "a".repeat(66) + "😀" + "a".repeat(66);
        assertThat(Segments.count(s).units()).isEqualTo(134);
        assertThat(Segments.count(s).segments()).isEqualTo(3);
    }

    @Test
    void typography_is_made_plain_so_norwegian_stays_gsm7() {
        String curly = "Ring ROSA – de svarer «døgnet rundt»… ’alltid’";
        assertThat(Segments.count(curly).encoding()).isEqualTo(Segments.Encoding.UCS2);
        String plain = Segments.plain(curly);
        assertThat(plain).isEqualTo("Ring ROSA - de svarer \"døgnet rundt\"... 'alltid'");
        assertThat(Segments.count(plain).encoding()).isEqualTo(Segments.Encoding.GSM7);
    }

    @Test
    void a_long_text_is_split_at_sentence_ends_into_parts_within_the_budget_and_nothing_is_dropped() {
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
    void a_sentence_too_long_for_one_part_is_cut_between_words() {
        String text = ("ord ".repeat(100)).strip();
        List<String> parts = Segments.split(text, 1);
        assertThat(parts).allSatisfy(p -> assertThat(Segments.count(p).segments()).isEqualTo(1));
        assertThat(String.join(" ", parts)).isEqualTo(text);
    }

    @Test
    void arabic_is_split_at_its_own_question_mark() {
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
    void blocks_stay_whole_when_they_fit_and_choices_arrive_together() {
        String intro = "a".repeat(300);
        String choices = "1 Ja\n2 Nei\nSvar med et tall.";
        assertThat(Segments.pack(List.of(intro, choices), 3)).containsExactly(intro + "\n" + choices);
        String longIntro = "Setning. ".repeat(50).strip();
        List<String> packed = Segments.pack(List.of(longIntro, choices), 3);
        assertThat(packed.get(packed.size() - 1)).endsWith(choices);
        assertThat(packed).allSatisfy(p -> assertThat(Segments.count(p).segments()).isLessThanOrEqualTo(3));
    }

    @Test
    void fit_shortens_at_a_word_marks_the_cut_and_keeps_the_suffix() {
        String text = "Personer uten lovlig opphold har rett til helsehjelp som er helt nødvendig og ikke kan vente. ".repeat(5);
        String fitted = Segments.fit(text, "Kilde: Håndboka 4.2", 2);
        assertThat(Segments.count(fitted).segments()).isLessThanOrEqualTo(2);
        assertThat(fitted).endsWith("...\nKilde: Håndboka 4.2");
        assertThat(Segments.fit("Kort.", "Kilde: X", 2)).isEqualTo("Kort.\nKilde: X");
    }

    @Test
    void bidi_isolates_are_dropped_from_lines_without_right_to_left_letters_only() {
        String fallback = "\u2068You can get health care. Check with \u2068UDI\u2069.\u2069";
        assertThat(Segments.plain(fallback)).isEqualTo("You can get health care. Check with UDI.");
        assertThat(Segments.count(Segments.plain(fallback)).encoding()).isEqualTo(Segments.Encoding.GSM7);
        String arabic = "خط معلومات \u2068UDI\u2069: 23 35 16 00";
        assertThat(Segments.plain(arabic + "\n" + fallback)).isEqualTo(arabic + "\nYou can get health care. Check with UDI.");
    }

    @Test
    void a_long_choice_list_is_cut_from_its_end_so_the_answer_line_stays_with_the_last_choices() {
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
