package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.content.Translations;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine made {@link Engine#withVariant with the SMS variant} says each text in its short
 * {@code .sms} form where the language has one, and leaves out the fact cards of a node said
 * short; the plain engine (the web widget's) never does either.
 */
class EngineVariantTest {

    @TempDir
    Path dir;

    private Engine web;
    private Engine sms;

    @BeforeEach
    void load() throws IOException {
        Path root = Fixtures.copyOfBasic(dir);
        Path demo = root.resolve("dialogs/demo.yaml");
        Files.writeString(demo, Files.readString(demo).replace("    cards:\n      - contact: rosa\n    choices:\n      - id: note",
                "    cards:\n      - fact: rosa\n      - contact: site\n      - contact: rosa\n    choices:\n      - id: note"));
        Path facts = root.resolve("facts/facts.yaml");
        Files.writeString(facts, Files.readString(facts) + """

                site:
                  kind: url
                  name: fact.rosa.name
                  value: rosa-help.no
                  url: https://rosa-help.no
                  sources:
                    - doc: card
                      quote: "22 33 11 60"
                  checked: 2026-11-23
                """);
        assertThat(Files.readString(demo)).contains("- fact: rosa");
        Path nb = root.resolve("translations/demo/nb.yaml");
        Files.writeString(nb, Files.readString(nb) + "  demo.health.sms: Helsehjelp.\n  demo.note.sms: Notat\n");
        Loaded l = ContentLoader.load(root);
        assertThat(l.errors()).isEmpty();
        web = new Engine(l.set(), Map.of());
        sms = web.withVariant(Translations.SMS);
    }

    private Reply health(Engine e, String lang) {
        return e.apply(e.start("demo", lang, false).session(), Command.Choose.one("adult")).reply();
    }

    @Test
    void smsTakesTheShortFormsOfTextsAndLabels() {
        Reply r = health(sms, "nb");
        assertThat(sms.variant()).isEqualTo("sms");
        assertThat(r.text()).isEqualTo("Helsehjelp.\n\nRing ROSA på 22 33 11 60.");
        assertThat(r.choices()).extracting(Reply.Option::label).startsWith("Notat");
    }

    @Test
    void aNodeSaidShortKeepsItsPhoneContactsButLeavesOutFactCardsAndWebAddresses() {
        assertThat(health(sms, "nb").cards()).singleElement().isInstanceOfSatisfying(Card.Contact.class,
                c -> assertThat(c.id()).isEqualTo("rosa"));
        assertThat(health(web, "nb").cards()).extracting(Card::type).containsExactly("fact", "contact", "contact");
    }

    @Test
    void theWebNeverShowsAShortForm() {
        Reply r = health(web, "nb");
        assertThat(web.variant()).isNull();
        assertThat(r.text()).startsWith("Du kan få helsehjelp.");
        assertThat(r.choices()).extracting(Reply.Option::label).startsWith("Skriv et notat");
    }

    @Test
    void aLanguageWithoutShortFormsGetsItsOwnFullTextsAndAllItsCardsBySms() {
        Reply r = health(sms, "en");
        assertThat(r.text()).startsWith("You can get health care.");
        assertThat(r.fallbacks()).isEmpty();
        assertThat(r.cards()).extracting(Card::type).containsExactly("fact", "contact", "contact");
    }

    @Test
    void aShortLabelIsWhatAnSmsUserTypesBack() {
        Engine.Turn t = sms.apply(sms.start("demo", "nb", false).session(), Command.Choose.one("adult"));
        assertThat(sms.apply(t.session(), new Command.Type("notat")).session().node()).isEqualTo("note");
    }
}
