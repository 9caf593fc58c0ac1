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

/**
 * {@code validate} tells an author which nodes of a public dialog are too long for SMS, as an
 * error that fails the content, and is content again once the long text has a short {@code .sms} form.
 */
class ValidateSmsWarningsTest {

    @TempDir
    Path dir;

    @Test
    void aNodeOverTheSmsBudgetIsAnErrorWithFileAndLineUntilItHasAShortForm() throws IOException {
        Path root = Fixtures.copyOfBasic(dir);
        Files.createDirectories(root.resolve("translations/sms"));
        for (String lang : new String[] {"nb", "en", "ar"}) {
            Files.copy(Path.of("translations/sms/" + lang + ".yaml"), root.resolve("translations/sms/" + lang + ".yaml"));
        }
        Fixtures.write(root.resolve("translations/demo/nb.yaml"), Files.readString(root.resolve("translations/demo/nb.yaml"))
                .replace("demo.emergency: Ring 112.", "demo.emergency: \"" + "Ring 112 hvis noen er i fare nå. ".repeat(20) + "\""));
        Run over = validate(root);
        assertThat(over.code()).isEqualTo(1);
        assertThat(over.err()).contains("dialogs/demo.yaml:")
                .contains(": error: SMS: node 'emergency' of public dialog 'demo' takes more than 3 segments in 1 of 3 "
                        + "languages (nb 6); give its long texts a short .sms form (docs/translating.md)");
        assertThat(over.out()).contains(" 1 errors, ");

        Files.writeString(root.resolve("translations/demo/nb.yaml"), "  demo.emergency.sms: Ring 112 hvis noen er i fare.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run fits = validate(root);
        assertThat(fits.code()).isZero();
        assertThat(fits.err()).doesNotContain("SMS:");
        assertThat(fits.out()).contains(" 0 errors, ");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run validate(Path root) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true));
            System.setErr(new PrintStream(e, true));
            int code = new CommandLine(new Main()).execute("validate", root.toString());
            return new Run(code, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
