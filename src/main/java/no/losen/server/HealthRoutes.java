package no.losen.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import no.losen.dialog.DialogSet;
import no.losen.metrics.Metrics;
import no.losen.session.SessionStore;

/**
 * What a load balancer and a monitoring system ask. Live: the process answers (restart it if
 * not). Ready: it can take conversations: the session store answers and no shutdown is under
 * way (send traffic elsewhere if not). {@code /metrics}: Prometheus text format.
 *
 * <p>Two faces. The public one (the main port, which the world reaches) answers live and ready
 * with a status and nothing else: counts of sessions and connections move when one person chats,
 * so they would tell an onlooker who is using the service right now. It is cheap: readiness is
 * asked of the store at most once a second, however often it is polled. The management face
 * ({@code LOSEN_MANAGEMENT_PORT}, on an interface only operators reach) adds the counts and
 * {@code /metrics}. Without a management port, {@code /metrics} answers only a client on this
 * machine that came through no proxy: not a trusted proxy's address ({@code LOSEN_TRUSTED_PROXY}),
 * and none of the headers proxies add ({@link #PROXY_HEADERS}). An independent tester read the
 * live counts with {@code X-Real-IP} alone, which is all many a same-host proxy sends.
 */
final class HealthRoutes {

    /** Headers a proxy adds: any of them on a request from this machine says it came from elsewhere. */
    static final java.util.List<String> PROXY_HEADERS = java.util.List.of("X-Forwarded-For", "Forwarded", "X-Real-IP",
            "X-Forwarded-Host", "X-Forwarded-Proto", "Via", "True-Client-IP", "CF-Connecting-IP", "X-Client-IP",
            "X-Cluster-Client-IP", "Fastly-Client-IP", "X-Envoy-External-Address", "X-Original-Forwarded-For");

    /** How long a readiness answer is reused. */
    static final long READY_EVERY_NANOS = 1_000_000_000L;

    private final DialogSet set;
    private final SessionStore store;
    private final BooleanSupplier draining;
    private final IntSupplier connections;
    private final LongSupplier nanos;
    /** Whether a management port serves {@code /metrics}, so the main port does not. */
    private final boolean managementPort;
    /** Whether a peer address is a reverse proxy's ({@code LOSEN_TRUSTED_PROXY}): its requests come from elsewhere. */
    private final java.util.function.Predicate<String> proxy;
    /** Prometheus's scrape; null when the registry is not Prometheus's. */
    private final Handler<RoutingContext> scrape;
    private long checkedAt;
    private Future<Boolean> storeUp;

    HealthRoutes(DialogSet set, SessionStore store, BooleanSupplier draining, IntSupplier connections, Metrics metrics,
                 LongSupplier nanos, boolean managementPort, java.util.function.Predicate<String> proxy) {
        this.set = set;
        this.store = store;
        this.draining = draining;
        this.connections = connections;
        this.nanos = nanos;
        this.managementPort = managementPort;
        this.proxy = proxy;
        this.scrape = metrics.registry() instanceof PrometheusMeterRegistry p ? PrometheusScrapingHandler.create(p) : null;
    }

    /** Alive: the process answers. */
    void live(RoutingContext ctx) {
        ctx.json(new JsonObject().put("status", "UP"));
    }

    /** The main port's readiness: up or down, no counts. */
    void ready(RoutingContext ctx) {
        ready(ctx, false);
    }

    /** The management port's readiness: with the counts behind it. */
    void readyInDetail(RoutingContext ctx) {
        ready(ctx, true);
    }

    /**
     * {@code /metrics} on the main port: only without a management port, and only asked from this
     * machine; else 404, as for any page that is not there.
     */
    void localMetrics(RoutingContext ctx) {
        if (!managementPort && scrape != null && local(ctx)) {
            scrape.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** {@code /metrics} on the management port; 404 without a Prometheus registry. */
    void allMetrics(RoutingContext ctx) {
        if (scrape != null) {
            scrape.handle(ctx);
        } else {
            ctx.next();
        }
    }

    private void ready(RoutingContext ctx, boolean detailed) {
        no.losen.internal.OwnContext.of(storeUp()).onComplete(r -> {
            boolean storeUp = r.succeeded() && r.result();
            boolean drain = draining.getAsBoolean();
            boolean up = storeUp && !drain;
            JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("store", storeUp ? "UP" : "DOWN")
                    .put("draining", drain);
            if (detailed) {
                body.put("dialogs", set.dialogs().size()).put("sessions", store.size())
                        .put("connections", connections.getAsInt());
            }
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(body);
        });
    }

    /** The store's readiness, asked at most once a second; callers in between share the answer. */
    private synchronized Future<Boolean> storeUp() {
        long now = nanos.getAsLong();
        if (storeUp == null || now - checkedAt >= READY_EVERY_NANOS) {
            checkedAt = now;
            storeUp = store.ready().otherwise(false);
        }
        return storeUp;
    }

    /** A client on this machine that came through no proxy. */
    private boolean local(RoutingContext ctx) {
        var peer = ctx.request().remoteAddress();
        if (peer == null || peer.hostAddress() == null) {
            return false;
        }
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(peer.hostAddress()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        return loopback && !proxy.test(no.losen.http.ClientAddress.peer(peer))
                && PROXY_HEADERS.stream().noneMatch(h -> ctx.request().getHeader(h) != null);
    }
}
