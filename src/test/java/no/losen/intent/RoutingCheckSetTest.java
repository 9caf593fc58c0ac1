package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The held-out check sets of the repository (dialogs/tests/routing/LANG.jsonl, never trained on): every
 * danger message reaches emergency help in every language, and each language routes at least the share
 * measured when the sets were written (docs/measurements.md, "Free text"), so a change to examples or code that makes
 * routing worse fails here.
 */
class RoutingCheckSetTest {

    /** Lowest per-language accuracy measured on the check sets (0.79, nb) less a margin for new examples. */
    static final double FLOOR = 0.75;

    private static Engine engine;

    @BeforeAll
    static void train() {
        Loaded l = ContentLoader.load(Path.of(""));
        assertThat(l.errors()).isEmpty();
        engine = new Engine(l.set(), Map.of("search", (t, lang) -> List.of()), Recogniser.train(l.set()));
    }

    @TestFactory
    Stream<DynamicTest> everyLanguagesCheckSet() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("dialogs/tests/routing"))) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Tally t = RoutingCheck.run(engine, "rights", RoutingCheck.read(f));
            int[] danger = t.danger();
            int[] off = t.offTopic();
            assertThat(danger[1]).as("danger lines").isGreaterThanOrEqualTo(8);
            assertThat(danger[0]).as("danger recall in " + f + ", misses: " + misses(t)).isEqualTo(danger[1]);
            assertThat(t.accuracy()).as("routing accuracy in " + f + ", misses: " + misses(t)).isGreaterThanOrEqualTo(FLOOR);
            assertThat(off[0]).as("off-topic kept out in " + f).isGreaterThanOrEqualTo(off[1] - 1);
        }));
    }

    private static List<String> misses(Tally t) {
        return t.outcomes().stream().filter(o -> !o.hit()).map(o -> o.id() + " -> " + o.got()).toList();
    }
}
