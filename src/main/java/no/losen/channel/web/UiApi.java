package no.losen.channel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import no.losen.content.Language;
import no.losen.content.Translations;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;

/**
 * What the widget reads before it shows anything: the languages on offer (each named in itself)
 * and its own words in one language. Public, read-only and the same for everyone, so any site
 * may read it (CORS {@code *}) and caches may keep it for a few minutes.
 */
final class UiApi {

    /** Keys of the widget's own words; the server sends all of them, following the fallback chain. */
    static final String PREFIX = "widget.";

    private final DialogSet set;
    private final String exitUrl;

    UiApi(DialogSet set, String exitUrl) {
        this.set = set;
        this.exitUrl = exitUrl;
    }

    /** {@code GET /api/ui/{lang}}: {@code {"lang","dir","name","status","exit","strings":{...}}}. */
    void ui(RoutingContext ctx) {
        String lang = ctx.pathParam("lang");
        Optional<Language> language = set.translations().language(lang);
        if (language.isEmpty()) {
            error(ctx, 404, "unknown_language", "no such language");
            return;
        }
        Language l = language.get();
        ok(ctx, new JsonObject().put("lang", l.code()).put("dir", l.dir()).put("name", l.name())
                .put("status", l.status()).put("exit", exitUrl).put("strings", strings(set.translations(), lang)));
    }

    /** {@code GET /api/languages[?dialog=id]}: every language, or those the dialog is offered in, in its order. */
    void languages(RoutingContext ctx) {
        String dialog = ctx.queryParams().get("dialog");
        List<String> codes;
        if (dialog == null) {
            codes = List.copyOf(set.translations().codes());
        } else {
            Optional<Dialog> d = set.dialog(dialog);
            if (d.isEmpty()) {
                error(ctx, 404, "unknown_dialog", "no such dialog");
                return;
            }
            codes = d.get().languages();
        }
        JsonArray out = new JsonArray();
        for (String code : codes) {
            set.translations().language(code).ifPresent(l -> out.add(new JsonObject().put("code", l.code())
                    .put("name", l.name()).put("dir", l.dir()).put("status", l.status())));
        }
        ok(ctx, out);
    }

    /** The widget's words in {@code lang}; a key the language lacks comes from the fallback chain. */
    static JsonObject strings(Translations tr, String lang) {
        TreeSet<String> keys = new TreeSet<>();
        for (String l : tr.chain(lang)) {
            tr.keys(l).keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
        }
        JsonObject out = new JsonObject();
        for (String k : keys) {
            tr.find(lang, k).ifPresent(f -> out.put(k, f.text().text()));
        }
        return out;
    }

    private static void ok(RoutingContext ctx, Object body) {
        ctx.response().putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Cache-Control", "public, max-age=300")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status).putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
