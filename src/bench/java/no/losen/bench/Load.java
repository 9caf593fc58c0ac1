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
        mode = m;
        walkers.forEach(Walker::kick);
        Thread.sleep(warmupSeconds * 1000L);
        latencies = new Latencies();
        long errorsBefore = errors.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Latencies l = latencies;
        long n = l.count();
        double s = (System.nanoTime() - t0) / 1e9;
        mode = Mode.IDLE;
        Thread.sleep(Math.min(2000, thinkMillis * 2));   // let the last steps land
        return new Result(n / s, l.quantileMillis(0.50), l.quantileMillis(0.99), l.maxMillis(), errors.get() - errorsBefore);
    }

    record Result(double msgsPerSecond, double p50, double p99, double max, long errors) {
        @Override
        public String toString() {
            return String.format("msgs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.1f errors=%d",
                    msgsPerSecond, p50, p99, max, errors);
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
