package no.losen.dialog.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the validator says about broken content: each problem names file, line and column and
 * what is wrong, so an author can fix it without help.
 */
class ContentLoaderTest {

    @TempDir
    Path dir;

    private List<String> problems(String file, String text) {
        Path root = Fixtures.copyOfBasic(dir.resolve(java.util.UUID.randomUUID().toString()));
        Fixtures.write(root.resolve(file), text);
        return ContentLoader.load(root).problems().stream().map(Problem::toString).toList();
    }

    private static final String HEAD = """
            id: broken
            title: demo.title
            audience: public
            languages: [nb, en]
            start: a
            nodes:
            """;

    @Test
    void theFixtureLoadsWithoutErrorsAndCountsLanguageCoverage() {
        Loaded l = Fixtures.basic();
        assertThat(l.errors()).isEmpty();
        assertThat(l.set().dialogs()).containsKeys("demo", "demo-staff");
        Coverage ar = l.coverage().stream().filter(c -> c.dialog().equals("demo") && c.lang().equals("ar")).findFirst().orElseThrow();
        assertThat(ar.missing()).isPositive();
        assertThat(ar.missingKeys()).contains("demo.adult");
        assertThat(l.problems()).anyMatch(p -> !p.isError() && p.message().startsWith("ar: "));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: [demo.hello\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:8:") && p.contains("YAML"));
    }

    @Test
    void aDuplicateNodeIdIsAnError() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: demo.hello\n    end: true\n  a:\n    end: true\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:10:") && p.contains("Duplicate field 'a'"));
    }

