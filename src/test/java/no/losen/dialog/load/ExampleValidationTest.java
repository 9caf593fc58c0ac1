package no.losen.dialog.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the validator says about example files (translations/DIALOG/examples/LANG.yaml). */
class ExampleValidationTest {

    private static final Path INTENT = Path.of("src/test/resources/content/intent");

    @TempDir
    Path dir;

    private List<String> problems(String examplesEn) throws IOException {
        try (Stream<Path> s = Files.walk(INTENT)) {
            for (Path p : s.toList()) {
                Path to = dir.resolve(INTENT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Fixtures.write(dir.resolve("translations/help/examples/en.yaml"), examplesEn);
        return ContentLoader.load(dir).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void anExampleUnderTwoTopicsIsAnErrorNamingBothPlaces() throws IOException {
        List<String> p = problems("""
                meta: {status: draft}
                examples:
                  wages:
                    - "my boss did not pay me"
                  housing:
                    - "My boss did NOT pay me!"
                """);
        assertThat(p).anyMatch(s -> s.startsWith("translations/help/examples/en.yaml:6:7: error:")
                && s.contains("also under 'wages' at translations/help/examples/en.yaml:4:7"));
    }

    @Test
    void aTopicTheDialogDoesNotHaveIsAnErrorAndTooFewExamplesAWarning() throws IOException {
        List<String> p = problems("""
                meta: {status: draft}
                examples:
                  weather:
                    - "is it raining"
                  none:
                    - "hello"
                """);
        assertThat(p).anyMatch(s -> s.contains("error: 'weather' is not a topic of dialog 'help'"));
        assertThat(p).anyMatch(s -> s.contains("warning: en: 0 examples for topic 'wages' (at least 30)"));
    }

    @Test
    void aBadShapeIsReportedWithItsPlace() throws IOException {
        List<String> p = problems("""
                meta: {status: maybe}
                examples:
                  wages: "not a list"
                """);
        assertThat(p).anyMatch(s -> s.contains("meta.status must be reviewed or draft"));
        assertThat(p).anyMatch(s -> s.contains("examples of 'wages' must be a list of messages"));
    }
}
