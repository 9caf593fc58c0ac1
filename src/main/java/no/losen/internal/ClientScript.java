package no.losen.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the shared /ws protocol client ({@code webroot/losen-client.js}) into a script that
 * talks the protocol: the widget and the staff console. It is done once at start-up, where the
 * script says {@code /* losen-client.js *}{@code /}, so the widget stays what a host page loads
 * with one script tag (no second request on a slow link, nothing more for a host page's
 * Content-Security-Policy to allow) and both scripts are cached and hashed as one file.
 */
public final class ClientScript {

    /** The line a script writes where the client goes, inside its own function so nothing leaks to the page. */
    public static final String MARKER = "/* losen-client.js */";

    private static final String CLIENT = read("webroot/losen-client.js");

    private ClientScript() {
    }

    /** {@code script} with the client in place of its one marker. */
    public static String into(String script) {
        int at = script.indexOf(MARKER);
        if (at < 0 || script.indexOf(MARKER, at + 1) >= 0) {
            throw new IllegalStateException("a script that talks /ws must say " + MARKER + " exactly once");
        }
        return script.substring(0, at) + CLIENT.strip() + script.substring(at + MARKER.length());
    }

    private static String read(String name) {
        try (InputStream in = ClientScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
