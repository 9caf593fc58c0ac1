package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tools, as an author uses them. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void validatePrintsCoverageAndSucceedsOnGoodContent() {
        CliRun r = CliRun.of("validate", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo").contains("ar").contains("incomplete").contains("0 errors");
    }

    @Test
    void validateFailsWithFileLineColumnOnBrokenContent() {
        Path root = Fixtures.copyOfBasic(dir);
        Fixtures.write(root.resolve("dialogs/demo.yaml"), "id: demo\nnodes: [\n");
        CliRun r = CliRun.of("validate", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("dialogs/demo.yaml:3:1: error: YAML");
    }

    @Test
    void validateOfTheDialogsFolderItselfIsAnErrorThatSaysWhichFolderToGive() {
        CliRun r = CliRun.of("validate", Fixtures.REPO.resolve("dialogs").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("error: no dialogs found in").contains("validate .");
        assertThat(r.out()).contains("1 errors");
    }

    @Test
    void graphPrintsAMermaidFlowchart() {
        CliRun r = CliRun.of("graph", "demo", "--content", Fixtures.BASIC.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("flowchart TD").contains("n_hello -- \"child\" --> n_age_route")
                .contains("n_age_route -- \"minor\" --> n_child_help").contains("n_noted([noted])");
        assertThat(CliRun.of("graph", "nope", "--content", Fixtures.BASIC.toString()).code()).isEqualTo(1);
    }

    @Test
    void testRunsTheConversationScripts() {
        CliRun r = CliRun.of("test", Fixtures.BASIC.toString());
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
