package no.losen.handoff.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.handoff.Call;
import no.losen.handoff.Desk;
import no.losen.handoff.HandoffException;
import no.losen.handoff.Relay;
import no.losen.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-off across instances: every instance keeps a copy of the {@link Desk}, and every call to
 * it goes through one Redis pub/sub channel, which delivers to every subscriber in the one order
 * Redis received them. So each copy applies the same calls in the same order, each as of the
 * time it was made, and decides alike: the same person is taken by the same counsellor
 * everywhere; each instance delivers the events to the sockets it holds.
 *
 * <p>Why pub/sub and not a stream: a message's text must not be stored, and pub/sub keeps
 * nothing. What pub/sub does not give, this class adds without storing anything:
 * <ul>
 * <li><b>a copy on start-up</b>: an instance that subscribes (at start, or again after Redis was
 * away) says {@code hello} on the channel; every instance whose copy is current answers with a
 * {@link Desk.State} taken at the hello's place in the channel's order, addressed to the asker,
 * which takes the first answer and then applies, in order, the calls that came after its hello.
 * Nobody answering within {@link #SYNC_WAIT} means no instance has a current copy (the first
 * to start, or all reconnecting at once after Redis restarted): the asker keeps its own;</li>
 * <li><b>reconnecting</b>: a lost subscription is tried again with back-off (up to 5 s apart),
 * and is followed by a hello. Calls made while it is down are refused at once ({@code unavailable}).</li>
 * </ul>
 * See docs/handoff.md, "Several instances".
 */
