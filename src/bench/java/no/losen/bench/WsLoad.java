package no.losen.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark (bench/ws-load). Starts Losen in its own JVM, holds N WebSocket sessions
 * from this JVM, each walking a dialog with a think time, and reports throughput, step latency
 * and heap per idle session; then does the same against a bare Vert.x echo server and prints the
 * ratio of the two ceilings. Loopback only; every phase is bounded in time.
 *
 * <p>{@code --store redis} (a local redis-server started for the run), {@code --store redis://host:port}
 * or {@code --store both} (memory, then a local Redis) runs Losen on that session store; each store
 * gets a line {@code store=redis sessions=…}, the memory store's last.
 *
 * <p>{@code --runs N} (default 3) repeats the whole measurement, Losen and echo, N times, printing each
 * run's line ({@code run=K sessions=…}); the last line is the median of the runs and the worst of each
 * goal's figure: {@code runs=N sessions=N msgs_per_s=N p50_ms=N p99_ms=<median> p99_worst_ms=N …
 * heap_per_session_bytes=N heap_per_session_worst_bytes=N echo_ratio=<median> echo_ratio_worst=R}. One run
 * of a tail measured on a shared machine says little; the spread says how much to trust it.
 *
 * <p>Both server JVMs, Losen's and the echo server's, start with the same flags ({@code --server-heap},
 * default 1g, as both -Xms and -Xmx; {@code --server-opts}, default {@code -XX:+UseG1GC}), so the ratio
 * compares the servers, not their settings. {@code --jfr FILE} records Losen's paced phase with Java Flight
 * Recorder (the {@code profile} settings), started and stopped with jcmd, so the flags stay the same;
 * {@code --histogram FILE} writes what the heap grew by per session, class by class ({@link HeapGrowth}).
 */
public final class WsLoad {

