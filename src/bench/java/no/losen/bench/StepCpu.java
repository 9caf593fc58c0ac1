package no.losen.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one WebSocket step costs the server in CPU time, not wall time (bench/step-cpu), so it can be
 * measured on a machine shared with other work. Losen runs in this JVM (started as {@code losen serve}
 * with bench/ws-load's options: the fixture's demo dialog, the memory store, the frame rate raised); the
 * load generator ({@link Load}, the same walkers as bench/ws-load, flat out) runs in a child JVM. After a
 * warm-up, each round reads the server's step count (its own {@code losen_step_seconds} histogram) and
 *
 * <ul>
 *   <li>{@code cpu_us_per_step}: this process's CPU time (every thread: event loops, GC, JIT) per step,
 *       the figure bench/ws-load's {@code server_cpu_us_per_step} gives from /proc;</li>
 *   <li>{@code loop_us_per_step}: the CPU time of the Vert.x event loops alone (ThreadMXBean), and
 *       {@code loop_user_us_per_step} the part of it in user mode (the Java code, not the kernel's socket calls);</li>
 *   <li>{@code vm_us_per_step}: what no Java thread accounts for (the collector, the JIT compiler);</li>
 *   <li>{@code alloc_bytes_per_step}: bytes the event loops allocated per step.</li>
 * </ul>
 *
 * <p>The last line gives the median and the range over the rounds. {@code --jfr FILE} records the
 * measured rounds with Java Flight Recorder's {@code profile} settings.
 */
public final class StepCpu {

    private StepCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("client")) {
            client(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Map<String, String> o = WsLoad.options(args);
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "2000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "8"));
        String content = o.getOrDefault("content", "src/test/resources/content/basic");
        int port = WsLoad.freePort();
        no.losen.cli.Main.main(new String[] {"serve", "--port", Integer.toString(port), "--host", "127.0.0.1",
            "--content", content, "--max-connections-per-address", Integer.toString(sessions + 100),
            "--max-sessions", Integer.toString(sessions * 2), "--ws-idle-timeout", "30m", "--ws-rate", "1000",
            "--ws-burst", "1000", "--session-store", "memory", "--new-sessions-burst", "0",
            "--new-connections-burst", "0"});

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int clientSeconds = warmup + rounds * (seconds + 1) + 30;
        Process client = new ProcessBuilder(javaBin, "-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                StepCpu.class.getName(), "client", Integer.toString(port), Integer.toString(sessions),
                Integer.toString(clientSeconds)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("open ")) {
                System.out.println("client: " + line);
            }
            System.out.println("client: " + line);
            Thread.sleep(warmup * 1000L);
            jdk.jfr.Recording jfr = null;
            if (o.containsKey("jfr")) {
                jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                jfr.start();
            }
            List<double[]> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Sample a = Sample.take(port);
                Thread.sleep(seconds * 1000L);
                Sample b = Sample.take(port);
                double steps = b.steps - a.steps;
                double[] v = {steps / ((b.nanos - a.nanos) / 1e9), (b.processCpu - a.processCpu) / 1e3 / steps,
                    (b.loopCpu - a.loopCpu) / 1e3 / steps, (b.loopUser - a.loopUser) / 1e3 / steps, ((b.processCpu - b.javaCpu) - (a.processCpu - a.javaCpu)) / 1e3 / steps,
                    (b.loopAlloc - a.loopAlloc) / steps};
                results.add(v);
                System.out.printf(Locale.ROOT, "round=%d steps_per_s=%.0f cpu_us_per_step=%.2f loop_us_per_step=%.2f "
                        + "loop_user_us_per_step=%.2f vm_us_per_step=%.2f alloc_bytes_per_step=%.0f%n", r, v[0], v[1], v[2], v[3], v[4], v[5]);
            }
            if (jfr != null) {
                jfr.stop();
                jfr.dump(Path.of(o.get("jfr")));
                System.out.println("jfr: " + o.get("jfr"));
            }
            String[] names = {"steps_per_s", "cpu_us_per_step", "loop_us_per_step", "loop_user_us_per_step", "vm_us_per_step",
                "alloc_bytes_per_step"};
            StringBuilder sum = new StringBuilder("rounds=" + rounds + " sessions=" + sessions);
            for (int i = 0; i < names.length; i++) {
                int k = i;
                double[] col = results.stream().mapToDouble(v -> v[k]).toArray();
                java.util.Arrays.sort(col);
                sum.append(String.format(Locale.ROOT, " %s=%.2f(%.2f-%.2f)", names[i], WsLoad.median(col), col[0],
                        col[col.length - 1]));
            }
            System.out.println(sum);
        } finally {
            client.destroy();
            client.waitFor();
            System.exit(0);
        }
    }

    /** The child JVM: opens the sessions, says so, and walks them flat out until told to stop or the time is up. */
    private static void client(int port, int sessions, int seconds) throws Exception {
        try (Load load = new Load(port, 0, sessions)) {
            int held = load.open(sessions, 500);
            System.out.println("open " + held + " sessions");
            System.out.flush();
            load.run(Load.Mode.FLAT_OUT, 0, seconds);
        }
    }

    /** The server's step count and this process's CPU and allocation at one moment. */
    private record Sample(long nanos, double steps, long processCpu, long javaCpu, long loopCpu, long loopUser,
                          long loopAlloc) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final Pattern COUNT = Pattern.compile("losen_step_seconds_count\\{channel=\"ws\"} ([0-9.E+]+)");

        static Sample take(int port) throws Exception {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = COUNT.matcher(body);
            double steps = m.find() ? Double.parseDouble(m.group(1)) : 0;
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long java = 0;
            long loop = 0;
            long user = 0;
            long alloc = 0;
            Map<Long, String> names = new HashMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
            for (var e : names.entrySet()) {
                long cpu = threads.getThreadCpuTime(e.getKey());
                if (cpu < 0) {
                    continue;
                }
                java += cpu;
                if (e.getValue().startsWith("vert.x-eventloop")) {
                    loop += cpu;
                    user += threads.getThreadUserTime(e.getKey());
                    alloc += threads.getThreadAllocatedBytes(e.getKey());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Sample(System.nanoTime(), steps, process, java, loop, user, alloc);
        }
    }
}
