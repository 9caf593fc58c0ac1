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
import no.losen.metrics.Metrics;
import no.losen.session.SessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;

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

    /** The step service over {@code engine} and {@code store}, text steps on the test's own thread. */
    static Steps steps(Engine engine, SessionStore store) {
        return new Steps(engine, store, new TextWorkers(TextWorkers.Limits.forCores(2), Runnable::run), Long.MAX_VALUE,
                Metrics.none());
    }

    static Engine engine(Path dir, Map<String, TextAction> actions) {
        Loaded l = ContentLoader.load(root(dir));
        if (!l.ok()) {
            throw new IllegalStateException("fixture does not validate: " + l.errors());
        }
        return new Engine(l.set(), actions, no.losen.intent.Recogniser.train(l.set()));
    }
}
