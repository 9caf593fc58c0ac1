package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsTest {

    @TempDir
    Path proc;

    private final List<List<String>> reniced = new ArrayList<>();

    @Test
    void onlyTheOptimizingCompilersThreadsNotYetAtTheLowestPriorityAreLowered() throws Exception {
        thread("101", "C2 CompilerThre", 0);
        thread("102", "C2 CompilerThre", 19);   // lowered before
        thread("103", "C1 CompilerThre", 0);    // C1 stays: a start on two busy cores needs its quick code
        thread("104", "losen-text-1", 0);
        thread("105", "C2 CompilerThre", -4);

        int lowered = new CompilerThreads(proc, threads -> reniced.add(List.copyOf(threads))).lower();

        assertThat(lowered).isEqualTo(2);
        assertThat(reniced).hasSize(1);
        assertThat(reniced.get(0)).containsExactlyInAnyOrder("101", "105");
    }

    @Test
    void aNameWithSpacesAndParenthesesDoesNotConfuseTheReadingOfItsPriority() throws Exception {
        thread("201", "C2 CompilerThre", 0, "C2 (x) ) CompilerThre");

        assertThat(new CompilerThreads(proc, threads -> reniced.add(List.copyOf(threads))).lower()).isEqualTo(1);
    }

    @Test
    void nothingIsLoweredWhenAllAreLowAlreadyOrThereIsNoProc() throws Exception {
        thread("301", "C2 CompilerThre", 19);

        assertThat(new CompilerThreads(proc, threads -> reniced.add(List.copyOf(threads))).lower()).isZero();
        assertThat(new CompilerThreads(proc.resolve("absent"), threads -> reniced.add(List.copyOf(threads))).lower())
                .isZero();
        assertThat(reniced).isEmpty();
    }

    @Test
    void aFailedReniceCountsNothingAsLowered() throws Exception {
        thread("401", "C2 CompilerThre", 0);

        assertThat(new CompilerThreads(proc, threads -> false).lower()).isZero();
    }

    @Test
    void thisJvmsOptimizingCompilerEndsAtTheLowestPriority() throws Exception {
        Path self = Path.of("/proc/self/task");
        assumeTrue(Files.isDirectory(self), "Linux only: elsewhere the server leaves priorities as they are");

        CompilerThreads.lowerFromNowOn();

        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Integer> nices = c2Nices(self);
        while (System.nanoTime() < deadline && (nices.isEmpty() || nices.stream().anyMatch(n -> n < 19))) {
            Thread.sleep(50);
            nices = c2Nices(self);
        }
        assertThat(nices).isNotEmpty().allMatch(n -> n == 19);
    }

    private static List<Integer> c2Nices(Path tasks) throws IOException {
        List<Integer> nices = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(t.resolve("comm")).startsWith(CompilerThreads.C2)) {
                        String stat = Files.readString(t.resolve("stat"));
                        nices.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return nices;
    }

    private void thread(String tid, String comm, int nice) throws IOException {
        thread(tid, comm, nice, comm);
    }

    /** A /proc/&lt;pid&gt;/task/&lt;tid&gt; with its comm and a stat line whose 19th field is {@code nice}. */
    private void thread(String tid, String comm, int nice, String statName) throws IOException {
        Path t = Files.createDirectories(proc.resolve(tid));
        Files.writeString(t.resolve("comm"), comm + "\n");
        // pid (name) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice …
        Files.writeString(t.resolve("stat"), tid + " (" + statName + ") S 1 1 1 0 -1 4194368 10 0 0 0 5 1 0 0 "
                + (20 + nice) + " " + nice + " 1 0 100 0 0\n");
    }
}
