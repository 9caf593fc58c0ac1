package no.losen.server;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;

/** The small read-only HTTP API: the list of dialogs. Health and metrics are in {@link HealthRoutes}. */
final class ApiRoutes {

    private final DialogSet set;

    ApiRoutes(DialogSet set) {
        this.set = set;
    }

    /** {@code /api/dialogs?audience=&lang=}: each dialog's id, title, audience and languages. */
    void dialogs(RoutingContext ctx) {
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
