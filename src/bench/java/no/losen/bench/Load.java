package no.losen.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated users against one server: opens the sockets (bounded concurrency), walks with a
 * think time while measuring, pauses (idle sessions, for the heap measurement), then runs flat
 * out (no think time) to find the server's ceiling.
 */
final class Load implements AutoCloseable {

    enum Mode { PACED, IDLE, FLAT_OUT }

    final int port;
    final long thinkMillis;
    volatile Mode mode = Mode.IDLE;
    final AtomicLong errors = new AtomicLong();
    private volatile Latencies latencies = new Latencies();
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocketClient client;
    private final List<Walker> walkers = new CopyOnWriteArrayList<>();

    Load(int port, long thinkMillis, int sessions) {
        this.port = port;
        this.thinkMillis = thinkMillis;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sessions + 100)
                .setConnectTimeout(30_000).setTryUsePerMessageCompression(false).setTryUsePerFrameCompression(false));
    }

    void replied(long nanos) {
        latencies.record(nanos);
    }

    /** Opens {@code n} sockets, each starting a conversation; returns when all have their first message. */
    int open(int n, int parallel) throws InterruptedException {
        mode = Mode.IDLE;
        int opened = 0;
        for (int i = 0; i < n; i += parallel) {
            List<Future<?>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + parallel); j++) {
                batch.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
                        .map(ws -> {
                            Walker w = new Walker(vertx, ws, this);
                            walkers.add(w);
                            w.start();
                            return w;
                        }));
            }
            Future.join(batch).await();
            opened = walkers.size();
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (latencies.count() < opened && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return opened;
    }

    /** Runs in {@code m} for {@code seconds}; returns the steps answered and their latencies. */
    Result run(Mode m, int warmupSeconds, int seconds) throws InterruptedException {
        return run(m, warmupSeconds, seconds, -1);
    }

    /**
     * The same, and the CPU time process {@code serverPid} spent over the measured window per step
     * answered (from /proc; none if the pid is -1 or /proc cannot be read). CPU time, not wall time:
     * it says what a step costs the server, whatever else the machine is doing.
     */
    Result run(Mode m, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        mode = m;
        walkers.forEach(Walker::kick);
        Thread.sleep(warmupSeconds * 1000L);
        latencies = new Latencies();
        long errorsBefore = errors.get();
        long t0 = System.nanoTime();
        long cpu0 = cpuMicros(serverPid);
        Thread.sleep(seconds * 1000L);
        Latencies l = latencies;
        long n = l.count();
        long cpu1 = cpuMicros(serverPid);
        double s = (System.nanoTime() - t0) / 1e9;
        mode = Mode.IDLE;
        Thread.sleep(Math.min(2000, thinkMillis * 2));   // let the last steps land
        double cpuPerStep = cpu0 < 0 || cpu1 < 0 || n == 0 ? Double.NaN : (double) (cpu1 - cpu0) / n;
        return new Result(n / s, l.quantileMillis(0.50), l.quantileMillis(0.99), l.maxMillis(), errors.get() - errorsBefore,
                cpuPerStep);
    }

    /** User + system CPU time of a process so far, in microseconds; -1 if unknown. */
    static long cpuMicros(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime
            return ticks * 1_000_000L / 100;   // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    record Result(double msgsPerSecond, double p50, double p99, double max, long errors, double cpuMicrosPerStep) {
        @Override
        public String toString() {
            return String.format("msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f errors=%d", msgsPerSecond, p50, p99,
                    max, errors) + (Double.isNaN(cpuMicrosPerStep) ? "" : String.format(" server_cpu_us_per_step=%.1f",
                    cpuMicrosPerStep));
        }
    }

    int sessions() {
        return walkers.size();
    }

    @Override
    public void close() {
        walkers.forEach(Walker::close);
        vertx.close().await();
    }
}
