package no.losen.channel.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.dialog.Engine;
import no.losen.dialog.TextAction;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;

/** The basic fixture (dialog {@code demo} in nb, en, ar) with the repository's real SMS words added. */
final class SmsFixture {

    private SmsFixture() {
    }

    static Path root(Path dir) {
        Fixtures.copyOfBasic(dir);
        try {
            Files.createDirectories(dir.resolve("translations/sms"));
            for (String lang : new String[] {"nb", "en", "ar"}) {
                Files.copy(Path.of("translations/sms/" + lang + ".yaml"), dir.resolve("translations/sms/" + lang + ".yaml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Engine engine(Path dir, Map<String, TextAction> actions) {
        Loaded l = ContentLoader.load(root(dir));
        if (!l.ok()) {
            throw new IllegalStateException("fixture does not validate: " + l.errors());
        }
        return new Engine(l.set(), actions, no.losen.intent.Recogniser.train(l.set()));
    }
}
