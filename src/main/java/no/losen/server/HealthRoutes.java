package no.losen.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;
import no.losen.dialog.DialogSet;
import no.losen.metrics.Metrics;
import no.losen.session.SessionStore;

/**
 * What a load balancer and a monitoring system ask. Live: the process answers (restart it if
 * not). Ready: it can take conversations: the session store answers and no shutdown is under
 * way (send traffic elsewhere if not). {@code /metrics}: Prometheus text format.
 */
final class HealthRoutes {

    private final DialogSet set;
    private final SessionStore store;
    private final BooleanSupplier draining;
    private final Metrics metrics;

    HealthRoutes(DialogSet set, SessionStore store, BooleanSupplier draining, Metrics metrics) {
        this.set = set;
        this.store = store;
        this.draining = draining;
        this.metrics = metrics;
    }

    void mount(Router router) {
        router.get("/health").handler(this::ready);
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::ready);
        if (metrics.registry() instanceof PrometheusMeterRegistry p) {
            router.get("/metrics").handler(PrometheusScrapingHandler.create(p));
        }
    }

    private void ready(RoutingContext ctx) {
        store.ready().onComplete(r -> {
            boolean storeUp = r.succeeded() && r.result();
            boolean up = storeUp && !draining.getAsBoolean();
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN")
                    .put("store", storeUp ? "UP" : "DOWN")
                    .put("draining", draining.getAsBoolean())
                    .put("dialogs", set.dialogs().size())
                    .put("sessions", store.size()));
        });
    }
}
