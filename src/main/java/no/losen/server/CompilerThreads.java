package no.losen.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the JIT's optimizing compiler threads (C2) at the lowest priority, nice 19, so that compiling uses the cores'
 * idle moments and never holds one that a conversation's step is waiting for.
 *
 * <p>Why: a server's first minutes under a flood were mostly its JIT. In {@code bench/abuse}'s first search flood on
 * a fresh server, C2 took 727–868 of the server's 1,717–1,970 ticks (two cores: 3,200 in the flood's 16 s), compiling
 * and recompiling what each new kind of message reaches, and a bystander's typed question waited for a core: p99 50.5
 * and 68.9 ms in two runs against a goal of 50. C2's code pays off over hours, not in the second a person is waiting.
 * Why C2 alone: the JVM's own flags ({@code -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=19}) lower C1 too,
 * and a start that builds the index and trains the models on both cores then ran in the interpreter for longer: the
 * first start of a build 35 → 50 s, 53 → 86 s of CPU. With C2 alone lowered, starts got faster (warm 4.4–4.9 →
 * 3.0–3.5 s, cold 38.7–40.5 → 34.0–37.2 s, two of each, alternately): C2's work at start is in no step's way once it
 * waits.
 *
 * <p>How: Java sets no thread's priority on Linux without those flags, so {@code renice}
 * does, for the threads named {@code C2 CompilerThre…} in {@code /proc/self/task} that are not at nice 19 yet; again
 * every minute, as the JVM starts more compiler threads when its queue grows (on more than two cores). Lowering one's
 * own threads' priority needs no permission. Where there is no {@code /proc} or no {@code renice} nothing changes.
 */
public final class CompilerThreads {

    private static final Logger LOG = LoggerFactory.getLogger(CompilerThreads.class);
    static final String C2 = "C2 CompilerThre";
    static final int LOWEST = 19;

    /** Runs {@code renice} for the given thread ids; true when it succeeded. */
    interface Renice {
        boolean lower(List<String> threads) throws IOException, InterruptedException;
    }

    private final Path tasks;
    private final Renice renice;

    CompilerThreads(Path tasks, Renice renice) {
        this.tasks = tasks;
        this.renice = renice;
    }

    /** Lowers this JVM's C2 threads now, and every minute after on a daemon thread of its own. */
    public static void lowerFromNowOn() {
        CompilerThreads jvm = new CompilerThreads(Path.of("/proc/self/task"), CompilerThreads::renice);
        ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "losen-compiler-priority");
            t.setDaemon(true);
            return t;
        });
        every.scheduleWithFixedDelay(jvm::lowerQuietly, 0, 1, TimeUnit.MINUTES);
    }

    private void lowerQuietly() {
        try {
            int lowered = lower();
            if (lowered > 0) {
                LOG.info("event=jit.priority lowered={} nice={}", lowered, LOWEST);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("event=jit.priority unavailable reason=\"{}\"", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lowers the C2 threads not at the lowest priority yet; how many it lowered (0 without {@code /proc}). */
    int lower() throws IOException, InterruptedException {
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        List<String> higher = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.filter(isC2().and(t -> nice(t) < LOWEST)).forEach(t -> higher.add(t.getFileName().toString()));
        }
        return higher.isEmpty() || !renice.lower(higher) ? 0 : higher.size();
    }

    private static Predicate<Path> isC2() {
        return t -> {
            try {
                return Files.readString(t.resolve("comm")).startsWith(C2);
            } catch (IOException gone) {
                return false;   // the thread ended between the listing and the read
            }
        };
    }

    /** The thread's nice value, field 19 of its stat line; the name before it may hold spaces and parentheses. */
    private static int nice(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException gone) {
            return LOWEST;
        }
    }

    private static boolean renice(List<String> threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(LOWEST), "-p"));
        cmd.addAll(threads);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
