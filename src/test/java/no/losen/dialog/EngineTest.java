package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;

/** The engine over the basic fixture (src/test/resources/content/basic). */
class EngineTest {

    private final Engine engine = Fixtures.engine(Map.of());

    private Engine.Turn start() {
        return engine.start("demo", "nb", false);
    }

    private Engine.Turn step(Engine.Turn t, Command c) {
        return engine.apply(t.session(), c);
    }

    @Test
    void startShowsTheStartNodeWithItsChoicesAndTheEverywhereChoice() {
        Reply r = start().reply();
        assertThat(r.node()).isEqualTo("hello");
        assertThat(r.text()).isEqualTo("Hei! Hva gjelder det?");
        assertThat(r.choices()).extracting(Reply.Option::id).containsExactly("adult", "child", "signs", "help-now");
        assertThat(r.dir()).isEqualTo("ltr");
        assertThat(r.draft()).isFalse();
    }

    @Test
    void aChoiceSetsVariablesFollowsRoutesAndChainsNextNodes() {
        Engine.Turn t = step(start(), Command.Choose.one("child"));
        assertThat(t.session().node()).isEqualTo("health");
        assertThat(t.session().vars()).containsEntry("minor", true);
        assertThat(t.reply().text()).startsWith("Barn har egne rettigheter.\n\nDu kan få helsehjelp.")
                .contains("Barn får vanlig helsehjelp.").contains("Ring ROSA på 22 33 11 60.");
        assertThat(t.reply().choices()).extracting(Reply.Option::id).doesNotContain("only-adults");
    }

    @Test
    void conditionalParagraphsAndChoicesFollowVariables() {
        Reply r = step(start(), Command.Choose.one("adult")).reply();
        assertThat(r.text()).doesNotContain("Barn");
        assertThat(r.choices()).extracting(Reply.Option::id).contains("only-adults");
    }

    @Test
    void contactCardsComeFromTheFactsWithSourceAndDate() {
        Card.Contact c = (Card.Contact) step(start(), Command.Choose.one("adult")).reply().cards().get(0);
        assertThat(c.phone()).isEqualTo("22 33 11 60");
        assertThat(c.tel()).isEqualTo("+4722331160");
        assertThat(c.checked()).isEqualTo("2026-11-23");
        assertThat(c.source()).isEqualTo("card");
    }

    @Test
    void backUndoesTheStepAndItsVariables() {
        Engine.Turn child = step(start(), Command.Choose.one("child"));
        Engine.Turn back = step(child, new Command.Back());
        assertThat(back.session().node()).isEqualTo("hello");
        assertThat(back.session().vars()).doesNotContainKey("minor");
        Engine.Turn adult = step(back, Command.Choose.one("adult"));
        assertThat(adult.reply().text()).doesNotContain("Barn");
    }

    @Test
    void everyReplySaysHowManyStepsLieBehindIt() {
        Engine.Turn start = start();
        Engine.Turn adult = step(start, Command.Choose.one("adult"));
        assertThat(start.reply().depth()).isZero();
        assertThat(adult.reply().depth()).isEqualTo(1);
        assertThat(step(adult, new Command.Lang("en")).reply().depth()).isEqualTo(1);
        assertThat(engine.current(adult.session()).depth()).isEqualTo(1);
        assertThat(step(adult, new Command.Back()).reply().depth()).isZero();
        assertThat(step(adult, new Command.Restart()).reply().depth()).isZero();
        // The reply rendered for the first conversation is shared, never changed by another's depth.
        assertThat(engine.start("demo", "nb", false).reply().depth()).isZero();
    }

    @Test
    void backAtTheStartStaysThere() {
        assertThat(step(start(), new Command.Back()).session().node()).isEqualTo("hello");
    }

    @Test
    void restartClearsVariablesButKeepsTheLanguage() {
        Engine.Turn t = step(step(start(), Command.Choose.one("child")), new Command.Lang("en"));
        Engine.Turn r = step(t, new Command.Restart());
        assertThat(r.session().node()).isEqualTo("hello");
        assertThat(r.session().vars()).isEmpty();
        assertThat(r.session().history()).isEmpty();
        assertThat(r.reply().lang()).isEqualTo("en");
    }

    @Test
    void switchingLanguageKeepsThePlace() {
        Engine.Turn t = step(step(start(), Command.Choose.one("adult")), new Command.Lang("en"));
        assertThat(t.session().node()).isEqualTo("health");
        assertThat(t.reply().text()).startsWith("You can get health care.");
    }

    @Test
    void rightToLeftLanguagesSayTheirDirectionAndFallBackVisiblyForMissingKeys() {
        Reply r = engine.start("demo", "ar", false).reply();
        assertThat(r.dir()).isEqualTo("rtl");
        assertThat(r.text()).isEqualTo("مرحبا");
        assertThat(r.draft()).isTrue();
        assertThat(r.fallbacks()).contains("demo.adult@en");
        assertThat(r.choices().get(0).label()).isEqualTo("\u2068I am an adult\u2069");
    }