public final class RedisRelay implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRelay.class);
    static final String CHANNEL = "losen:handoff";
    /** A call not seen back within this is given up (Redis is away). */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long an instance that (re)subscribed waits for a running instance's copy of the desk. */
    static final Duration SYNC_WAIT = Duration.ofSeconds(2);
    private static final long RETRY_MAX_MS = 5_000;
    /** Lenient about fields it does not know: during a rolling upgrade two versions share the channel. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule()
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(v.toString());
                }
            })
            .addDeserializer(Instant.class, new JsonDeserializer<>() {
                @Override
                public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                    return Instant.parse(p.getValueAsString());
                }
            }));

    /**
     * What travels: a call and who made it (to tell them how it went); or an instance's
     * {@code hello} (it wants a copy of the desk); or a copy ({@code state}) {@code to} one.
     */
    record Envelope(String id, Call call, String hello, String to, Desk.State state) {
        static Envelope of(String id, Call call) {
            return new Envelope(id, call, null, null, null);
        }
    }

    private final Vertx vertx;
    private final Desk desk;
    private final Redis subscriber;
    private final Redis publisher;
    private final RedisAPI api;
    private final String instance = Tokens.next();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, CompletableFuture<Void>> mine = new ConcurrentHashMap<>();
    /** Completed when this instance first listens to the channel; a call made before waits for it (within {@link #WAIT}). */
    private final Promise<Void> first = Promise.promise();
    private volatile RedisConnection connection;
    private volatile boolean closing;
    /**
     * The last publish; the next goes out when it is answered, so this instance's calls reach
     * Redis in the order they were made (a person's two quick messages; a join and its
     * person_in). Sent side by side, two publishes could take different pooled connections and
     * overtake each other. Guarded by this.
     */
    private Future<?> tail = Future.succeededFuture();
    private long retryMs = 250;

    // The copy on start-up; guarded by this.
    private boolean synced;
    private String hello;
    private boolean helloSeen;
    /** Calls received while not synced, in order; {@code afterHello} is where the asker's hello came. */
    private final List<Envelope> held = new ArrayList<>();
    private int afterHello = -1;
    /** Completed when the copy is current; a new one while asking again after a reconnect. */
    private volatile CompletableFuture<Void> current = new CompletableFuture<>();

    public RedisRelay(Vertx vertx, String uri, Desk desk) {
        this.vertx = vertx;
        this.desk = desk;
        RedisOptions options = new RedisOptions().setConnectionString(uri).setMaxPoolSize(4).setMaxPoolWaiting(1024);
        this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(uri));
        this.publisher = Redis.createClient(vertx, options);
        this.api = RedisAPI.api(publisher);
        subscribe();
    }

    @Override
    public String instance() {
        return instance;
    }

    /** Whether this instance's copy is current (it has listened since its hello was answered or waited out). */
    public synchronized boolean synced() {
        return synced;
    }

    @Override
    public CompletionStage<Void> current() {
        return current;
    }

    /** Whether this instance listens to the channel now (while not, "Talk to a person" is not offered). */
    @Override
    public boolean connected() {
        return connection != null;
    }

    private void subscribe() {
        if (closing) {
            return;
        }
        subscriber.connect().compose(c -> {
            c.handler(this::received);
            c.exceptionHandler(e -> LOG.warn("event=handoff.relay.error cause={}", e.getClass().getSimpleName()));
            c.endHandler(v -> lost(c));
            return c.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).map(c);
        }).onSuccess(c -> {
            connection = c;
            retryMs = 250;
            LOG.info("event=handoff.relay.subscribed");
            askForCopy();
            first.tryComplete();
        }).onFailure(e -> {
            if (retryMs == 250) {
                // Once per outage, not once per retry: the back-off has not grown yet.
                LOG.warn("event=handoff.relay.down cause={}", e.getClass().getSimpleName());
            }
            retry();
        });
    }

    private void lost(RedisConnection c) {
        if (connection == c) {
            connection = null;
        }
        if (!closing) {
            LOG.warn("event=handoff.relay.lost");
            retry();
        }
    }

    private void retry() {
        if (closing) {
            return;
        }
        long wait = retryMs;
        retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        vertx.setTimer(wait, t -> subscribe());
    }

    /** Says hello on the channel: whoever has a current copy sends it (see the class comment). */
    private void askForCopy() {
        String id;
        synchronized (this) {
            synced = false;
            if (current.isDone()) {
                current = new CompletableFuture<>();
            }
            helloSeen = false;
            held.clear();
            afterHello = -1;
            id = instance + ":hello:" + sequence.incrementAndGet();
            hello = id;
        }
        publish(new Envelope(id, null, instance, null, null));
        vertx.setTimer(SYNC_WAIT.toMillis(), t -> synced(id, null));
    }

    @Override
    public CompletionStage<Void> submit(Call call) {
        String id = instance + ":" + sequence.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        mine.put(id, done);
        if (connection == null && first.future().isComplete()) {
            fail(id);   // not listening: the call would never come back
            return done;
        }
        String body;
        try {
            body = JSON.writeValueAsString(Envelope.of(id, call));
        } catch (IOException e) {
            mine.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        inOrder(body).onFailure(e -> fail(id));
        long timer = vertx.setTimer(WAIT.toMillis(), t -> fail(id));
        done.whenComplete((v, e) -> vertx.cancelTimer(timer));
        // The stage itself, not whenComplete's: that one would wrap a refusal in a CompletionException.
        return done;
    }

    /** Publishes {@code body} after everything published before it (see {@link #tail}), once listening. */
    private synchronized Future<Response> inOrder(String body) {
        Future<Response> sent = tail.transform(x -> first.future().compose(c -> api.publish(CHANNEL, body)));
        tail = sent;
        return sent;
    }

    private void publish(Envelope e) {
        try {
            String body = JSON.writeValueAsString(e);
            inOrder(body).onFailure(x -> LOG.warn("event=handoff.relay.publish_failed"));
        } catch (IOException x) {
            LOG.error("event=handoff.relay.fault cause={}", x.getClass().getName());
        }
    }

    private void fail(String id) {
        CompletableFuture<Void> f = mine.remove(id);
        if (f != null) {
            f.completeExceptionally(new HandoffException(HandoffException.Problem.UNAVAILABLE,
                    "a person cannot be reached right now; try again in a moment"));
        }
    }

    /** A message on the channel: this instance's copy of the desk applies it, in Redis's order. */
    private void received(Response r) {
        if (r == null || r.size() < 3 || !"message".equals(r.get(0).toString())) {
            return;   // the subscription's own confirmation
        }
        Envelope e;
        try {
            e = JSON.readValue(r.get(2).toString(), Envelope.class);
        } catch (IOException | RuntimeException ex) {
            LOG.warn("event=handoff.relay.bad_message");
            return;
        }
        if (e.hello() != null) {
            hello(e);
        } else if (e.state() != null) {
            if (instance.equals(e.to())) {
                synced(e.id(), e.state());
            }
        } else if (e.call() != null) {
            synchronized (this) {
                if (!synced) {
                    held.add(e);
                    return;
                }
            }
            apply(e);
        }
    }

    /** Someone's hello: ours marks where a copy will start; another's gets our copy, if current. */
    private void hello(Envelope e) {
        Desk.State copy = null;
        synchronized (this) {
            if (e.id().equals(hello)) {
                helloSeen = true;
                afterHello = held.size();
                return;
            }
            if (synced && !instance.equals(e.hello())) {
                // Taken now, at the hello's place in the order: the asker applies what came after it.
                copy = desk.snapshot();
            }
        }
        if (copy != null) {
            publish(new Envelope(e.id(), null, null, e.hello(), copy));
            LOG.info("event=handoff.relay.copy_sent tickets={}", copy.held().size());
        }
    }

    /**
     * The answer to hello {@code id}: a copy ({@code state}), or null when nobody answered in
     * time. The first one counts; later ones (several instances answer) are ignored.
     */
    private void synced(String id, Desk.State state) {
        List<Envelope> before;
        List<Envelope> after;
        synchronized (this) {
            if (synced || !id.equals(hello) || (state != null && !helloSeen)) {
                return;
            }
            int mark = state == null || afterHello < 0 ? 0 : afterHello;
            before = new ArrayList<>(held.subList(0, mark));
            after = new ArrayList<>(held.subList(mark, held.size()));
            held.clear();
            if (state != null) {
                desk.restore(state, instance);
            }
            // What came before the hello is in the copy: only its callers are told it went through.
            before.forEach(x -> {
                CompletableFuture<Void> f = mine.remove(x.id());
                if (f != null) {
                    f.complete(null);
                }
            });
            after.forEach(this::apply);
            synced = true;
        }
        current.complete(null);
        LOG.info("event=handoff.relay.synced copy={} tickets={}", state != null, desk.size());
    }

    private void apply(Envelope e) {
        CompletableFuture<Void> f = mine.remove(e.id());
        try {
            desk.apply(e.call());
            if (f != null) {
                f.complete(null);
            }
        } catch (RuntimeException ex) {
            if (f != null) {
                f.completeExceptionally(ex);
            } else if (!(ex instanceof HandoffException)) {
                LOG.error("event=handoff.relay.fault cause={}", ex.getClass().getName());
            }
        }
    }

    @Override
    public CompletionStage<Void> close() {
        closing = true;
        // What this instance still had to say went out before: Switchboard.close sends Call.Closing
        // first, and calls are published in order, so it was answered after everything before it.
        return subscriber.close().eventually(() -> publisher.close()).toCompletionStage();
    }
}
