package no.losen.staff;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import no.losen.http.StaticBody;
import no.losen.internal.ClientScript;

/**
 * The console's files ({@code webroot/staff/}), read once at start-up and gzipped then
 * ({@link StaticBody}), the shared protocol client written into its script ({@link ClientScript}),
 * and the Ethiopic font its Tigrinya and Amharic text needs (a PC without one printed empty boxes).
 * They are served with {@code no-store}: the page is small, and a staff tablet should not keep anything.
 */
record ConsolePage(StaticBody html, StaticBody js, StaticBody css, StaticBody ethiopic) {

    static ConsolePage load() {
        byte[] js = ClientScript.into(new String(read("console.js"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return new ConsolePage(StaticBody.of(read("index.html")), StaticBody.of(js), StaticBody.of(read("console.css")),
                StaticBody.of(read("fonts/noto-sans-ethiopic.woff2")));
    }

    void html(RoutingContext ctx, String csp) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", csp)
                // Same-origin fetches must carry Origin (checked on POST); "no-referrer" would send "null".
                .putHeader("Referrer-Policy", "same-origin");
        html.send(ctx.request());
    }

    void js(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8");
        js.send(ctx.request());
    }

    void css(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/css; charset=utf-8");
        css.send(ctx.request());
    }

    /** Noto Sans Ethiopic, regular (SIL Open Font License 1.1; webroot/staff/fonts/OFL.txt). */
    void ethiopic(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "font/woff2");
        ethiopic.send(ctx.request());
    }

    private static byte[] read(String name) {
        String path = "/webroot/staff/" + name;
        try (InputStream in = ConsolePage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
