package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Engine;
import no.losen.dialog.Node;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.dialog.load.Problem;
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
    void theFixtureDialogFitsTheBudgetInEveryLanguage() {
        SmsFixture.root(dir);
        assertThat(SmsBudget.check(load().set())).isEmpty();
    }

    /** A public dialog {@code long} whose second node is five segments long in nb, fine in en. */
    private void longDialog(String extraNb) {
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
                    cards:
                      - contact: rosa
                    end: true
                """);
        String wall = "Dette er en lang tekst om rettigheter som fortsetter. ".repeat(10);
        Fixtures.write(dir.resolve("translations/long/nb.yaml"), "keys:\n  long.title: Lang\n  long.intro: Hei\n"
                + "  long.on: Videre\n  long.wall: \"" + wall + "\"\n" + extraNb);
        Fixtures.write(dir.resolve("translations/long/en.yaml"), "keys:\n  long.title: Long\n  long.intro: Hi\n"
                + "  long.on: On\n  long.wall: Short.\n");
    }

    @Test
    void aNodeOfAPublicDialogOverThreeSegmentsIsAnErrorNamingItsPlaceAndLanguages() {
        SmsFixture.root(dir);
        longDialog("");
        var problems = SmsBudget.check(load().set());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).isError()).isTrue();
        assertThat(problems.get(0).at().file()).isEqualTo("dialogs/long.yaml");
        assertThat(problems.get(0).toString()).contains(": error: SMS: node 'wall' of public dialog 'long'")
                .contains("1 of 2 languages (nb 5)").contains(".sms form");
    }

    @Test
    void aShortSmsFormBringsTheNodeWithinTheBudget() {
        SmsFixture.root(dir);
        longDialog("  long.wall.sms: Kort, ring ROSA.\n");
        assertThat(SmsBudget.check(load().set())).isEmpty();
    }

    @Test
    void roomIsWhatTheRestOfTheNodeLeavesOfThreeSegments() {
        SmsFixture.root(dir);
        longDialog("  long.wall.sms: Kort.\n");
        var set = load().set();
        Dialog d = set.dialog("long").orElseThrow();
        String sent = String.join("\n", SmsBudget.measure(new Engine(set, Map.of()).withVariant(Translations.SMS),
                new SmsRenderer(new SmsTexts(set.translations())), d, d.node("wall").orElseThrow(), "nb"));
        // GSM-7: 3 × 153 septets in all, less the contact line and the answer line.
        assertThat(sent).isEqualTo("Kort.\nROSA: 22 33 11 60\nSvar MENY for å begynne på nytt, STOPP for å slette samtalen.");
        int rest = sent.length() - "Kort.".length();
        assertThat(SmsBudget.room(set, "long.wall", "nb", List.of(Map.entry("long", "wall")))).hasValue(3 * 153 - rest);
        assertThat(SmsBudget.room(set, "long.wall", "nb", List.of(Map.entry("demo-staff", "x")))).isEmpty();
    }

    @Test
    void staffDialogsAreNotCheckedAndMissingSmsWordsAreAWarning() throws IOException {
        SmsFixture.root(dir);
        Files.delete(dir.resolve("translations/sms/ar.yaml"));
        var problems = SmsBudget.check(load().set());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).isError()).isFalse();
        assertThat(problems.get(0).message()).contains("ar lacks " + SmsBudget.KEYS.size() + " sms.* keys").doesNotContain("demo-staff");
    }

    @Test
    void everyNodeOfEveryBundledPublicDialogFitsThreeSegmentsInEveryLanguageItOffers() {
        Loaded l = ContentLoader.load(Fixtures.REPO);
        assertThat(l.errors()).isEmpty();
        DialogSet set = l.set();
        Engine sms = new Engine(set, Map.of()).withVariant(Translations.SMS);
        SmsRenderer renderer = new SmsRenderer(new SmsTexts(set.translations()));
        List<String> over = new ArrayList<>();
        int measured = 0;
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.PUBLIC) {
                continue;
            }
            for (Node n : d.nodes().values()) {
                if (!n.route().isEmpty()) {
                    continue;
                }
                for (String lang : d.languages()) {
                    int segments = SmsBudget.segments(SmsBudget.measure(sms, renderer, d, n, lang));
                    measured++;
                    if (segments > Segments.BUDGET) {
                        over.add(d.id() + "/" + n.id() + " " + lang + " " + segments);
                    }
                }
            }
        }
        assertThat(measured).as("nodes × languages measured").isGreaterThan(500);
        assertThat(over).isEmpty();
        assertThat(SmsBudget.check(set)).filteredOn(Problem::isError).isEmpty();
    }
}
