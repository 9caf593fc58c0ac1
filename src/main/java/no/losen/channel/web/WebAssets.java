package no.losen.channel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import no.losen.dialog.DialogSet;
import no.losen.http.StaticBody;
import no.losen.internal.ClientScript;
import no.losen.internal.Comments;
import no.losen.session.SessionStore;

/**
 * The web channel's HTTP side: the widget's files, the full-page chat, the demo page, the
 * neutral exit page and the small API the widget reads its words from. The conversation itself
 * runs over {@code /ws} (package {@code channel.ws}).
 *
 * <p>{@code /widget.js} is the one URL host pages write. It answers with the script itself,
 * cached for five minutes and then revalidated by its hash (ETag), so a release reaches every host
 * page within minutes. (It used to redirect to the content-hashed file: one more round trip, half
 * a second on a slow phone link, before quick exit could show.) {@code /chat} names the hashed
 * file, which is cached for a year.
 */
public final class WebAssets {

    /** Host pages may cache /widget.js this long; a new release is live everywhere after it. */
    static final String LOADER_CACHE = "public, max-age=300";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Asset js;
    private final Asset css;
    private final Pages pages;
    private final UiApi api;

    private WebAssets(Asset js, Asset css, Pages pages, UiApi api) {
        this.js = js;
        this.css = css;
        this.pages = pages;
        this.api = api;
    }

    /**
     * Loads the widget's files and the pages that name them. Every handler answers GET and HEAD
     * alike: uptime checks and link checkers ask with HEAD, and Vert.x sends no body for it.
     *
     * @param exitUrl where quick exit sends the person when the host page does not say: an absolute
     *                http(s) URL of a neutral site, or a path on this server such as {@code /exit}
     */
    public static WebAssets load(DialogSet set, String exitUrl) {
        checkExitUrl(exitUrl);
        Asset css = styles();
        Asset js = script(css);
        Asset shell = Asset.load("chat", "css", "text/css; charset=utf-8", s -> s);
        UiApi api = new UiApi(set, exitUrl);
        return new WebAssets(js, css, new Pages(set, js, css, shell, api, exitUrl), api);
    }

    /** The widget's stylesheet as served: without its comments ({@link Comments}). */
    static Asset styles() {
        return Asset.load("widget", "css", "text/css; charset=utf-8", Comments::outOfStyles);
    }

    /**
     * The widget's script as served: the shared protocol client written into it, without lines of comment
     * only ({@link Comments}), its stylesheet named by hash, so the script's own hash changes with either,
     * and how long the server keeps a conversation only started (so the widget tells a lost one from one
     * that ran out).
     */
    static Asset script(Asset css) {
        return Asset.load("widget", "js", "text/javascript; charset=utf-8",
                s -> Comments.outOfScript(ClientScript.into(s)).replace("__LOSEN_CSS__", css.fileName())
                        .replace("__LOSEN_STARTED_LIFE__", Long.toString(SessionStore.STARTED_TTL.toMillis())));
    }

    /** The script at its hashed path ({@link #script()}), cached for a year. */
    public void hashedScript(RoutingContext ctx) {
        serve(ctx, js);
    }

    /** The stylesheet at its hashed path ({@link #stylesheet()}), cached for a year. */
    public void hashedStylesheet(RoutingContext ctx) {
        serve(ctx, css);
    }

    /** {@code /widget.js}, the one URL host pages write. */
    public void widgetScript(RoutingContext ctx) {
        loader(ctx, js);
    }

    /** {@code /widget.css}: to the hashed stylesheet. */
    public void widgetStylesheet(RoutingContext ctx) {
        redirect(ctx, css);
    }

    public void demo(RoutingContext ctx) {
        pages.demo(ctx);
    }

    public void chat(RoutingContext ctx) {
        pages.chat(ctx);
    }

    public void exit(RoutingContext ctx) {
        pages.exit(ctx);
    }

    /** {@code /api/ui/:lang}: the widget's words. */
    public void ui(RoutingContext ctx) {
        api.ui(ctx);
    }

    public void languages(RoutingContext ctx) {
        api.languages(ctx);
    }

    public void boot(RoutingContext ctx) {
        api.boot(ctx);
    }

    /** Ends the response with {@code body}; a HEAD request gets its headers only ({@link StaticBody#end}). */
    static void end(RoutingContext ctx, String body) {
        StaticBody.end(ctx.request(), Buffer.buffer(body));
    }

    public Asset script() {
        return js;
    }

    public Asset stylesheet() {
        return css;
    }

    private void serve(RoutingContext ctx, Asset a) {
        ctx.response().putHeader("Content-Type", a.contentType())
                .putHeader("Cache-Control", IMMUTABLE)
                // Host pages on other sites load these; nothing in them is private.
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .putHeader("Access-Control-Allow-Origin", "*");
        a.body().send(ctx.request());
    }

    /** The script at its stable address: short-cached, revalidated by its hash. */
    private void loader(RoutingContext ctx, Asset a) {
        String etag = "\"" + a.hash() + "\"";
        ctx.response().putHeader("Cache-Control", LOADER_CACHE).putHeader("ETag", etag)
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .putHeader("Access-Control-Allow-Origin", "*");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", a.contentType());
        a.body().send(ctx.request());
    }

    private void redirect(RoutingContext ctx, Asset a) {
        ctx.response().setStatusCode(302).putHeader("Location", a.path())
                .putHeader("Cache-Control", LOADER_CACHE)
                .putHeader("Cross-Origin-Resource-Policy", "cross-origin")
                .end();
    }

    /** A wrong exit URL must stop the server at start-up, not strand a person at the moment they flee. */
    static void checkExitUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the exit URL (LOSEN_EXIT_URL) is empty");
        }
        if (url.startsWith("/") && !url.startsWith("//")) {
            return;
        }
        try {
            URI u = new URI(url);
            if (("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("the exit URL (LOSEN_EXIT_URL) must be an http(s) URL or a path: " + url);
    }
}
