package no.losen.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.losen.dialog.Engine;
import no.losen.dialog.Session;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.intent.Recogniser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one read for danger costs the urgent reader by the message's length (the words of danger, then the
 * danger model over its last and first 200 characters, as {@code step.Steps} reads a message refused or
 * waiting): why {@code step.UrgentReads} budgets a conversation's reads by the characters they read, not by
 * their number. A question without danger in it, so every list is tried to its end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UrgentReadBench {

    @Param({"10", "40", "100", "200", "400", "1000"})
    public int length;

    private Engine engine;
    private Session session;
    private String text;

    @Setup
    public void setup() {
        Loaded l = ContentLoader.load(Path.of(System.getProperty("losen.content", ".")));
        engine = new Engine(l.set(), Map.of(), Recogniser.train(l.set()));
        session = engine.start("rights", "en", false).session();
        text = ("I came to Norway two years ago and work in a restaurant kitchen where the owner pays me very "
                + "little and keeps my passport. What can I do about my wages, and can someone who speaks my language "
                + "help me? ").repeat(6).substring(0, length);
    }

    @Benchmark
    public boolean read() {
        String last = text.length() <= 200 ? text : text.substring(text.length() - 200);
        String first = text.length() <= 200 ? text : text.substring(0, 200);
        return engine.dangerWord(session, text) || engine.urgent("rights", last, "en")
                || !first.equals(last) && engine.urgent("rights", first, "en");
    }
}
