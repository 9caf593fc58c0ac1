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
 * <p>Last line: {@code sessions=N msgs_per_s=N p50_ms=N p99_ms=N heap_per_session_bytes=N echo_ratio=R}.
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
        String jar = o.getOrDefault("jar", "target/losen.jar");
        String content = o.getOrDefault("content", "src/test/resources/content/basic");
        String heap = o.getOrDefault("server-heap", "1g");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("machine: %d cores, %s, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.printf("load: %d sessions, think %d ms (x0.5..1.5), %d s measured, %d s flat out%n",
                sessions, think, seconds, flat);

        // 1. Losen, with each store asked for (--store memory, redis, redis://host:port, or both)
        String stores = o.getOrDefault("store", "memory");
        List<String> runs = stores.equals("both") ? List.of("memory", "redis") : List.of(stores);
        Map<String, Run> results = new java.util.LinkedHashMap<>();
        for (String store : runs) {
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
                results.put(uri.equals("memory") ? "memory" : "redis", losen(o, java, jar, content, heap, sessions, think,
                        seconds, flat, uri));
            } finally {
                if (redis != null) {
                    redis.close();
                }
            }
        }
        if (o.getOrDefault("echo", "true").equals("false")) {
            results.forEach((store, r) -> System.out.printf(
                    "store=%s sessions=%d msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f heap_per_session_bytes=%d echo_ratio=n/a%n",
                    store, r.held(), r.paced().msgsPerSecond(), r.paced().p50(), r.paced().p99(), r.perSession()));
            return;
        }
        // 2. The bare echo server, same load
        int echoPort = freePort();
        Process echo = start(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-cp",
                System.getProperty("java.class.path"), EchoServer.class.getName(), Integer.toString(echoPort)),
                "target/bench-echo.log", echoPort);
        Load.Result echoPaced;
        Load.Result echoFlat;
        try (Load load = new Load(echoPort, think, sessions)) {
            long before = heapAfterGc(echo.pid());
            int echoHeld = load.open(sessions, 500);
            load.run(Load.Mode.FLAT_OUT, 0, 5);
            echoPaced = load.run(Load.Mode.PACED, 5, seconds);
            System.out.println("echo paced:     " + echoPaced);
            long after = heapAfterGc(echo.pid());
            System.out.printf("echo idle heap: %d bytes per socket (the transport's own share)%n",
                    echoHeld == 0 ? 0 : (after - before) / echoHeld);
            echoFlat = load.run(Load.Mode.FLAT_OUT, 2, flat);
            System.out.println("echo flat out:  " + echoFlat);
        } finally {
            stop(echo);
        }
        System.out.printf("targets: sessions>=10000 msgs_per_s>=5000 p99_ms<20 heap_per_session_bytes<=4096 echo_ratio>=0.60%n");
        // One line per store, the memory store's last (the line other tools read).
        List<String> order = new ArrayList<>(results.keySet());
        order.sort((a, b) -> a.equals("memory") ? 1 : b.equals("memory") ? -1 : 0);
        for (String store : order) {
            Run r = results.get(store);
            double ratio = echoFlat.msgsPerSecond() == 0 ? 0 : r.flatOut().msgsPerSecond() / echoFlat.msgsPerSecond();
            System.out.printf("%ssessions=%d msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f heap_per_session_bytes=%d echo_ratio=%.2f%n",
                    results.size() > 1 || !store.equals("memory") ? "store=" + store + " " : "", r.held(),
                    r.paced().msgsPerSecond(), r.paced().p50(), r.paced().p99(), r.perSession(), ratio);
        }
    }

    /** One store's run: sessions held, the paced and flat-out results, heap per idle session. */
    record Run(int held, Load.Result paced, Load.Result flatOut, long perSession) {
    }

    private static Run losen(Map<String, String> o, String java, String jar, String content, String heap, int sessions,
                             long think, int seconds, int flat, String store) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC"));
        if (o.containsKey("server-opts")) {
            cmd.addAll(List.of(o.get("server-opts").split(" ")));
        }
        cmd.addAll(List.of("-jar", jar, "--port", Integer.toString(port), "--host", "127.0.0.1", "--content", content,
                "--max-connections-per-address", Integer.toString(sessions + 100),
                "--max-sessions", Integer.toString(sessions * 2), "--ws-idle-timeout", "30m",
                "--ws-rate", "1000", "--ws-burst", "1000", "--session-store", store));
        // Every simulated user comes from loopback, one address: its budget of new conversations is off.
        Process server = start(cmd, "target/bench-losen.log", port, Map.of("LOSEN_NEW_SESSIONS_BURST", "0"));
        Load.Result paced;
        Load.Result flatOut;
        long perSession;
        int held;
        try (Load load = new Load(port, think, sessions)) {
            long before = heapAfterGc(server.pid());
            long t0 = System.nanoTime();
            held = load.open(sessions, 500);
            System.out.printf("losen: %d sessions opened in %.1f s%n", held, (System.nanoTime() - t0) / 1e9);
            // JIT warm-up: a few seconds flat out, not measured, so the paced phase sees compiled code.
            load.run(Load.Mode.FLAT_OUT, 0, 5);
            Map<String, Double> m0 = stepBuckets(port);
            paced = load.run(Load.Mode.PACED, 5, seconds);
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
                String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                Files.writeString(Path.of(o.get("histogram")),
                        run(jcmd, Long.toString(server.pid()), "GC.class_histogram"));
            }
            perSession = held == 0 ? 0 : (after - before) / held;
            System.out.printf("losen idle heap: %d KiB before, %d KiB with %d idle sessions: %d bytes each%n",
                    before / 1024, after / 1024, held, perSession);
            flatOut = load.run(Load.Mode.FLAT_OUT, 2, flat);
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
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
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
