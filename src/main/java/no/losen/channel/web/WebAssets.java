package no.losen.channel.web;

import io.vertx.core.buffer.Buffer;
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
        router.get(js.path()).handler(ctx -> web.serve(ctx, js));
        router.get(css.path()).handler(ctx -> web.serve(ctx, css));
        router.get("/widget.js").handler(ctx -> web.redirect(ctx, js));
        router.get("/widget.css").handler(ctx -> web.redirect(ctx, css));
        Pages pages = new Pages(set, js, css);
        router.get("/").handler(pages::demo);
        router.get("/chat").handler(pages::chat);
        router.get("/exit").handler(pages::exit);
        UiApi api = new UiApi(set, exitUrl);
        router.get("/api/ui/:lang").handler(api::ui);
        router.get("/api/languages").handler(api::languages);
        return web;
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
                .putHeader("Access-Control-Allow-Origin", "*")
                .end(Buffer.buffer(a.bytes()));
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
