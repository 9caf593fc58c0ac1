package no.losen.channel.whatsapp;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies through the Graph API ({@code POST {graph}/{phone-number-id}/messages}) on its
 * own small worker, never on an event loop: a send is an HTTP call to Meta that may be slow or
 * be retried for a while. Messages to one person go out strictly in order (a list message must
 * not overtake the text it follows). A 429 or 5xx, or a connection that fails, is retried with
 * doubling back-off (or after {@code Retry-After}), at most {@value #ATTEMPTS} attempts and never
 * after {@code deadline}: the end of WhatsApp's 24-hour customer-service window, after which a
 * free-form reply is not allowed and is dropped instead. Any other 4xx is not retried. The
 * number is held only in memory until its messages are sent; logs name statuses and counts.
 *
 * <p>Quick exit and STOP {@link #cancel} what is still queued for the person: a reply waiting for a
 * retry ("he hits you? call…") must not light up the phone after they erased the conversation,
 * perhaps because someone was looking. A {@code Retry-After} longer than {@link #LONGEST_WAIT} is
 * cut to it, so a number is never held for an hour on Meta's word.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final int ATTEMPTS = 6;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    /** One person's messages, sent in order; {@code cancelled} once the person erased the conversation. */
    private static final class Queue {
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        final AtomicBoolean cancelled = new AtomicBoolean();
    }

    private final HttpClient http;
    private final URI endpoint;
    private final String token;
    private final Duration firstRetry;
    private final Clock clock;
    private final Duration patience;
    private final ScheduledExecutorService worker;
    private final Map<String, Queue> queues = new HashMap<>();

    public Outbox(WhatsAppConfig config, Clock clock) {
        this(config, clock, Duration.ofSeconds(20));
    }

    /** @param patience how long one request may go unanswered before it counts as a failed attempt */
    Outbox(WhatsAppConfig config, Clock clock, Duration patience) {
        this.patience = patience;
        this.worker = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "losen-whatsapp-send");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(worker).connectTimeout(Duration.ofSeconds(10)).build();
        this.endpoint = URI.create(config.graphUrl() + "/" + config.phoneNumberId() + "/messages");
        this.token = config.accessToken();
        this.firstRetry = config.retry();
        this.clock = clock;
    }

    /**
     * Queues {@code messages} for {@code to}, after whatever is still queued for the same person.
     *
     * @param who      the phone key: which queue (never the number)
     * @param to       the recipient's WhatsApp id, as Meta sent it
     * @param deadline the end of the customer-service window
     * @return completes when every message was sent or given up (never fails)
     */
    public CompletableFuture<Void> send(String who, String to, List<JsonObject> messages, Instant deadline) {
        Queue q;
        CompletableFuture<Void> next;
        synchronized (queues) {
            q = queues.computeIfAbsent(who, k -> new Queue());
            next = q.tail.thenComposeAsync(x -> all(to, messages, deadline, 0, q.cancelled), worker);
            q.tail = next;
        }
        next.whenComplete((x, e) -> {
            synchronized (queues) {
                if (q.tail == next) {
                    queues.remove(who, q);
                }
            }
        });
        return next;
    }

    /**
     * Drops whatever is still queued or waiting for a retry for {@code who} (a message already on
     * its way to Meta cannot be recalled). What is sent after this goes out at once, not behind it.
     */
    public void cancel(String who) {
        synchronized (queues) {
            Queue q = queues.remove(who);
            if (q != null) {
                q.cancelled.set(true);
            }
        }
    }

    /** Completes when everything queued so far has been sent or given up (a drain, and tests, wait for it). */
    public CompletableFuture<Void> idle() {
        synchronized (queues) {
            return CompletableFuture.allOf(queues.values().stream().map(q -> q.tail).toArray(CompletableFuture[]::new));
        }
    }

    private CompletableFuture<Void> all(String to, List<JsonObject> messages, Instant deadline, int i, AtomicBoolean cancelled) {
        if (i >= messages.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return one(to, messages.get(i), deadline, 1, cancelled).thenCompose(sent -> sent
                ? all(to, messages, deadline, i + 1, cancelled)
                // A message that could not be sent: the ones after it would read out of order; drop them too.
                : CompletableFuture.completedFuture(null));
    }

    private CompletableFuture<Boolean> one(String to, JsonObject message, Instant deadline, int attempt, AtomicBoolean cancelled) {
        if (cancelled.get()) {
            LOG.info("event=whatsapp.send.dropped reason=erased");
            return CompletableFuture.completedFuture(false);
        }
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            LOG.info("event=whatsapp.send.dropped reason=window_closed");
            return CompletableFuture.completedFuture(false);
        }
        JsonObject body = message.copy().put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", to);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(patience)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            int status = e == null ? r.statusCode() : 0;
            if (status >= 200 && status < 300) {
                LOG.info("event=whatsapp.sent type={} attempt={}", message.getString("type"), attempt);
                return CompletableFuture.completedFuture(true);
            }
            boolean again = status == 0 || status == 429 || status >= 500;
            // No answer in time: Meta may well have delivered it, and each retry could put it on the phone
            // again. One more try, not five (a refused connection, by contrast, surely sent nothing).
            boolean unanswered = e != null && (e instanceof HttpTimeoutException || e.getCause() instanceof HttpTimeoutException);
            if (!again || attempt >= ATTEMPTS || (unanswered && attempt >= 2)) {
                LOG.warn("event=whatsapp.send.failed status={} code={} attempts={}", status, code(r), attempt);
                return CompletableFuture.completedFuture(false);
            }
            Duration wait = wait(r, attempt);
            if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
                LOG.info("event=whatsapp.send.dropped reason=window_closed status={}", status);
                return CompletableFuture.completedFuture(false);
            }
            LOG.info("event=whatsapp.send.retry status={} attempt={} wait_ms={}", status, attempt, wait.toMillis());
            CompletableFuture<Boolean> later = new CompletableFuture<>();
            worker.schedule(() -> one(to, message, deadline, attempt + 1, cancelled).whenComplete((ok, x) -> later.complete(ok != null && ok)),
                    wait.toMillis(), TimeUnit.MILLISECONDS);
            return later;
        }).thenCompose(f -> f);
    }

    /** Retry-After when Meta says it (seconds), else the doubling back-off. */
    private Duration wait(HttpResponse<String> r, int attempt) {
        if (r != null) {
            String after = r.headers().firstValue("Retry-After").orElse(null);
            if (after != null && after.strip().matches("\\d{1,4}")) {
                Duration asked = Duration.ofSeconds(Long.parseLong(after.strip()));
                return asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
            }
        }
        return firstRetry.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** Meta's numeric error code, for the log: never its message, which may quote what was sent. */
    private static String code(HttpResponse<String> r) {
        if (r == null) {
            return "none";
        }
        try {
            return String.valueOf(new JsonObject(r.body()).getJsonObject("error", new JsonObject()).getValue("code", "none"));
        } catch (RuntimeException e) {
            return "none";
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
