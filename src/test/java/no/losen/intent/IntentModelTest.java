package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import no.losen.content.Examples;
import no.losen.dialog.DialogSet;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.Test;

/**
 * What is learnt from Norwegian examples reaches a message in a language with none, over the bridge; and
 * danger is what the danger model and the topic model say together.
 */
class IntentModelTest {

    private static final List<String> HEALTH = List.of("jeg trenger lege", "kan jeg få time hos lege", "syk og trenger lege nå",
            "hvor finner jeg en lege", "legen min svarer ikke", "jeg har vondt og vil til lege");
    private static final List<String> WAGES = List.of("sjefen betaler ikke lønn", "fikk ikke lønn i mars", "lønn for lite",
            "hvor mye lønn skal jeg ha", "lønn mangler to måneder", "jeg vil ha lønna mi");

    private static List<Examples.Labelled> norwegian() {
        List<Examples.Labelled> out = new ArrayList<>();
        HEALTH.forEach(t -> out.add(new Examples.Labelled("nb", "health", t)));
        WAGES.forEach(t -> out.add(new Examples.Labelled("nb", "wages", t)));
        // small talk, so a message the bridge gives no word is not forced onto a topic
        out.add(new Examples.Labelled("xx", "none", "hello there"));
        out.add(new Examples.Labelled("xx", "none", "bye there"));
        return out;
    }

    /** A stand-in for the glossaries: two words of language "xx". */
    private static final IntentModel.Bridge GLOSSARY = (text, lang) -> {
        List<String> out = new ArrayList<>();
        if (lang.equals("xx") && text.contains("dakhtar")) {
            out.add("lege");
        }
        if (lang.equals("xx") && text.contains("mushahar")) {
            out.add("lønn");
        }
        return out;
    };

    @Test
    void aMessageInAnotherLanguageIsReadWithTheNorwegianWordsTheBridgeGivesIt() {
        IntentModel bridged = IntentModel.train(norwegian(), null, IntentModel.Settings.DEFAULT, GLOSSARY);
        assertThat(bridged.score("dakhtar please", "xx").ranked().get(0).topic()).isEqualTo("health");
        assertThat(bridged.score("mushahar please", "xx").ranked().get(0).topic()).isEqualTo("wages");
        IntentModel plain = IntentModel.train(norwegian(), null, IntentModel.Settings.DEFAULT);
        assertThat(plain.score("dakhtar please", "xx").p("health")).isLessThan(bridged.score("dakhtar please", "xx").p("health"));
    }

    @Test
    void norwegianMessagesAreReadAsWritten() {
        IntentModel bridged = IntentModel.train(norwegian(), null, IntentModel.Settings.DEFAULT, GLOSSARY);
        assertThat(bridged.score("trenger lege", "nb").ranked().get(0).topic()).isEqualTo("health");
    }

    @Test
    void dangerIsTheGeometricMeanOfTheDangerModelAndTheTopicModelsDangerTopic() {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        IntentModel m = IntentModel.train(Recogniser.trainingData(set, set.dialog("help").orElseThrow()), "emergency",
                IntentModel.Settings.DEFAULT);
        for (String text : List.of("he is hitting me right now", "the boss has not paid my salary", "hello")) {
            IntentModel.Scores s = m.score(text, "en");
            assertThat(s.danger()).as(text).isCloseTo(Math.sqrt(m.dangerModel(text, "en") * s.p("emergency")),
                    within(1e-12));
        }
        IntentModel.Scores cry = m.score("he is hitting me right now", "en");
        assertThat(cry.danger()).isLessThan(m.dangerModel("he is hitting me right now", "en")).isGreaterThan(0.15);
    }
}
