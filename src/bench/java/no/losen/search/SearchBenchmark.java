package no.losen.search;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Search throughput over the real corpus, per mode and query language. Run with
 * {@code mvn -Pbench test-compile exec:exec} (kept out of the unit tests). The questions are
 * fixed and varied (short, long, compound-heavy, English) so the JIT sees a realistic mix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class SearchBenchmark {

    private static final String[] NORWEGIAN = {
        "Hvem kan få refleksjonsperiode?",
        "Har papirløse rett til helsehjelp og fastlege?",
        "oppholdstillatelse for ofre for menneskehandel",
        "Hva skjer med barn uten lovlig opphold når barnevernet får en bekymringsmelding om familien?",
        "tolk telefon samtale",
    };
    private static final String[] ENGLISH = {
        "Can an asylum seeker work while waiting for a decision?",
        "emergency health care for undocumented migrants",
        "Who do reception centre staff call about suspected trafficking?",
        "child welfare services and families without residence permits",
        "interpreter",
    };

    @Param({"hybrid", "bm25"})
    public String mode;

    @Param({"nb", "en"})
    public String lang;

    private HandbookSearch search;
    private String[] questions;

    @Setup
    public void build() {
        search = HandbookSearch.build(Path.of(System.getProperty("losen.root", ".")), SearchConfig.defaults());
        questions = "en".equals(lang) ? ENGLISH : NORWEGIAN;
    }

    @Benchmark
    public void search(Blackhole bh) {
        String q = questions[ThreadLocalRandom.current().nextInt(questions.length)];
        bh.consume(search.search(new SearchRequest(q, lang, 5, SearchMode.parse(mode))));
    }
}