    @Test
    void unknownDialogChoiceAndLanguageAreRefusedWithStableCodes() {
        assertThatThrownBy(() -> engine.start("nope", "nb", false)).hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_DIALOG);
        assertThatThrownBy(() -> engine.start("demo", "xx", false)).hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_LANGUAGE);
        assertThatThrownBy(() -> step(start(), Command.Choose.one("nope"))).hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_CHOICE);
        assertThatThrownBy(() -> step(start(), new Command.Lang("xx"))).hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_LANGUAGE);
    }

    @Test
    void aChecklistStoresTheTickedIdsAndTheSummaryShowsTheirLabels() {
        Engine.Turn list = step(start(), Command.Choose.one("signs"));
        assertThat(list.reply().multi()).isTrue();
        assertThat(list.reply().choices()).extracting(Reply.Option::id).containsExactly("debt", "passport");
        Engine.Turn done = step(list, new Command.Choose(List.of("passport", "debt"), true));
        assertThat(done.session().vars().get("signs")).isEqualTo(List.of("debt", "passport"));
        assertThat(done.reply().text()).isEqualTo("Tegn: Gjeld; Passet er tatt");
        Card.Print slip = (Card.Print) done.reply().cards().get(0);
        assertThat(slip.items()).containsExactly("Tegn: Gjeld; Passet er tatt", "ROSA: 22 33 11 60 — https://rosa-help.no");
    }

    @Test
    void aChecklistMayBeLeftEmptyButNotGivenUnknownIds() {
        Engine.Turn list = step(start(), Command.Choose.one("signs"));
        assertThat(step(list, new Command.Choose(List.of(), true)).reply().text()).isEqualTo("Tegn: ingen");
        assertThatThrownBy(() -> step(list, new Command.Choose(List.of("fixer"), true)))
                .hasFieldOrPropertyWithValue("code", ErrorCode.UNKNOWN_CHOICE);
    }

    @Test
    void backToAChecklistOffersWhatWasTickedButUndoesTheVariable() {
        Engine.Turn list = step(start(), Command.Choose.one("signs"));
        Engine.Turn done = step(list, new Command.Choose(List.of("debt"), true));
        Engine.Turn back = step(done, new Command.Back());
        assertThat(back.reply().node()).isEqualTo("signs");
        assertThat(back.reply().selected()).containsExactly("debt");
        assertThat(back.session().vars()).doesNotContainKey("signs");
        Engine.Turn redo = step(step(done, new Command.Back()), new Command.Choose(List.of("passport"), true));
        assertThat(redo.reply().text()).isEqualTo("Tegn: Passet er tatt");
    }

    @Test
    void typedNumbersAndLabelsAreChoices() {
        assertThat(step(start(), new Command.Type("2")).session().vars()).containsEntry("minor", true);
        assertThat(step(start(), new Command.Type("jeg er VOKSEN")).session().node()).isEqualTo("health");
        assertThat(step(start(), new Command.Type(" 4 ")).session().node()).isEqualTo("emergency");
    }

    @Test
    void typedNumbersTickAChecklist() {
        Engine.Turn list = step(start(), Command.Choose.one("signs"));
        assertThat(step(list, new Command.Type("2, 1")).session().vars().get("signs")).isEqualTo(List.of("debt", "passport"));
    }

    @Test
    void aTopicKeywordJumpsToItsNodeInAnyLanguageOfTheChain() {
        assertThat(step(start(), new Command.Type("Trenger LEGE")).session().node()).isEqualTo("health");
        assertThat(step(start(), new Command.Type("I am sick")).session().node()).isEqualTo("health");
    }

    @Test
    void aShortKeywordMatchesOnlyAWholeWord() {
        Engine.Turn t = engine.start("demo", "en", false);
        assertThat(engine.apply(t.session(), new Command.Type("sickness")).session().node()).isEqualTo("health");
        assertThat(engine.apply(t.session(), new Command.Type("I need a GP")).session().node()).isEqualTo("health");
        assertThat(engine.apply(t.session(), new Command.Type("my gpu is broken")).session().node()).isEqualTo("hello");
    }

    @Test
    void otherTextGoesToTheDialogsActionWithTheCaution() {
        Engine withSearch = Fixtures.engine(Map.of("search", (text, lang) ->
                List.of(new Card.Hit("handbook", "Handbook (2021)", "3.1", "Passage about " + text.length()))));
        Engine.Turn t = withSearch.apply(withSearch.start("demo", "nb", false).session(), new Command.Type("noe annet"));
        assertThat(t.session().node()).isEqualTo("hello");
        Card.Search c = (Card.Search) t.reply().cards().get(0);
        assertThat(c.caution()).isEqualTo("Sjekk med tjenesten.");
        assertThat(c.results()).singleElement().extracting(Card.Hit::source).isEqualTo("handbook");
        assertThat(t.reply().choices()).isNotEmpty();
        assertThat(t.reply().text()).as("the node's text is not repeated above the answer").isEmpty();
        // At a node with cards of its own, the answer is the handbook's card alone: the person saw the others.
        Engine.Turn atHealth = withSearch.apply(t.session(), Command.Choose.one("adult"));
        assertThat(atHealth.reply().cards()).isNotEmpty();
        Engine.Turn asked = withSearch.apply(atHealth.session(), new Command.Type("noe annet"));
        assertThat(asked.reply().cards()).extracting(Card::type).containsExactly("search");
    }

    @Test
    void withoutAnActionTextGetsAPoliteChooseOne() {
        Reply r = step(start(), new Command.Type("noe annet")).reply();
        assertThat(r.node()).isEqualTo("hello");
        assertThat(r.notice()).isEqualTo("Velg ett av disse.");
    }

    @Test
    void textCanBeKeptInAVariableAndShownBack() {
        Engine.Turn note = step(step(start(), Command.Choose.one("adult")), Command.Choose.one("note"));
        assertThat(note.reply().input()).isTrue();
        Engine.Turn t = step(note, new Command.Type("kort notat"));
        assertThat(t.reply().text()).isEqualTo("Notert: kort notat");
        assertThat(t.reply().end()).isTrue();
    }

    @Test
    void textOverTheLimitIsRefused() {
        assertThatThrownBy(() -> step(start(), new Command.Type("x".repeat(Engine.MAX_TEXT + 1))))
                .hasFieldOrPropertyWithValue("code", ErrorCode.TOO_LONG);
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE22";   // one character, two UTF-16 units
        Engine.Turn t = step(start(), new Command.Type(emoji.repeat(Engine.MAX_TEXT)));
        assertThat(t.reply()).isNotNull();
        assertThatThrownBy(() -> step(start(), new Command.Type(emoji.repeat(Engine.MAX_TEXT + 1))))
                .hasFieldOrPropertyWithValue("code", ErrorCode.TOO_LONG);
    }

    @Test
    void theLimitCountsCharactersAsReadSoALigatureCountsTheLettersItStandsFor() {
        String ligature = "\uFDFA";   // one character that reads as 18 letters (an independent tester's flood)
        assertThat(step(start(), new Command.Type(ligature.repeat(55))).reply()).isNotNull();   // 990 letters
        assertThatThrownBy(() -> step(start(), new Command.Type(ligature.repeat(56))))             // 1,008
                .hasFieldOrPropertyWithValue("code", ErrorCode.TOO_LONG);
    }

    @Test
    void staffDialogsNeedAStaffSession() {
        assertThatThrownBy(() -> engine.start("demo-staff", "nb", false)).hasFieldOrPropertyWithValue("code", ErrorCode.FORBIDDEN);
        assertThat(engine.start("demo-staff", "nb", true).reply().node()).isEqualTo("pick");
    }

    @Test
    void bilingualNodesAreAlsoShownInTheResidentsLanguage() {
        Engine.Turn t = engine.start("demo-staff", "nb", true);
        Reply r = engine.apply(t.session(), Command.Choose.one("ar")).reply();
        assertThat(r.text()).isEqualTo("Hei! Hva gjelder det?");
        assertThat(r.alt()).isEqualTo(new Reply.Alt("ar", "rtl", "مرحبا", true));
        assertThat(r.official()).as("staff already read Norwegian").isNull();
    }

    @Test
    void staffWorkingInEnglishAlsoSeeTheOfficialNorwegianText() {
        Engine.Turn t = engine.start("demo-staff", "en", true);
        Reply r = engine.apply(t.session(), Command.Choose.one("ar")).reply();
        assertThat(r.text()).isEqualTo("Hello! What is it about?");
        assertThat(r.alt().text()).isEqualTo("مرحبا");
        assertThat(r.official()).isEqualTo(new Reply.Alt("nb", "ltr", "Hei! Hva gjelder det?", false));
    }

    @Test
    void aPrintableCardOnABilingualNodePrintsInTheResidentsLanguageToo() {
        Engine.Turn t = engine.start("demo-staff", "nb", true);
        Card.Print slip = (Card.Print) engine.apply(t.session(), Command.Choose.one("ar")).reply().cards().get(0);
        assertThat(slip.title()).isEqualTo("Lapp");
        assertThat(slip.items()).containsExactly("Hei! Hva gjelder det?", "ROSA: 22 33 11 60 — https://rosa-help.no");
        assertThat(slip.alt()).isEqualTo(new Card.Alt("ar", "rtl", "ورقة", List.of("مرحبا", "روزا: 22 33 11 60 — https://rosa-help.no")));
        assertThat(slip.official()).isNull();
    }

    @Test
    void theEngineIsDeterministic() {
        Engine.Turn a = step(step(start(), Command.Choose.one("child")), new Command.Type("lege"));
        Engine.Turn b = step(step(start(), Command.Choose.one("child")), new Command.Type("lege"));
        assertThat(a).isEqualTo(b);
    }
}
