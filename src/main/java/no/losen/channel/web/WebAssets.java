package no.losen.channel.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import no.losen.dialog.DialogSet;

/**
 * The web channel's HTTP side: the widget's files, the full-page chat, the demo page, the
 * neutral exit page and the small API the widget reads its words from. The conversation itself
 * runs over {@code /ws} (package {@code channel.ws}).
 *
 * <p>{@code /widget.js} is the one URL host pages write; it is a short-cached redirect to the
 * content-hashed file, so a release reaches every host page within minutes while the file itself
 * is cached for a year.
 */
public final class WebAssets {

    /** Host pages may cache the redirect this long; a new release is live everywhere after it. */
    static final String LOADER_CACHE = "public, max-age=300";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Asset js;
    private final Asset css;

    private WebAssets(Asset js, Asset css) {
        this.js = js;
        this.css = css;
    }

    /**
     * Mounts every route of the web channel.
     *
     * @param exitUrl where quick exit sends the person when the host page does not say: an absolute
     *                http(s) URL of a neutral site, or a path on this server such as {@code /exit}
     */
    public static WebAssets mount(Router router, DialogSet set, String exitUrl) {
        checkExitUrl(exitUrl);
        Asset css = Asset.load("widget", "css", "text/css; charset=utf-8", s -> s);
        // The script names its stylesheet by hash, so the script's own hash changes with the CSS.
        Asset js = Asset.load("widget", "js", "text/javascript; charset=utf-8",
                s -> s.replace("__LOSEN_CSS__", css.fileName()));
        WebAssets web = new WebAssets(js, css);
        Asset shell = Asset.load("chat", "css", "text/css; charset=utf-8", s -> s);
        UiApi api = new UiApi(set, exitUrl);
        Pages pages = new Pages(set, js, css, shell, api, exitUrl);
        // HEAD too: uptime checks and link checkers ask with HEAD, and Vert.x sends no body for it.
        getOrHead(router, js.path()).handler(ctx -> web.serve(ctx, js));
        getOrHead(router, css.path()).handler(ctx -> web.serve(ctx, css));
        getOrHead(router, "/widget.js").handler(ctx -> web.redirect(ctx, js));
        getOrHead(router, "/widget.css").handler(ctx -> web.redirect(ctx, css));
        getOrHead(router, "/").handler(pages::demo);
        getOrHead(router, "/chat").handler(pages::chat);
        getOrHead(router, "/exit").handler(pages::exit);
        getOrHead(router, "/api/ui/:lang").handler(api::ui);
        getOrHead(router, "/api/languages").handler(api::languages);
        getOrHead(router, "/api/boot").handler(api::boot);
        return web;
    }

    /**
     * Ends the response with {@code body}, or, for a HEAD request, with its headers only: the same
     * status and Content-Length, no body (Vert.x would send it).
     */
    static void end(RoutingContext ctx, Buffer body) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader("Content-Length", Integer.toString(body.length())).end();
        } else {
            ctx.response().end(body);
        }
    }

    static void end(RoutingContext ctx, String body) {
        end(ctx, Buffer.buffer(body));
    }

    private static Route getOrHead(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
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
        end(ctx, Buffer.buffer(a.bytes()));
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
