package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line tools, as an author uses them. */
class CliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true));
            System.setErr(new PrintStream(e, true));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void validatePrintsCoverageAndSucceedsOnGoodContent() {
        Run r = run("validate", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo").contains("ar").contains("incomplete").contains("0 errors");
    }

    @Test
    void validateFailsWithFileLineColumnOnBrokenContent() {
        Path root = Fixtures.copyOfBasic(dir);
        Fixtures.write(root.resolve("dialogs/demo.yaml"), "id: demo\nnodes: [\n");
        Run r = run("validate", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("dialogs/demo.yaml:3:1: error: YAML");
    }

    @Test
    void graphPrintsAMermaidFlowchart() {
        Run r = run("graph", "demo", "--content", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("flowchart TD").contains("n_hello -- \"child\" --> n_age_route")
                .contains("n_age_route -- \"minor\" --> n_child_help").contains("n_noted([noted])");
        assertThat(run("graph", "nope", "--content", Fixtures.BASIC.toString()).code()).isEqualTo(1);
    }

    @Test
    void testRunsTheConversationScripts() {
        Run r = run("test", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ok   a child is routed").contains("1 passed, 0 failed");
    }

    @Test
    void durationsReadLikePeopleWriteThem() {
        assertThat(ServeCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ServeCommand.duration("900s")).isEqualTo(Duration.ofSeconds(900));
        assertThat(ServeCommand.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ServeCommand.duration("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ServeCommand.duration("45")).isEqualTo(Duration.ofMinutes(45));
    }
}
