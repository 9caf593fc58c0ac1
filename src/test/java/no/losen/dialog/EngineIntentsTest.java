package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.Test;

/**
 * What the engine does with a recognition, whatever recognised it: danger first, a sure topic entered,
 * unsure ones offered ("Did you mean …?"), nothing known left to the handbook. Over the intent fixture
 * (src/test/resources/content/intent) with readings made by hand.
 */
class EngineIntentsTest {

    private final Loaded loaded = ContentLoader.load(Path.of("src/test/resources/content/intent"));
    private final List<Card.Hit> handbook = List.of(new Card.Hit("doc", "Håndbok", "1", "Tekst fra håndboka."));

    private Engine engine(Reading reading) {
        Intents intents = (d, text, lang) -> Optional.ofNullable(reading);
        return new Engine(loaded.set(), Map.of("search", (t, l) -> handbook), intents);
    }

    private static Reading.Guess g(String target) {
        return new Reading.Guess(target, 0.5);
    }

    private static Engine.Turn type(Engine e, String text) {
        return e.apply(e.start("help", "nb", false).session(), new Command.Type(text));
    }

    @Test
    void emergencyEntersTheDangerTopicsNodeWithoutReadingAndBackReturns() {
        Engine e = engine(null);   // reads nothing
        Session start = e.start("help", "nb", false).session();
        Engine.Turn t = e.emergency(start).orElseThrow();
        assertThat(t.reply().node()).isEqualTo("emergency");
        assertThat(t.session().history()).extracting(Session.Step::node).containsExactly("menu");
    }

    /**
     * Text read as danger outside a step (refused while the workers were full, or too long to answer) gets the
     * help in the language it was typed in when that is of another script, as a step's cry does: a long Arabic
     * story ending in a cry, in a chat set to Norwegian, got it in Norwegian (an independent tester). Over the
     * public content, whose rights dialog speaks Arabic, with the language told by hand.
     */
    @Test
    void emergencyForATextReadAsDangerIsInTheLanguageOfItsScript() {
        Intents intents = new Intents() {
            @Override
            public Optional<Reading> read(Dialog dialog, String text, String lang) {
                return Optional.empty();
            }

            @Override
            public Optional<String> language(Dialog dialog, String text) {
                return Optional.of(text.chars().anyMatch(c -> c >= 0x0600 && c <= 0x06FF) ? "ar" : "en");
            }
        };
        Engine e = new Engine(ContentLoader.load(Path.of(".")).set(), Map.of(), intents);
        Session nb = e.start("rights", "nb", false).session();
        String story = "جئنا إلى هنا العام الماضي وكان الأمر صعبا. ".repeat(40) + "والآن هو عند الباب ويقول إنه سيقتلني";

        Engine.Turn arabic = e.emergency(nb, story).orElseThrow();
        assertThat(arabic.reply().node()).isEqualTo("emergency");
        assertThat(arabic.reply().lang()).isEqualTo("ar");
        assertThat(arabic.session().lang()).isEqualTo("ar");
        // Within the session's script the session's language stays: a guess there can be wrong.
        Engine.Turn english = e.emergency(nb, "We came here last year. ".repeat(60) + "Now he has a knife.").orElseThrow();
        assertThat(english.reply().lang()).isEqualTo("nb");
    }

    @Test
    void belowTheEmergencyHelpIsTheHandbooksAnswerSoAQuestionReadAsDangerIsStillAnswered() {
        // Found without waiting on a model endpoint: the help must not wait for it.
        TextAction atOnce = new TextAction() {
            @Override
            public List<Card.Hit> answer(String text, String lang) {
                throw new AssertionError("the emergency help waited on a model endpoint");
            }

            @Override
            public List<Card.Hit> answerAtOnce(String text, String lang) {
                return handbook;
            }
        };
        Reading danger = new Reading("emergency", Reading.Kind.SURE, List.of(g("wages")));
        Engine e = new Engine(loaded.set(), Map.of("search", atOnce), (d, text, lang) -> Optional.of(danger));
        Engine.Turn t = type(e, "kan søsteren min bli i Norge hvis hun går fra mannen som slår henne");
        Reply help = e.emergency(e.start("help", "nb", false).session()).orElseThrow().reply();
        assertThat(t.reply().node()).isEqualTo("emergency");
        assertThat(t.reply().text()).as("the help's own words, not left out as an answer's are").isEqualTo(help.text());
        assertThat(t.reply().cards()).hasSize(help.cards().size() + 1);
        assertThat(t.reply().cards().subList(0, help.cards().size())).isEqualTo(help.cards());
        assertThat(t.reply().cards().get(help.cards().size())).isInstanceOfSatisfying(Card.Search.class,
                s -> assertThat(s.results()).extracting(Card.Hit::text).containsExactly("Tekst fra håndboka."));
        assertThat(t.reply().choices()).extracting(Reply.Option::id).contains("wages");
    }

    @Test
    void aSureTopicIsEntered() {
        Engine.Turn t = type(engine(new Reading(null, Reading.Kind.SURE, List.of(g("housing")))), "har ikke noe sted å sove");
        assertThat(t.reply().node()).isEqualTo("housing");
        assertThat(t.session().history()).extracting(Session.Step::node).containsExactly("menu");
    }

