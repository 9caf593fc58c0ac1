package no.losen.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the server counts, in words a channel understands: a message arrived, a step took so
 * long, a request was refused with this code. Channels and helpers record through this facade
 * and never see Micrometer, so the metric names stay in one place (docs/operations.md lists them).
 * No label ever carries user input: channels, codes and limit names are fixed sets.
 */
public final class Metrics {

    /** Step and search latency buckets: operators read p50/p99 against a 20 ms target. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /**
     * The per-step meters by channel, looked up with the channel's own string: every step counts a
     * message and times itself, and building the {@code name|value} key for that cost each step a
     * string and its hash (bench/step-cpu).
     */
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A registry that Prometheus can scrape. */
    public static Metrics prometheus() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** For code that runs without a server (tools, tests): counts, but nobody reads them. */
    public static Metrics none() {
        return new Metrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A message from a user arrived on {@code channel} ({@code ws}, {@code sms}, {@code staff}). */
    public void message(String channel) {
        Counter c = messages.get(channel);
        if (c == null) {
            c = messages.computeIfAbsent(channel, k -> counter("losen.messages", "channel", k));
        }
        c.increment();
    }

    /** A request was answered with an error code (the protocol's codes: {@code unknown_choice}, …). */
    public void error(String code) {
        counter("losen.errors", "code", code).increment();
    }

    /** A limit was breached ({@code rate}, {@code frame_size}, {@code idle}, {@code per_address}, {@code max_sessions}, {@code body_size}). */
    public void limit(String which) {
        counter("losen.limits", "limit", which).increment();
    }

    /** One engine step on {@code channel}, from frame in to reply out, store included. */
    public void step(String channel, long nanos) {
        Timer t = steps.get(channel);
        if (t == null) {
            t = steps.computeIfAbsent(channel, k -> timer("losen.step", "channel", k));
        }
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One search over the handbook corpus. */
    public void search(long nanos) {
        timer("losen.search", null, null).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A value read when scraped, such as open connections or sessions held. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + '|' + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }

    private Timer timer(String name, String tag, String value) {
        return timers.computeIfAbsent(name + '|' + value, k -> {
            Timer.Builder b = Timer.builder(name).serviceLevelObjectives(BUCKETS).publishPercentiles()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(2));
            if (tag != null) {
                b.tag(tag, value);
            }
            return b.register(registry);
        });
    }
}
