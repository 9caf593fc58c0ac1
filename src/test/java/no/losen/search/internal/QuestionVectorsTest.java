package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The English sentence model over the questions passages answer: meaning, not shared words, ranks them. */
class QuestionVectorsTest {

    private final EmbeddingModel model = QuestionVectors.model();

    private static PassageQuestions.Asked en(String... questions) {
        return new PassageQuestions.Asked(Map.of("en", List.of(questions), "nb", List.of("ikke lest av denne modellen")));
    }

    private final QuestionVectors vectors = QuestionVectors.build(Map.of(
            0, en("Where can I stay the night if I have nowhere to sleep?"),
            1, en("How do I apply for asylum?", "What happens after I ask for protection?"),
            2, en("Can I see a doctor without a residence permit?")), model);

    private int first(String question) {
        return vectors.nearest(model.embed(question).content().vector(), 3).get(0).ordinal();
    }

    @Test
    void aQuestionFindsThePassageWhoseQuestionMeansTheSameInOtherWords() {
        assertThat(first("is there a bed for tonight, I am homeless")).isEqualTo(0);
        assertThat(first("a doctor for people without papers")).isEqualTo(2);
        assertThat(first("seeking refuge in norway, what is the procedure")).isEqualTo(1);
    }

    @Test
    void readsOnlyTheEnglishQuestionsAndRanksEveryPassageOnce() {
        assertThat(vectors.size()).isEqualTo(4);
        assertThat(vectors.nearest(model.embed("asylum").content().vector(), 10))
                .extracting(PassageIndex.Hit::ordinal).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aQuestionCloseToNothingFindsNothing() {
        // the best cosine of gibberish or small talk stays under the floor (real questions' best: 0.51 or more)
        for (String q : java.util.List.of("asdfghjkl", "ok thanks", "\uD83D\uDC4D", "who won the football match")) {
            assertThat(vectors.nearest(model.embed(q).content().vector(), 3)).as(q).isEmpty();
        }
    }

    @Test
    void aPassageScoresItsClosestQuestion() {
        float[] q = model.embed("what happens after I ask for protection").content().vector();
        PassageIndex.Hit best = vectors.nearest(q, 1).get(0);
        assertThat(best.ordinal()).isEqualTo(1);
        assertThat(best.score()).isGreaterThan(0.95f); // the second question of passage 1, nearly word for word
    }

    @Test
    void theCachedFormRanksAsTheBuiltOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuestionVectors.CODEC.write(vectors, new DataOutputStream(bytes));
        QuestionVectors read = QuestionVectors.CODEC.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] q = model.embed("where can I sleep tonight, I have no home").content().vector();
        assertThat(read.nearest(q, 3)).isNotEmpty().isEqualTo(vectors.nearest(q, 3));
    }
}