    @Test
    void dangerWinsAndOffersTheBestOtherTopicBesideTheEmergencyHelp() {
        Engine e = engine(new Reading("emergency", Reading.Kind.SURE, List.of(g("wages"))));
        Engine.Turn t = type(e, "ikke fått lønn, og nå står han her med kniv");
        assertThat(t.reply().node()).isEqualTo("emergency");
        assertThat(t.reply().choices()).extracting(Reply.Option::id).containsExactly("wages");
        assertThat(t.reply().choices()).extracting(Reply.Option::label).containsExactly("Lønn");
        Engine.Turn chosen = e.apply(t.session(), Command.Choose.one("wages"));
        assertThat(chosen.reply().node()).isEqualTo("wages");
        assertThat(chosen.session().vars()).doesNotContainKey(Engine.OFFERED);
    }

    @Test
    void unsureTopicsAreOfferedFirstWithTheHandbookAnswerAndTheSessionStaysPut() {
        Engine e = engine(new Reading(null, Reading.Kind.UNSURE, List.of(g("housing"), g("health"))));
        Engine.Turn t = type(e, "noe om bolig eller helse kanskje");
        assertThat(t.reply().node()).isEqualTo("menu");
        assertThat(t.reply().notice()).isEqualTo("Mente du noe av dette?");
        assertThat(t.reply().choices()).extracting(Reply.Option::id).containsExactly("housing", "health", "wages");
        assertThat(t.reply().cards()).extracting(Card::type).containsExactly("search");
        assertThat(e.apply(t.session(), Command.Choose.one("housing")).reply().node()).isEqualTo("housing");
    }

    @Test
    void aHandbookPassageLeadsToTheTopicThatCoversItAsAChoiceOfTheReply() {
        Card.Hit quoted = new Card.Hit("handbook", "Håndbok", "2 Bolig",
                "Kommunen skal skaffe et midlertidig botilbud til dem som ikke klarer det selv.");
        Engine e = new Engine(loaded.set(), Map.of("search", (t, l) -> List.of(quoted, handbook.get(0))),
                (d, text, lang) -> Optional.of(Reading.UNKNOWN));
        Engine.Turn t = type(e, "hvor skal jeg bo i natt");
        Card.Search card = (Card.Search) t.reply().cards().get(0);
        assertThat(card.results()).extracting(Card.Hit::topic)
                .containsExactly(new Card.Link("housing", "Et sted å bo"), null);
        assertThat(t.reply().choices()).extracting(Reply.Option::id).startsWith("housing");
        assertThat(e.apply(t.session(), Command.Choose.one("housing")).reply().node()).isEqualTo("housing");
    }

    @Test
    void besideUnsureTopicsTheLinkedTopicIsOfferedOnceAfterThem() {
        Card.Hit quoted = new Card.Hit("handbook", "Håndbok", "2 Bolig",
                "Kommunen skal skaffe et midlertidig botilbud til dem som ikke klarer det selv.");
        Engine e = new Engine(loaded.set(), Map.of("search", (t, l) -> List.of(quoted)),
                (d, text, lang) -> Optional.of(new Reading(null, Reading.Kind.UNSURE, List.of(g("wages"), g("housing")))));
        Engine.Turn t = type(e, "noe om lønn eller bolig");
        assertThat(t.reply().choices()).extracting(Reply.Option::id).containsExactly("wages", "housing", "health");
    }

    @Test
    void whenUnsureATopicKeywordDecides() {
        Engine.Turn t = type(engine(new Reading(null, Reading.Kind.UNSURE, List.of(g("housing"), g("wages")))),
                "trenger lege");
        assertThat(t.reply().node()).isEqualTo("health");
    }

    @Test
    void textSurelyOfNoTopicIsNotSentToATopicByAKeyword() {
        assertThat(type(engine(Reading.UNKNOWN), "trenger lege").reply().node()).isEqualTo("health");
        assertThat(type(engine(Reading.NO_TOPIC), "trenger lege").reply().node()).isEqualTo("menu");
    }

    @Test
    void textSurelyAboutNoTopicIsNotSearchedButAskedToChooseAtTheNode() {
        Engine.Turn t = type(engine(Reading.NO_TOPIC), "hvordan koker jeg ris");
        assertThat(t.reply().node()).isEqualTo("menu");
        assertThat(t.reply().cards()).extracting(Card::type).doesNotContain("search");
        assertThat(t.reply().notice()).isEqualTo(loaded.set().translations().find("nb", "common.choose-one").orElseThrow().text().text());
        assertThat(t.reply().choices()).isNotEmpty();
    }

    @Test
    void textOfNoKnownTopicGetsTheHandbookAtTheNode() {
        Engine.Turn t = type(engine(Reading.UNKNOWN), "hvem vant kampen");
        assertThat(t.reply().node()).isEqualTo("menu");
        assertThat(t.reply().cards()).extracting(Card::type).containsExactly("search");
        assertThat(t.reply().choices()).extracting(Reply.Option::id).containsExactly("health", "wages");
    }

    @Test
    void withoutAModelTheKeywordsRouteAsBefore() {
        Engine e = new Engine(loaded.set(), Map.of("search", (t, l) -> handbook), Intents.NONE);
        assertThat(type(e, "jeg trenger lege").reply().node()).isEqualTo("health");
    }
}
