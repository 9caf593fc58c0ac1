package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shared /ws client is written into each script that talks the protocol, at its one marker. */
class ClientScriptTest {

    @Test
    void theClientTakesThePlaceOfTheMarkerInsideTheScriptsOwnFunction() {
        String out = ClientScript.into("(function () {\n  " + ClientScript.MARKER + "\n  const c = losenClient({});\n})();\n");
        assertThat(out).startsWith("(function () {\n  /*").contains("function losenClient(o) {")
                .endsWith("\n  const c = losenClient({});\n})();\n").doesNotContain(ClientScript.MARKER);
    }

    @Test
    void aScriptWithoutTheMarkerOrWithItTwiceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ClientScript.into("(function () {})();")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ClientScript.into(ClientScript.MARKER + ClientScript.MARKER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWidgetAndTheConsoleBothTakeTheClient() throws IOException {
        for (String name : new String[] {"webroot/widget.js", "webroot/staff/console.js"}) {
            assertThat(ClientScript.into(read(name))).as(name).contains("function losenClient(o) {");
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ClientScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
