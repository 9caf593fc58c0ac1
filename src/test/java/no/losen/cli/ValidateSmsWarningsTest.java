package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate} tells an author which nodes are too long for SMS, without failing the content. */
class ValidateSmsWarningsTest {

    @TempDir
    Path dir;

    @Test
    void a_node_over_the_sms_budget_is_a_warning_with_file_and_line() throws IOException {
        Path root = Fixtures.copyOfBasic(dir);
        Files.createDirectories(root.resolve("translations/sms"));
        for (String lang : new String[] {"nb", "en", "ar"}) {
            Files.copy(Path.of("translations/sms/" + lang + ".yaml"), root.resolve("translations/sms/" + lang + ".yaml"));
        }
        Fixtures.write(root.resolve("translations/demo/nb.yaml"), Files.readString(root.resolve("translations/demo/nb.yaml"))
                .replace("demo.emergency: Ring 112.", "demo.emergency: \"" + "Ring 112 hvis noen er i fare nå. ".repeat(20) + "\""));
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true));
            code = new CommandLine(new Main()).execute("validate", root.toString());
        } finally {
            System.setOut(out);
        }
        assertThat(code).isZero();
        assertThat(o.toString()).contains("dialogs/demo.yaml:")
                .contains(": warning: SMS: node 'emergency' of dialog 'demo' takes more than 3 segments in 1 of 3 languages (nb 6); it is sent in parts")
                .contains(" 0 errors, ");
    }
}
