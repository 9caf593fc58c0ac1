package no.losen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the server's CPU went during a phase of a benchmark, by kind of thread: the JIT's compiler threads,
 * the garbage collector's, and all of them. Read from {@code /proc/<pid>/task/<tid>/stat} (Linux; elsewhere
 * it says so).
 *
 * <p>Why: on two cores shared by the server, the attacker and the bystander, a bystander's slow step is
 * whatever else held a core then, and the server's own threads say little of it. Counted by thread,
 * {@code bench/abuse}'s search flood on a server that had met no flood yet spent 727–868 ticks of its
 * 1,717–1,970 (of 3,200 in 16 s) in C2, the optimizing compiler, recompiling the code each new kind of
 * message reaches; the flood's own steps took 276–308, and the bystander's p99 was 62–105 ms. That is
 * the server's first minute, not an attack's cost, so the bench warms the server first
 * ({@code Abuse.warmServer}) and prints this beside each attack to show what is left.
 */
final class ServerCpu {

    /** Clock ticks a second ({@code USER_HZ}), 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private Map<String, Long> mark;
    private long markNanos;

    ServerCpu(long pid) {
        this.pid = pid;
        mark();
    }

    /** Starts a phase. */
    void mark() {
        mark = ticks();
        markNanos = System.nanoTime();
    }

    /**
     * The phase since the last mark, in percent of one core ({@code server_cpu_pct=… jit_pct=… gc_pct=…}),
     * and starts the next.
     */
    String sinceMark() {
        Map<String, Long> now = ticks();
        double seconds = (System.nanoTime() - markNanos) / 1e9;
        if (now.isEmpty() || seconds <= 0) {
            return "server_cpu=unknown";
        }
        long all = 0;
        long jit = 0;
        long gc = 0;
        for (var e : now.entrySet()) {
            long spent = e.getValue() - mark.getOrDefault(e.getKey(), 0L);
            all += spent;
            String thread = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            if (thread.contains("CompilerThre")) {
                jit += spent;
            } else if (thread.startsWith("G1 ") || thread.startsWith("GC Thread")) {
                gc += spent;
            }
        }
        mark = now;
        markNanos = System.nanoTime();
        double pct = 100 / (TICKS_PER_SECOND * seconds);
        return String.format("server_cpu_pct=%.0f jit_pct=%.0f gc_pct=%.0f", all * pct, jit * pct, gc * pct);
    }

    /** User and system ticks of each thread, keyed by its id and name; empty where there is no /proc. */
    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (name) state … ; the name may hold spaces and parentheses, so split after the last ')'
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    ticks.put(task.getFileName() + " " + stat.substring(open + 1, close),
                            Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return ticks;
    }
}
