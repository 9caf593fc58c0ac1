package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import no.losen.Fixtures;
import no.losen.dialog.Dialog;
import no.losen.dialog.Reading;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.intent.IntentModel.Scores;
import no.losen.intent.IntentModel.Scores.Scored;
import org.junit.jupiter.api.Test;

/** The bands, over the intent fixture (src/test/resources/content/intent) and over scores made by hand. */
class RecogniserTest {

    static final Path INTENT = Path.of("src/test/resources/content/intent");
    private static final Recogniser.Thresholds T = new Recogniser.Thresholds(0.35, 0.2, 0.15);

    private final Loaded loaded = ContentLoader.load(INTENT);
    private final Recogniser recogniser = Recogniser.train(loaded.set());
    private final Dialog help = loaded.set().dialog("help").orElseThrow();

    private Reading read(String text, String lang) {
        return recogniser.read(help, text, lang).orElseThrow();
    }

    @Test
    void theFixtureLoadsWithItsExamples() {
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.set().examples().of("help")).containsOnlyKeys("nb", "en");
        assertThat(loaded.set().examples().of("help", "nb").orElseThrow().reviewed()).isTrue();
        assertThat(loaded.set().examples().of("help", "en").orElseThrow().count("wages")).isEqualTo(8);
    }

    @Test
    void aMessageLikeATopicsExamplesGoesThere() {
        Reading r = read("the boss has not paid my salary", "en");
        assertThat(r.dangerous()).isFalse();
        assertThat(r.kind()).isEqualTo(Reading.Kind.SURE);
        assertThat(r.guesses().get(0).target()).isEqualTo("wages");
    }

    @Test
    void typingWithoutDiacriticsOrInAnotherLanguageThanTheSessionStillWorks() {
        assertThat(read("sjefen har ikke betalt lonna", "nb").guesses()).first().extracting(Reading.Guess::target)
                .isEqualTo("wages");
        assertThat(read("i have nowhere to sleep tonight", "nb").guesses()).first().extracting(Reading.Guess::target)
                .isEqualTo("housing");
    }

    @Test
    void aDangerWordWinsOverATopicThatScoresHigherAndThatTopicIsOfferedBeside() {
        Reading r = read("my boss did not pay my salary for months, and now he is outside with a knife", "en");
        assertThat(r.danger()).isEqualTo("emergency");
        assertThat(r.guesses()).extracting(Reading.Guess::target).containsExactly("wages");
    }

    @Test
    void digitsTypedForLettersDoNotHideDangerButDoNotMoveTheTopic() {
        Reading r = read("my b0ss d1d not pay my salary and n0w h3 h4s a kn1f3", "en");
        assertThat(r.danger()).isEqualTo("emergency");
        Reading wages = read("the b0ss has n0t paid my salary", "en");
        assertThat(wages.dangerous()).isFalse();
        assertThat(wages.guesses()).first().extracting(Reading.Guess::target).isEqualTo("wages");
    }

    @Test
    void smallTalkIsNotRouted() {
        assertThat(read("good morning", "en").guesses()).isEmpty();
        assertThat(read("good morning", "en").dangerous()).isFalse();
    }

    @Test
    void aDialogWithoutExamplesHasNoModel() {
        Loaded basic = Fixtures.basic();
        Recogniser r = Recogniser.train(basic.set());
        assertThat(r.knows("demo")).isFalse();
        assertThat(r.read(basic.set().dialog("demo").orElseThrow(), "lege", "nb")).isEmpty();
    }

    @Test
    void keywordsAreTrainedAsExamplesOfTheirTopic() {
        assertThat(Recogniser.trainingData(loaded.set(), help))
                .contains(new no.losen.content.Examples.Labelled("nb", "health", "lege"));
    }

    private static Scores scores(double danger, Object... topicAndP) {
        List<Scored> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < topicAndP.length; i += 2) {
            ranked.add(new Scored((String) topicAndP[i], (Double) topicAndP[i + 1]));
        }
        return new Scores(ranked, danger);
    }

    @Test
    void aboveTheRouteBarItIsSureBetweenTheBarsItOffersUpToThreeBelowItKnowsNothing() {
        assertThat(Recogniser.decide(scores(0, "wages", 0.5, "housing", 0.2), false, "emergency", T).kind())
                .isEqualTo(Reading.Kind.SURE);
        Reading unsure = Recogniser.decide(scores(0, "wages", 0.3, "none", 0.25, "housing", 0.2, "health", 0.1,
                "emergency", 0.1, "other", 0.05), false, "emergency", T);
        assertThat(unsure.kind()).isEqualTo(Reading.Kind.UNSURE);
        assertThat(unsure.guesses()).extracting(Reading.Guess::target).containsExactly("wages", "housing", "health");
        assertThat(Recogniser.decide(scores(0, "wages", 0.15, "housing", 0.1), false, "emergency", T).kind())
                .isEqualTo(Reading.Kind.UNKNOWN);
    }

    @Test
    void textMostLikeNoTopicVetoesTheDangerModelButNotADangerWord() {
        Scores s = scores(0.2, "none", 0.5, "wages", 0.3);
        assertThat(Recogniser.decide(s, false, "emergency", T).guesses()).isEmpty();
        assertThat(Recogniser.decide(s, false, "emergency", T).dangerous()).isFalse();
        assertThat(Recogniser.decide(s, true, "emergency", T).danger()).isEqualTo("emergency");
    }

    /** A keyword decides an unknown message, not one surely of no topic ("good night": "night" is the shelter's). */
    @Test
    void textSurelyOfNoTopicAboveTheRouteBarIsNoTopicBelowItUnknown() {
        assertThat(Recogniser.decide(scores(0, "none", 0.58, "shelter", 0.33), false, "emergency", T))
                .isEqualTo(Reading.NO_TOPIC);
        assertThat(Recogniser.decide(scores(0, "none", 0.3, "shelter", 0.25, "wages", 0.2), false, "emergency", T))
                .isEqualTo(Reading.UNKNOWN);
    }

    @Test
    void dangerAndNoTopicANarrowFirstAndSecondInEitherOrderAreToldApartByTheDangerScore() {
        assertThat(Recogniser.decide(scores(0.25, "emergency", 0.37, "none", 0.36), false, "emergency", T)).isEqualTo(Reading.UNKNOWN);
        assertThat(Recogniser.decide(scores(0.35, "emergency", 0.37, "none", 0.36), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.25, "emergency", 0.5, "none", 0.36), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.25, "emergency", 0.37, "none", 0.36), true, "emergency", T).dangerous()).isTrue();
        // no topic a hair first: a sure danger score is not vetoed, an unsure one is
        assertThat(Recogniser.decide(scores(0.34, "none", 0.35, "emergency", 0.33), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.25, "none", 0.35, "emergency", 0.33), false, "emergency", T)).isEqualTo(Reading.NO_TOPIC);
        assertThat(Recogniser.decide(scores(0.34, "none", 0.6, "emergency", 0.2), false, "emergency", T)).isEqualTo(Reading.NO_TOPIC);
    }

    @Test
    void besideATopicTheModelIsSureOfTheDangerModelAloneNeedsAHigherBar() {
        assertThat(Recogniser.decide(scores(0.25, "wages", 0.85), false, "emergency", T).dangerous()).isFalse();
        assertThat(Recogniser.decide(scores(0.35, "wages", 0.85), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.25, "wages", 0.7), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.05, "wages", 0.85), true, "emergency", T).dangerous()).isTrue();
    }

    @Test
    void theDangerModelIsEnoughButDangerAsTheBestTopicIsNot() {
        assertThat(Recogniser.decide(scores(0.16, "wages", 0.6), false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.01, "emergency", 0.25, "wages", 0.2), false, "emergency", T).dangerous())
                .isFalse();
        assertThat(Recogniser.decide(scores(0.16, "emergency", 0.25, "wages", 0.2), false, "emergency", T).dangerous())
                .isTrue();
        assertThat(Recogniser.decide(scores(0.01, "emergency", 0.25, "wages", 0.2), false, null, T).dangerous()).isFalse();
    }

    @Test
    void aMessageOfAFewWordsIsAnAlarmOnlyWithADangerWordOrTheDangerModelAboveTheHigherBar() {
        Scores leaning = scores(0.4, "emergency", 0.5, "wages", 0.2);
        assertThat(Recogniser.decide(leaning, 2, false, "emergency", T).dangerous()).isFalse();
        assertThat(Recogniser.decide(leaning, 2, true, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(scores(0.7, "emergency", 0.5, "wages", 0.2), 2, false, "emergency", T).dangerous()).isTrue();
        assertThat(Recogniser.decide(leaning, 4, false, "emergency", T).dangerous()).isTrue();
    }

    @Test
    void wordsAreCountedAfterFoldingSoPunctuationAndEmojiAreNone() {
        assertThat(Recogniser.words("ok thanks!!")).isEqualTo(2);
        assertThat(Recogniser.words("\uD83D\uDC4D")).isZero();
        assertThat(Recogniser.words("he is at the door with a knife")).isEqualTo(8);
    }
}
