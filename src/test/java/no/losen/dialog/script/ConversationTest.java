package no.losen.dialog.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.losen.Fixtures;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.server.Actions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conversation script in dialogs/tests/ (the shipped content) and in the fixture, one
 * JUnit test per script, so a failing dialog shows up by its name and line in {@code mvn verify}.
 */
class ConversationTest {

    @TestFactory
    Stream<DynamicTest> shippedDialogs() {
        return scripts(Fixtures.REPO.toAbsolutePath());
    }

    @TestFactory
    Stream<DynamicTest> fixture() {
        return scripts(Fixtures.BASIC.toAbsolutePath());
    }

    @Test
    void theShippedContentValidates() {
        Loaded l = ContentLoader.load(Fixtures.REPO.toAbsolutePath());
        assertThat(l.errors()).isEmpty();
    }

    @Test
    void aFailingExpectationIsReportedWithItsLine() throws Exception {
        Path root = Fixtures.BASIC.toAbsolutePath();
        Path file = root.resolve("dialogs/tests/demo-child.yaml");
        Script s = ScriptReader.read(root, file);
        Script wrong = new Script(s.file(), s.name(), s.dialog(), "en", false, false, List.of(), s.turns());
        List<String> failures = new ScriptRunner(Fixtures.engine(java.util.Map.of())).run(wrong);
        assertThat(failures).anyMatch(f -> f.startsWith("dialogs/tests/demo-child.yaml:7:") && f.contains("expected text containing"));
    }

    private static Stream<DynamicTest> scripts(Path root) {
        Loaded l = ContentLoader.load(root);
        Engine engine = new Engine(l.set(), Actions.forContent(root), no.losen.intent.Recogniser.train(l.set()));
        ScriptRunner runner = new ScriptRunner(engine);
        return ScriptReader.files(root).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            assertThat(l.errors()).as("content errors").isEmpty();
            assertThat(runner.run(ScriptReader.read(root, f))).as("failures").isEmpty();
        }));
    }
}
