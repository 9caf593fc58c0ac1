package no.losen.channel.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;

/**
 * The server's own share of a WebSocket step, without the kernel (bench/step-path): the same Netty
 * handlers a socket has after the upgrade (frame decoder and encoder, UTF-8 check, fragment
 * assembly, {@link Socket}), a {@link Conversation}, {@link Steps} on the memory store and the engine
 * on the fixture's demo dialog, driven on one thread through Netty's {@link EmbeddedChannel} by
 * bench/ws-load's walk (choices, back, a check list). Prints this thread's CPU time and allocation
 * per step for each round; CPU time of one thread, so it holds on a busy machine better than a
 * load test, and it leaves out what the echo server pays alike (the socket calls, the selector).
 */
public final class StepPath {

    private StepPath() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 400_000;
        String content = System.getProperty("losen.content", "src/test/resources/content/basic");
        Engine engine = new Engine(ContentLoader.load(Path.of(content)).set(), Map.of("search", (t, lang) -> List.of()));
        MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), sessions * 2L);
        Metrics metrics = Metrics.prometheus();
        Steps stepService = new Steps(engine, store, new TextWorkers(TextWorkers.Limits.forCores(2)), sessions * 2L, metrics);
        WsLimits limits = WsLimits.DEFAULT.withRate(1e9, 1e9);
        Conversation.Shared shared = new Conversation.Shared(stepService, metrics, limits, c -> { });
        Events direct = new Events() {
            @Override
            public <T> void emit(T event, Handler<T> handler) {
                handler.handle(event);
            }

            @Override
            public <T> Promise<T> promise() {
                return Promise.promise();
            }
        };
        byte[][] frames = no.losen.bench.Walker.STEPS.stream().map(StepPath::masked).toArray(byte[][]::new);
        EmbeddedChannel[] channels = new EmbeddedChannel[sessions];
        int[] next = new int[sessions];
        for (int i = 0; i < sessions; i++) {
            Socket socket = new Socket(direct, limits);
            socket.attach(new Conversation(socket, shared, null, "127.0.0.1"));
            channels[i] = new EmbeddedChannel(new WebSocket13FrameEncoder(false),
                    new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(64 * 1024)
                            .allowExtensions(false).build()),
                    new Utf8FrameValidator(), new WebSocketFrameAggregator(64 * 1024), socket);
            step(channels[i], masked(no.losen.bench.Walker.START));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        List<double[]> results = new ArrayList<>();
        long replyBytes = 0;
        for (int r = 0; r <= rounds; r++) {
            long cpu0 = threads.getThreadCpuTime(id);
            long alloc0 = threads.getThreadAllocatedBytes(id);
            replyBytes = 0;
            for (int k = 0; k < steps; k++) {
                int s = k % sessions;
                replyBytes += step(channels[s], frames[next[s]]);
                next[s] = (next[s] + 1) % frames.length;
            }
            double us = (threads.getThreadCpuTime(id) - cpu0) / 1e3 / steps;
            double bytes = (double) (threads.getThreadAllocatedBytes(id) - alloc0) / steps;
            if (r == 0) {
                System.out.printf(Locale.ROOT, "warm-up: cpu_us_per_step=%.2f alloc_bytes_per_step=%.0f%n", us, bytes);
                continue;
            }
            results.add(new double[] {us, bytes});
            System.out.printf(Locale.ROOT, "round=%d cpu_us_per_step=%.3f alloc_bytes_per_step=%.0f%n", r, us, bytes);
        }
        double[] cpu = results.stream().mapToDouble(v -> v[0]).sorted().toArray();
        double[] alloc = results.stream().mapToDouble(v -> v[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "rounds=%d sessions=%d steps=%d reply_bytes=%d cpu_us_per_step=%.3f(%.3f-%.3f) "
                        + "alloc_bytes_per_step=%.0f(%.0f-%.0f)%n", rounds, sessions, steps, replyBytes / steps,
                cpu[cpu.length / 2], cpu[0], cpu[cpu.length - 1], alloc[alloc.length / 2], alloc[0], alloc[alloc.length - 1]);
        System.exit(0);
    }

    /** One frame in; the bytes of what came out (released). */
    private static long step(EmbeddedChannel ch, byte[] frame) {
        ch.writeInbound(Unpooled.wrappedBuffer(frame));
        long n = 0;
        for (Object out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
            n += ((ByteBuf) out).readableBytes();
            ReferenceCountUtil.release(out);
        }
        return n;
    }

    /** A text frame as a client sends it (masked). */
    private static byte[] masked(String text) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameEncoder(true));
        client.writeOutbound(new TextWebSocketFrame(text));
        ByteBuf all = Unpooled.buffer();
        for (Object out = client.readOutbound(); out != null; out = client.readOutbound()) {
            all.writeBytes((ByteBuf) out);
            ReferenceCountUtil.release(out);
        }
        return Arrays.copyOf(all.array(), all.readableBytes());
    }
}
