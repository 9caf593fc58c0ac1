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
 * nothing. The price: an instance that starts (or reconnects to Redis) while people wait does not
 * know about them until they ask again, and a call made while Redis is unreachable is refused
 * ({@code unavailable}) until the relay has subscribed again. See docs/handoff.md.
 */
public final class RedisRelay implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRelay.class);
    static final String CHANNEL = "losen:handoff";
    /** A call not seen back within this is given up (Redis is away). */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** After a subscription is lost, another is tried this often until Redis answers. */
    static final Duration RESUBSCRIBE_EVERY = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new SimpleModule()
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

    /** What travels: the call, and who made it (to tell them how it went). */
    record Envelope(String id, Call call) {
    }

    private final Vertx vertx;
    private final Desk desk;
    private final Redis subscriber;
    private final Redis publisher;
    private final RedisAPI api;
    private final String instance = Tokens.next();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, CompletableFuture<Void>> mine = new ConcurrentHashMap<>();
    /** The subscription now: a new one after each loss, so the relay recovers by itself. */
    private volatile Future<RedisConnection> subscribed;
    private volatile boolean closed;
    /** Whether the loss has been logged: once per outage, not once per retry. */
    private boolean saidDown;
    private final Promise<Void> first = Promise.promise();

    public RedisRelay(Vertx vertx, String uri, Desk desk) {
        this.vertx = vertx;
        this.desk = desk;
        RedisOptions options = new RedisOptions().setConnectionString(uri).setMaxPoolSize(4).setMaxPoolWaiting(1024);
        this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(uri));
        this.publisher = Redis.createClient(vertx, options);
        this.api = RedisAPI.api(publisher);
        subscribe();
    }

    /**
     * Listens to the channel on a connection of its own. A subscription ends when Redis restarts
     * or the connection breaks (a network blip, {@code CLIENT KILL}); the relay then subscribes
     * again each second until Redis answers. Without this, one blip left hand-off refusing every
     * call until the instance was restarted, while the session store had long recovered.
     */
    private void subscribe() {
        Future<RedisConnection> f = subscriber.connect().compose(conn -> {
            conn.handler(this::received);
            conn.exceptionHandler(e -> LOG.warn("event=handoff.relay.error cause={}", e.getClass().getSimpleName()));
            conn.endHandler(v -> lost(conn));
            return conn.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).map(conn);
        });
        subscribed = f;
        f.onSuccess(c -> {
            LOG.info("event=handoff.relay.subscribed");
            saidDown = false;
            first.tryComplete();
        }).onFailure(e -> {
            if (!saidDown) {
                saidDown = true;
                LOG.warn("event=handoff.relay.down cause={}", e.getClass().getSimpleName());
            }
            first.tryFail(e);
            again();
        });
    }

    private void lost(RedisConnection conn) {
        if (closed || subscribed.result() != conn) {
            return;
        }
        saidDown = true;
        LOG.warn("event=handoff.relay.down cause=connection_closed");
        subscribed = Future.failedFuture(new HandoffException(HandoffException.Problem.UNAVAILABLE, "not subscribed"));
        again();
    }

    private void again() {
        if (!closed) {
            vertx.setTimer(RESUBSCRIBE_EVERY.toMillis(), t -> {
                if (!closed) {
                    subscribe();
                }
            });
        }
    }

    /** Completes when this instance first listens to the channel (fails if the first try fails). */
    public Future<Void> ready() {
        return first.future();
    }

    @Override
    public boolean connected() {
        return subscribed.succeeded();
    }

    @Override
    public CompletionStage<Void> submit(Call call) {
        String id = instance + ":" + sequence.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        mine.put(id, done);
        String body;
        try {
            body = JSON.writeValueAsString(new Envelope(id, call));
        } catch (IOException e) {
            mine.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        subscribed.compose(c -> api.publish(CHANNEL, body)).onFailure(e -> fail(id));
        long timer = vertx.setTimer(WAIT.toMillis(), t -> fail(id));
        done.whenComplete((v, e) -> vertx.cancelTimer(timer));
        // The stage itself, not whenComplete's: that one would wrap a refusal in a CompletionException.
        return done;
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
        closed = true;
        return subscriber.close().eventually(() -> publisher.close()).toCompletionStage();
    }
}
