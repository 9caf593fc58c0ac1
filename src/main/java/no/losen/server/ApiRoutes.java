package no.losen.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.session.SessionStore;

/** The small read-only HTTP API: health and the list of dialogs. */
final class ApiRoutes {

    private final DialogSet set;
    private final SessionStore store;

    ApiRoutes(DialogSet set, SessionStore store) {
        this.set = set;
        this.store = store;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::health);
        router.get("/api/dialogs").handler(this::dialogs);
    }

    private void health(RoutingContext ctx) {
        store.ready().onComplete(r -> {
            boolean up = r.succeeded() && r.result();
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("dialogs", set.dialogs().size())
                    .put("sessions", store.size()));
        });
    }

    private void dialogs(RoutingContext ctx) {
        String audience = ctx.queryParams().get("audience");
        if (audience != null && !audience.equals("public") && !audience.equals("staff")) {
            ctx.response().setStatusCode(400);
            ctx.json(new JsonObject().put("error", "bad_request").put("message", "audience must be public or staff"));
            return;
        }
        String lang = ctx.queryParams().get("lang");
        JsonArray out = new JsonArray();
        for (Dialog d : set.dialogs().values()) {
            if (audience != null && d.audience() != Audience.of(audience)) {
                continue;
            }
            String l = lang != null && d.offers(lang) ? lang : d.languages().get(0);
            String title = set.translations().find(l, d.title()).map(f -> f.text().text()).orElse(d.id());
            out.add(new JsonObject().put("id", d.id()).put("title", title).put("audience", d.audience().id())
                    .put("languages", new JsonArray(d.languages())));
        }
        ctx.json(out);
    }
}
