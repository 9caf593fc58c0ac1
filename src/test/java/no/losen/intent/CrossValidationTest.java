package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.losen.content.Examples;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.Test;

/** Every example is scored once, by a model that never saw it. */
class CrossValidationTest {

    private final Loaded loaded = ContentLoader.load(RecogniserTest.INTENT);

    @Test
    void everyExampleIsScoredOnceAndTheTallyCountsPerLanguage() {
        List<Examples.Labelled> examples = loaded.set().examples().labelled("help");
        List<CrossValidation.Scored> scored = CrossValidation.run(examples, List.of(), DangerWords.NONE, 3,
                IntentModel.Settings.DEFAULT, 1);
        assertThat(scored).hasSameSizeAs(examples);
        assertThat(scored.stream().map(CrossValidation.Scored::example)).containsExactlyInAnyOrderElementsOf(examples);
        Tally t = CrossValidation.tally(scored, Recogniser.Thresholds.DEFAULT);
        assertThat(t.perLanguage()).containsOnlyKeys("nb", "en");
        assertThat(t.perLanguage().get("en")[1]).isEqualTo(32);
        assertThat(t.offTopic()[1]).isEqualTo(14);
        assertThat(t.danger()[1]).isEqualTo(14);
    }

    @Test
    void kMustBeAtLeastTwo() {
        assertThatThrownBy(() -> CrossValidation.run(List.of(), List.of(), DangerWords.NONE, 1,
                IntentModel.Settings.DEFAULT, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
