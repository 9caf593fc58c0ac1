package no.losen.channel.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import no.losen.content.Fact;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;

/**
 * What the widget reads before it shows anything: the languages on offer (each named in itself)
 * and its own words in one language, together in one answer ({@code /api/boot}) because on a
 * slow phone link every round trip costs half a second. Public, read-only and the same for
 * everyone, so any site may read it (CORS {@code *}) and caches may keep it for a few minutes.
 */
final class UiApi {

    /** Keys of the widget's own words; the server sends all of them, following the fallback chain. */
    static final String PREFIX = "widget.";
    /** A language's own short words for "not checked by a person", shown beside its name in the language menu. */
    static final String DRAFT_NOTE = "widget.draft.short";
    private static final Pattern TEL = Pattern.compile("\\+?[0-9]{2,15}");

    private final DialogSet set;
    private final String exitUrl;
    private final HelpNow help;

    UiApi(DialogSet set, String exitUrl) {
        this.set = set;
        this.exitUrl = exitUrl;
        this.help = new HelpNow(set);
    }

    /**
     * {@code GET /api/ui/{lang}}: {@code {"lang","dir","name","status","exit","phones":[{"text","tel"}],"strings":{...}}}.
     * {@code phones} are the numbers of the facts, as they appear in texts, so the widget can make
     * each one a link that calls it.
     */
    void ui(RoutingContext ctx) {
        Optional<JsonObject> ui = ui(ctx.pathParam("lang"));
        if (ui.isEmpty()) {
            error(ctx, 404, "unknown_language", "no such language");
            return;
        }
        ok(ctx, ui.get());
    }

    Optional<JsonObject> ui(String lang) {
        return set.translations().language(lang).map(l -> new JsonObject().put("lang", l.code()).put("dir", l.dir())
                .put("name", l.name()).put("status", l.status()).put("exit", exitUrl).put("phones", phones())
                .put("strings", strings(set.translations(), l.code())));
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
        ok(ctx, languages(codes));
    }

    /**
     * {@code GET /api/boot?dialog=id&want=ar,en}: what the widget needs to show itself, in one
     * answer: {@code {"dialog","languages":[...],"ui":{...},"help":{...}}}, where {@code ui} is
     * {@code /api/ui} for the first wanted language the dialog offers (else the dialog's first
     * language) and {@code help} the dialog's "I need help now" in that language ({@link HelpNow}):
     * the widget shows its numbers when no conversation can start, and offers its choice in the header.
     */
    void boot(RoutingContext ctx) {
        String dialog = ctx.queryParams().get("dialog");
        String want = ctx.queryParams().get("want");
        Optional<JsonObject> boot = dialog == null ? Optional.empty()
                : boot(dialog, want == null ? List.of() : List.of(want.split(",", 8)));
        if (boot.isEmpty()) {
            error(ctx, 404, "unknown_dialog", "no such dialog");
            return;
        }
        ok(ctx, boot.get());
    }

    /** The boot answer for a public dialog, or empty when there is no such public dialog. */
    Optional<JsonObject> boot(String dialog, List<String> want) {
        Optional<Dialog> d = set.dialog(dialog).filter(x -> x.audience() == Audience.PUBLIC);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        String lang = want.stream().map(String::trim).filter(d.get()::offers).findFirst()
                .orElse(d.get().languages().get(0));
        return ui(lang).map(u -> {
            JsonObject b = new JsonObject().put("dialog", d.get().id())
                    .put("languages", languages(d.get().languages())).put("ui", u);
            help.json(d.get(), lang).ifPresent(h -> b.put("help", h));
            return b;
        });
    }

    /** Each language named in itself; a draft one also says so in its own words ({@code draft}). */
    private JsonArray languages(List<String> codes) {
        JsonArray out = new JsonArray();
        for (String code : codes) {
            set.translations().language(code).ifPresent(l -> {
                JsonObject o = new JsonObject().put("code", l.code()).put("name", l.name()).put("dir", l.dir())
                        .put("status", l.status());
                if (!l.reviewed()) {
                    set.translations().find(l.code(), DRAFT_NOTE).ifPresent(f -> o.put("draft", f.text().text()));
                }
                out.add(o);
            });
        }
        return out;
    }

    /** Every phone number the facts hold that can be called, as texts show it and as a tel: link dials it. */
    private JsonArray phones() {
        JsonArray out = new JsonArray();
        for (Fact f : set.facts().all().values()) {
            if (f.tel() != null && f.value() != null && TEL.matcher(f.tel()).matches()) {
                out.add(new JsonObject().put("text", f.value()).put("tel", f.tel()));
            }
        }
        return out;
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
                .putHeader("Content-Type", "application/json; charset=utf-8");
        WebAssets.end(ctx, body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode());
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status).putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Content-Type", "application/json; charset=utf-8");
        WebAssets.end(ctx, new JsonObject().put("error", code).put("message", message).encode());
    }
}
