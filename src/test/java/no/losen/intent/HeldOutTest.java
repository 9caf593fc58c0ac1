package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.losen.content.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test split stays where it is when examples are added. */
class HeldOutTest {

    private static List<Examples.Labelled> examples(int n) {
        List<Examples.Labelled> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Examples.Labelled(i % 2 == 0 ? "nb" : "so", "t" + i % 5, "message " + i));
        }
        return out;
    }

    @Test
    void aboutThePercentageIsHeldOutAndAddingExamplesDoesNotMoveIt() {
        HeldOut.Split first = HeldOut.split(examples(1000), 20);
        assertThat(first.test().size()).isBetween(150, 250);
        assertThat(first.train().size() + first.test().size()).isEqualTo(1000);
        HeldOut.Split more = HeldOut.split(examples(1500), 20);
        assertThat(more.test()).containsAll(first.test());
        assertThat(more.train()).containsAll(first.train());
    }

    @Test
    void aListedTestSetIsWrittenOnceAndThenRestrictsTheTestSet(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("held-out.tsv");
        List<Examples.Labelled> before = HeldOut.split(examples(500), 20).test();
        assertThat(HeldOut.restrict(before, list)).isEqualTo(before);
        assertThat(Files.readAllLines(list)).hasSameSizeAs(before);
        List<Examples.Labelled> after = HeldOut.split(examples(900), 20).test();
        assertThat(HeldOut.restrict(after, list)).isEqualTo(before);
    }

    @Test
    void thePercentageMustBeBetweenOneAndNinetyNine() {
        assertThatThrownBy(() -> HeldOut.split(examples(10), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