    @Test
    void anUnknownFieldIsNamedOnItsOwnLine() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: demo.hello\n    goto: b\n    end: true\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:9:5: error:") && p.contains("unknown field 'goto'"));
    }

    @Test
    void anUnknownNodeReferenceIsAnError() {
        assertThat(problems("dialogs/broken.yaml", HEAD + """
                  a:
                    say: demo.hello
                    choices:
                      - {id: x, label: demo.adult, goto: nowhere}
                """)).anyMatch(p -> p.startsWith("dialogs/broken.yaml:10:") && p.contains("no node 'nowhere'"));
    }

    @Test
    void anUnknownTargetIsReportedAtItsGotoLineNotAtTheStartOfTheChoice() {
        assertThat(problems("dialogs/broken.yaml", HEAD + """
                  a:
                    say: demo.hello
                    choices:
                      - id: x
                        label: demo.adult
                        goto: nowhere
                      - id: y
                        label: demo.child
                        goto: b
                  b:
                    route:
                      - if: "x == 1"
                        goto: elsewhere
                """))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:12:") && p.contains("no node 'nowhere'"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:19:") && p.contains("no node 'elsewhere'"));
    }

    @Test
    void unreachableNodesAndDeadEndsAreErrors() {
        List<String> ps = problems("dialogs/broken.yaml", HEAD + """
                  a:
                    say: demo.hello
                  lonely:
                    say: demo.hello
                    end: true
                """);
        assertThat(ps).anyMatch(p -> p.startsWith("dialogs/broken.yaml:7:") && p.contains("node 'a' is a dead end"));
        assertThat(ps).anyMatch(p -> p.startsWith("dialogs/broken.yaml:9:") && p.contains("'lonely' cannot be reached"));
    }

    @Test
    void aMissingNorwegianOrEnglishKeyIsAnError() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: demo.nowhere\n    end: true\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:8:") && p.contains("no nb text for key 'demo.nowhere'"))
                .anyMatch(p -> p.contains("no en text for key 'demo.nowhere'"));
    }

    @Test
    void anUnknownFactIsAnErrorInDialogsAndInTexts() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: demo.hello\n    cards: [{contact: nobody}]\n    end: true\n"))
                .anyMatch(p -> p.contains("no fact 'nobody'"));
        assertThat(problems("translations/demo/nb.yaml", "keys:\n  demo.x: \"Ring {@nobody}\"\n"))
                .anyMatch(p -> p.startsWith("translations/demo/nb.yaml:2:") && p.contains("names fact 'nobody'"));
    }

    @Test
    void aKeyDefinedTwiceForOneLanguageIsAnError() {
        assertThat(problems("translations/other/nb.yaml", "keys:\n  demo.hello: Hallo\n"))
                .anyMatch(p -> p.startsWith("translations/other/nb.yaml:2:") && p.contains("already defined at translations/demo/nb.yaml"));
    }

    @Test
    void aBadConditionIsNamedOnItsLine() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say:\n      - {key: demo.hello, if: 'x > 1'}\n    end: true\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:9:") && p.contains("cannot read condition"));
    }

    @Test
    void onlyTheServersSetupNamesMayFollowSetupAndNoDialogMaySetThem() {
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say:\n      - {key: demo.hello, if: setup.fax}\n    end: true\n"))
                .anyMatch(p -> p.startsWith("dialogs/broken.yaml:9:") && p.contains("unknown set-up name 'setup.fax'"));
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say:\n      - {key: demo.hello, if: not setup.sms}\n    end: true\n"))
                .noneMatch(p -> p.contains("setup."));
        assertThat(problems("dialogs/broken.yaml", HEAD + "  a:\n    say: demo.hello\n    set: {setup.sms: true}\n    end: true\n"))
                .anyMatch(p -> p.contains("a dialog cannot set 'setup.sms'"));
    }

    @Test
    void aFactWithoutACheckedDateIsAnError() {
        assertThat(problems("facts/more.yaml", "x:\n  kind: phone\n  value: '1'\n  sources: []\n"))
                .anyMatch(p -> p.contains("fact 'x' needs checked: YYYY-MM-DD"));
    }

    @Test
    void aDuplicateDialogIdIsAnError() throws Exception {
        Path root = Fixtures.copyOfBasic(dir);
        Files.copy(root.resolve("dialogs/demo.yaml"), root.resolve("dialogs/demo2.yaml"));
        assertThat(ContentLoader.load(root).problems()).anyMatch(p -> p.message().contains("dialog id 'demo' is already used"));
    }

    @Test
    void translationsForALanguageWithoutMetadataAreAnError() {
        assertThat(problems("translations/demo/xx.yaml", "keys:\n  demo.hello: x\n"))
                .anyMatch(p -> p.contains("no translations/xx.yaml describes language 'xx'"));
    }

    @Test
    void aPluralWithoutAnOtherFormIsAnError() {
        assertThat(problems("translations/demo/en.yaml", "keys:\n  demo.title: Demo\n  demo.x: \"{n, plural, one {# day}}\"\n"))
                .anyMatch(p -> p.startsWith("translations/demo/en.yaml:3:") && p.contains("needs an 'other' form"));
        assertThat(problems("translations/demo/en.yaml", "keys:\n  demo.title: Demo\n  demo.x: \"{n, plural, one # day}\"\n"))
                .anyMatch(p -> p.contains("cannot read the plural"));
    }

    @Test
    void changedPlaceholdersInATranslationAreAWarning() {
        assertThat(problems("translations/demo/en.yaml", """
                keys:
                  demo.title: Demo
                  demo.health.call: "Call {who}."
                """)).anyMatch(p -> p.contains("warning: placeholders of 'demo.health.call' differ from nb"));
    }

    @Test
    void anSmsFormKeepsEveryPhoneNumberAndParameterOfItsFullText() {
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.health.call.sms: \"Ring {who}.\"\n"))
                .anyMatch(p -> p.startsWith("translations/short/nb.yaml:2:") && p.contains("error: nb 'demo.health.call.sms' "
                        + "leaves out {@rosa} of its full text: an SMS form keeps every phone number and parameter"));
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.health.call.sms: \"Ring {@rosa}.\"\n"))
                .anyMatch(p -> p.contains("leaves out {who}"));
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.health.call.sms: \"{who}: {@rosa}\"\n"))
                .noneMatch(p -> p.contains("demo.health.call.sms"));
    }

    @Test
    void anSmsFormMayNameAFactItsFullTextDoesNotButNoParameterItDoesNotGet() {
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.health.sms: \"Helsehjelp. ROSA: {@rosa}\"\n"))
                .noneMatch(p -> p.contains("demo.health.sms"));
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.health.sms: \"Helsehjelp, {who}.\"\n"))
                .anyMatch(p -> p.contains("error: nb 'demo.health.sms' uses {who}, which its full text 'demo.health' does not get"));
    }

    @Test
    void anSmsFormOfAKeyWithoutANorwegianTextIsAnError() {
        assertThat(problems("translations/short/nb.yaml", "keys:\n  demo.nothing.sms: Kort\n"))
                .anyMatch(p -> p.contains("error: 'demo.nothing.sms' is the SMS form of 'demo.nothing', which has no nb text"));
    }
}