    private WsLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "10000"));
        long think = Long.parseLong(o.getOrDefault("think-ms", "1800"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int flat = Integer.parseInt(o.getOrDefault("flat-seconds", "10"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "3"));
        String jar = o.getOrDefault("jar", "target/losen.jar");
        String content = o.getOrDefault("content", "src/test/resources/content/basic");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = serverJvm(java, o);
        System.out.printf("machine: %d cores, %s, java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                loadAverage());
        System.out.printf("load: %d sessions, think %d ms (x0.5..1.5), %d s measured, %d s flat out, %d runs%n",
                sessions, think, seconds, flat, runs);
        System.out.println("server JVMs (Losen and echo alike): " + String.join(" ", jvm.subList(1, jvm.size())));

        String stores = o.getOrDefault("store", "memory");
        List<String> storeRuns = stores.equals("both") ? List.of("memory", "redis") : List.of(stores);
        boolean echo = !o.getOrDefault("echo", "true").equals("false");
        // store → one line per run
        Map<String, List<Line>> lines = new java.util.LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            System.out.printf("run %d of %d (load average %s)%n", run, runs, loadAverage());
            Map<String, Run> results = new java.util.LinkedHashMap<>();
            for (String store : storeRuns) {
                results.put(store.equals("memory") ? "memory" : "redis", losenWith(store, o, jvm, jar, content, sessions, think,
                        seconds, flat));
            }
            Load.Result echoFlat = echo ? echoServer(jvm, sessions, think, seconds, flat) : null;
            for (String store : order(results.keySet())) {
                Run r = results.get(store);
                double ratio = echoFlat == null || echoFlat.msgsPerSecond() == 0 ? Double.NaN
                        : r.flatOut().msgsPerSecond() / echoFlat.msgsPerSecond();
                Line line = new Line(r.held(), r.paced().msgsPerSecond(), r.paced().p50(), r.paced().p99(), r.paced().max(),
                        r.perSession(), ratio);
                lines.computeIfAbsent(store, k -> new ArrayList<>()).add(line);
                System.out.printf("run=%d %s%s%n", run, prefix(results.keySet(), store), line);
            }
        }
        if (echo) {
            System.out.printf("targets (worst of the runs): sessions>=10000 p99_ms<=5 heap_per_session_bytes<=4096 echo_ratio>=0.80%n");
        }
        // One summary line per store, the memory store's last (the line other tools read).
        for (String store : order(lines.keySet())) {
            System.out.println(prefix(lines.keySet(), store) + summary(lines.get(store)));
        }
    }

    /** The flags both server JVMs start with: the same heap and collector, and whatever --server-opts adds. */
    static List<String> serverJvm(String java, Map<String, String> o) {
        String heap = o.getOrDefault("server-heap", "1g");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap));
        cmd.addAll(flags(o.getOrDefault("server-opts", "-XX:+UseG1GC")));
        return cmd;
    }

    /** JVM flags given as one option, separated by spaces. */
    static List<String> flags(String opts) {
        return opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
    }

    /** One run's figures for one store. */
    record Line(int held, double msgsPerSecond, double p50, double p99, double max, long perSession, double ratio) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "sessions=%d msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f heap_per_session_bytes=%d echo_ratio=%s",
                    held, msgsPerSecond, p50, p99, max, perSession, Double.isNaN(ratio) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", ratio));
        }
    }

    /** The median of the runs, and the worst of each goal's figure (highest p99 and heap, lowest ratio). */
    static String summary(List<Line> runs) {
        double[] ratios = runs.stream().mapToDouble(Line::ratio).toArray();
        boolean noRatio = java.util.Arrays.stream(ratios).anyMatch(Double::isNaN);
        return String.format(java.util.Locale.ROOT,
                "runs=%d sessions=%d msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f p99_worst_ms=%.2f max_worst_ms=%.1f "
                        + "heap_per_session_bytes=%d heap_per_session_worst_bytes=%d echo_ratio=%s echo_ratio_worst=%s",
                runs.size(), runs.stream().mapToInt(Line::held).min().orElse(0),
                median(runs.stream().mapToDouble(Line::msgsPerSecond).toArray()),
                median(runs.stream().mapToDouble(Line::p50).toArray()),
                median(runs.stream().mapToDouble(Line::p99).toArray()),
                runs.stream().mapToDouble(Line::p99).max().orElse(0),
                runs.stream().mapToDouble(Line::max).max().orElse(0),
                (long) median(runs.stream().mapToDouble(Line::perSession).toArray()),
                runs.stream().mapToLong(Line::perSession).max().orElse(0),
                noRatio ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", median(ratios)),
                noRatio ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", java.util.Arrays.stream(ratios).min().orElse(0)));
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static List<String> order(java.util.Collection<String> stores) {
        List<String> order = new ArrayList<>(stores);
        order.sort((a, b) -> a.equals("memory") ? 1 : b.equals("memory") ? -1 : 0);
        return order;
    }

    private static String prefix(java.util.Collection<String> stores, String store) {
        return stores.size() > 1 || !store.equals("memory") ? "store=" + store + " " : "";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Losen on one store (memory, redis: a local redis-server for the run, or a redis:// URI). */
    private static Run losenWith(String store, Map<String, String> o, List<String> jvm, String jar, String content, int sessions,
                                 long think, int seconds, int flat) throws Exception {
        Abuse.RedisRun redis = null;
        String uri = store;
        if (store.equals("redis")) {
            redis = Abuse.RedisRun.startIfInstalled();
            if (redis == null) {
                throw new IllegalStateException("--store redis needs redis-server (apt-get install redis-server)");
            }
            uri = "redis://127.0.0.1:" + redis.port;
        }
        try {
            System.out.println("store: " + (uri.equals("memory") ? "memory" : "redis (" + uri + ")"));
            return losen(o, jvm, jar, content, sessions, think, seconds, flat, uri);
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    /** The bare echo server under the same load; its flat-out result is the ceiling Losen is compared with. */
    private static Load.Result echoServer(List<String> jvm, int sessions, long think, int seconds, int flat) throws Exception {
        int echoPort = freePort();
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoServer.class.getName(), Integer.toString(echoPort)));
        Process echo = start(cmd, "target/bench-echo.log", echoPort);
        try (Load load = new Load(echoPort, think, sessions)) {
            long before = heapAfterGc(echo.pid());
            int echoHeld = load.open(sessions, 500);
            load.run(Load.Mode.FLAT_OUT, 0, 5);
            Load.Result echoPaced = load.run(Load.Mode.PACED, 5, seconds);
            System.out.println("echo paced:     " + echoPaced);
            long after = heapAfterGc(echo.pid());
            System.out.printf("echo idle heap: %d bytes per socket (the transport's own share)%n",
                    echoHeld == 0 ? 0 : (after - before) / echoHeld);
            Load.Result echoFlat = load.run(Load.Mode.FLAT_OUT, 2, flat, echo.pid());
            System.out.println("echo flat out:  " + echoFlat);
            return echoFlat;
        } finally {
            stop(echo);
        }
    }

    /** One store's run: sessions held, the paced and flat-out results, heap per idle session. */
    record Run(int held, Load.Result paced, Load.Result flatOut, long perSession) {
    }

    private static Run losen(Map<String, String> o, List<String> jvm, String jar, String content, int sessions,
                             long think, int seconds, int flat, String store) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(jvm);
        cmd.addAll(List.of("-jar", jar, "--port", Integer.toString(port), "--host", "127.0.0.1", "--content", content,
                "--max-connections-per-address", Integer.toString(sessions + 100),
                "--max-sessions", Integer.toString(sessions * 2), "--ws-idle-timeout", "30m",
                "--ws-rate", "1000", "--ws-burst", "1000", "--session-store", store));
        // Every simulated user comes from loopback, one address: its budgets of new connections and conversations are off.
        Process server = start(cmd, "target/bench-losen.log", port, Map.of("LOSEN_NEW_SESSIONS_BURST", "0",
                "LOSEN_NEW_CONNECTIONS_BURST", "0"));
        Load.Result paced;
        Load.Result flatOut;
        long perSession;
        int held;
        try (Load load = new Load(port, think, sessions)) {
            long before = heapAfterGc(server.pid());
            String histogramBefore = o.containsKey("histogram") ? run(jcmdPath(), Long.toString(server.pid()), "GC.class_histogram") : "";
            long t0 = System.nanoTime();
            held = load.open(sessions, 500);
            System.out.printf("losen: %d sessions opened in %.1f s%n", held, (System.nanoTime() - t0) / 1e9);
            // JIT warm-up: a few seconds flat out, not measured, so the paced phase sees compiled code.
            load.run(Load.Mode.FLAT_OUT, 0, 5);
            Map<String, Double> m0 = stepBuckets(port);
            String jcmd = jcmdPath();
            if (o.containsKey("jfr")) {
                // started here, in Losen's JVM only, so the echo server's flags stay the same as Losen's
                run(jcmd, Long.toString(server.pid()), "JFR.start", "name=ws-load", "settings=profile");
            }
            paced = load.run(Load.Mode.PACED, 5, seconds);
            if (o.containsKey("jfr")) {
                System.out.print(run(jcmd, Long.toString(server.pid()), "JFR.stop", "name=ws-load",
                        "filename=" + Path.of(o.get("jfr")).toAbsolutePath()));
            }
            System.out.println("losen paced:    " + paced);
            Map<String, Double> m1 = stepBuckets(port);
            double n = m1.getOrDefault("+Inf", 0.0) - m0.getOrDefault("+Inf", 0.0);
            StringBuilder b = new StringBuilder("losen server-side step latency (its own histogram, warm-up included):");
            for (String le : List.of("0.001", "0.005", "0.02", "0.1", "1.0")) {
                double under = m1.getOrDefault(le, 0.0) - m0.getOrDefault(le, 0.0);
                b.append(String.format(" <=%sms %.2f%%", (int) (Double.parseDouble(le) * 1000), n == 0 ? 0 : 100 * under / n));
            }
            System.out.println(b);
            long after = heapAfterGc(server.pid());
            if (o.containsKey("histogram")) {
                Files.writeString(Path.of(o.get("histogram")), HeapGrowth.between(histogramBefore,
                        run(jcmd, Long.toString(server.pid()), "GC.class_histogram"), held));
            }
            perSession = held == 0 ? 0 : (after - before) / held;
            System.out.printf("losen idle heap: %d KiB before, %d KiB with %d idle sessions: %d bytes each%n",
                    before / 1024, after / 1024, held, perSession);
            flatOut = load.run(Load.Mode.FLAT_OUT, 2, flat, server.pid());
            System.out.println("losen flat out: " + flatOut);
        } finally {
            stop(server);
        }
        return new Run(held, paced, flatOut, perSession);
    }


    /** The server's own step-latency histogram buckets ({@code le} to cumulative count), from /metrics. */
    static Map<String, Double> stepBuckets(int port) {
        Map<String, Double> out = new java.util.HashMap<>();
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("losen_step_seconds_bucket\\{channel=\"ws\",le=\"([^\"]+)\"} ([0-9.E+]+)").matcher(body);
            while (m.find()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("(no /metrics: " + e + ")");
        }
        return out;
    }

    static Process start(List<String> command, String log, int port) throws IOException, InterruptedException {
        return start(command, log, port, Map.of());
    }

    static Process start(List<String> command, String log, int port, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(Path.of(log).toFile()));
        pb.environment().put("LOSEN_LOG_LEVEL", "WARN");
        pb.environment().putAll(env);
        Process p = pb.start();
        // A busy shared machine can take a minute or two to build the search index.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited (" + p.exitValue() + "); see " + log);
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not listen within 180 s; see " + log);
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** The server's used heap after a full GC, read with jcmd (same JDK as this one). */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        String jcmd = jcmdPath();
        run(jcmd, Long.toString(pid), "GC.run");
        Thread.sleep(500);
        run(jcmd, Long.toString(pid), "GC.run");
        String info = run(jcmd, Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap from jcmd: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    static String jcmdPath() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i + 1 < rest.size(); i += 2) {
            o.put(rest.get(i).replaceFirst("^--", ""), rest.get(i + 1));
        }
        return o;
    }
}
