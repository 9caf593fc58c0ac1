package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsBudgetTest {

    @TempDir
    Path dir;

    private Loaded load() {
        Loaded l = ContentLoader.load(dir);
        assertThat(l.errors()).isEmpty();
        return l;
    }

    @Test
    void the_fixture_dialog_fits_the_budget_in_every_language() {
        SmsFixture.root(dir);
        assertThat(SmsBudget.check(load().set())).isEmpty();
    }

    @Test
    void a_node_over_three_segments_is_named_with_its_place_and_the_languages_it_is_too_long_in() {
        SmsFixture.root(dir);
        Fixtures.write(dir.resolve("dialogs/long.yaml"), """
                id: long
                title: long.title
                audience: public
                languages: [nb, en]
                start: intro
                nodes:
                  intro:
                    say: long.intro
                    choices:
                      - id: onward
                        label: long.on
                        goto: wall
                  wall:
                    say: long.wall
                    end: true
                """);
        String wall = "Dette er en lang tekst om rettigheter som fortsetter. ".repeat(10);
        Fixtures.write(dir.resolve("translations/long/nb.yaml"), "keys:\n  long.title: Lang\n  long.intro: Hei\n"
                + "  long.on: Videre\n  long.wall: \"" + wall + "\"\n");
        Fixtures.write(dir.resolve("translations/long/en.yaml"), "keys:\n  long.title: Long\n  long.intro: Hi\n"
                + "  long.on: On\n  long.wall: Short.\n");
        var warnings = SmsBudget.check(load().set());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).at().file()).isEqualTo("dialogs/long.yaml");
        assertThat(warnings.get(0).toString()).contains("node 'wall' of dialog 'long'").contains("1 of 2 languages (nb 5)")
                .contains("warning");
    }

    @Test
    void staff_dialogs_are_not_checked_but_missing_sms_words_are_reported() throws IOException {
        SmsFixture.root(dir);
        Files.delete(dir.resolve("translations/sms/ar.yaml"));
        var warnings = SmsBudget.check(load().set());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).message()).contains("ar lacks 17 sms.* keys").doesNotContain("demo-staff");
    }
}
