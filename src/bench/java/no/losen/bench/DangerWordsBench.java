package no.losen.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.intent.DangerWords;
import no.losen.intent.Recogniser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The words of danger read in a message of the longest length allowed, with the public dialog's real lists
 * (the repository's content): what a message refused for a flood costs the urgent reader's thread
 * ({@code step.UrgentReads} reads every one it takes, so a cry is not refused as "busy"). Stories without a
 * word of danger, so every list is tried to its end: English, Arabic, and English typed in an Arabic session
 * (every script's lists).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DangerWordsBench {

    private DangerWords words;
    private String english;
    private String arabic;

    @Setup
    public void setup() {
        Loaded l = ContentLoader.load(Path.of(System.getProperty("losen.content", ".")));
        words = Recogniser.dangerWords(l.set(), l.set().dialogs().get("rights"));
        english = ("I came to Norway two years ago and work in a restaurant kitchen where the owner pays me very "
                + "little and keeps my passport. What can I do about my wages, and can someone who speaks my language "
                + "help me? ").repeat(6).substring(0, 1000);
        arabic = "انا جيت على النرويج من سنتين وبشتغل في مطعم وصاحب المطعم بيدفعلي قليل كتير وماخد جوازي بدي اعرف شو بقدر اعمل "
                .repeat(10).substring(0, 1000);
    }

    @Benchmark
    public boolean english() {
        return words.matches(english, "en");
    }

    @Benchmark
    public boolean arabic() {
        return words.matches(arabic, "ar");
    }

    @Benchmark
    public boolean englishInAnArabicSession() {
        return words.matches(english, "ar");
    }
}
