package no.losen.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated user: walks the fixture's demo dialog in a loop (choices, back, a check list),
 * waiting a think time between steps, and times each step from frame sent to reply received.
 */
public final class Walker {

    public static final String START = "{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}";
    public static final List<String> STEPS = List.of(
            "{\"type\":\"choose\",\"choice\":\"adult\"}",
            "{\"type\":\"back\"}",
            "{\"type\":\"choose\",\"choice\":\"child\"}",
            "{\"type\":\"back\"}",
            "{\"type\":\"choose\",\"choice\":\"signs\"}",
            "{\"type\":\"choose\",\"choices\":[\"debt\"]}",
            "{\"type\":\"choose\",\"choice\":\"again\"}");

    private final Vertx vertx;
    private final Context context;
    private final WebSocket ws;
    private final Load load;
    private int next;
    private long sentAt;
    private boolean waiting;

    Walker(Vertx vertx, WebSocket ws, Load load) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.ws = ws;
        this.load = load;
        ws.textMessageHandler(this::reply);
    }

    /** Starts the conversation; completes the ramp-up count when the first message arrives. */
    void start() {
        send(START);
    }

    private void send(String frame) {
        sentAt = System.nanoTime();
        waiting = true;
        ws.writeTextMessage(frame);
    }

    private void reply(String frame) {
        if (frame.startsWith("{\"type\":\"session\"")) {
            return;
        }
        if (!waiting) {
            return;
        }
        waiting = false;
        long took = System.nanoTime() - sentAt;
        if (frame.startsWith("{\"type\":\"error\"")) {
            load.errors.incrementAndGet();
        }
        load.replied(took);
        schedule();
    }

    /** Picks the walk up again after a pause, on this socket's own event loop. */
    void kick() {
        context.runOnContext(v -> {
            if (!waiting) {
                schedule();
            }
        });
    }

    void schedule() {
        Load.Mode mode = load.mode;
        if (mode == Load.Mode.IDLE) {
            return;
        }
        long think = mode == Load.Mode.FLAT_OUT ? 0
                : (long) (load.thinkMillis * (0.5 + ThreadLocalRandom.current().nextDouble()));
        if (think <= 0) {
            step();
        } else {
            vertx.setTimer(think, id -> step());
        }
    }

    private void step() {
        if (load.mode == Load.Mode.IDLE || ws.isClosed()) {
            return;
        }
        send(STEPS.get(next));
        next = (next + 1) % STEPS.size();
    }

    void close() {
        ws.close();
    }
}
