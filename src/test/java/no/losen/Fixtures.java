package no.losen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import no.losen.dialog.Engine;
import no.losen.dialog.TextAction;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;

/** Test content: small, complete content roots under src/test/resources/content. */
public final class Fixtures {

    public static final Path BASIC = Path.of("src/test/resources/content/basic");
    /** The repository's own content, as shipped. */
    public static final Path REPO = Path.of("");

    private Fixtures() {
    }

    /**
     * "Talk to a person" open around the clock for "Test Org": ten minutes to answer, half an hour
     * idle, ROSA as the contact, 20 messages a minute, blocks for a day.
     */
    public static no.losen.handoff.HandoffConfig openDesk() {
        return new no.losen.handoff.HandoffConfig("Test Org",
                no.losen.handoff.OpeningHours.parse("mon-sun 00:00-24:00", "", "Europe/Oslo"), java.time.Duration.ofMinutes(10),
                java.time.Duration.ofMinutes(30), java.util.List.of("rosa"), 20, java.time.Duration.ofHours(24));
    }

    public static Loaded basic() {
        return ContentLoader.load(BASIC);
    }

    public static Engine engine(Map<String, TextAction> actions) {
        Loaded l = basic();
        if (!l.ok()) {
            throw new IllegalStateException("fixture does not validate: " + l.errors());
        }
        return new Engine(l.set(), actions, no.losen.intent.Recogniser.train(l.set()));
    }

    /**
     * The content this repository ships, with its intent models trained: once per test run, as the server does
     * once per start (training takes seconds), and shared as the server shares it with every conversation.
     */
    public static Engine bundled() {
        return Bundled.ENGINE;
    }

    private static final class Bundled {
        static final Engine ENGINE;

        static {
            Loaded l = ContentLoader.load(ContentLoader.bundled());
            ENGINE = new Engine(l.set(), Map.of(), no.losen.intent.Recogniser.train(l.set()));
        }
    }

    /** A copy of the basic fixture that a test may break. */
    public static Path copyOfBasic(Path dir) {
        copyTree(BASIC, dir);
        return dir;
    }

    /** Copies the folder {@code from}, with everything in it, to {@code to}. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another client's step that holds one of {@code workers}' threads (with one thread and one place: all of
     * them) until {@code release}; returns once it runs, so a step submitted next finds it running, not waiting.
     */
    public static void holdAThread(no.losen.step.TextWorkers workers, java.util.concurrent.CountDownLatch release)
            throws InterruptedException {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        workers.submit("flood", () -> {
            running.countDown();
            release.await();
            return null;
        });
        if (!running.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the holding step did not start within 5 s");
        }
    }
}
