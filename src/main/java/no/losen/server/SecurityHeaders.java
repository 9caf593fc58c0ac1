package no.losen.server;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Headers every response carries. No referrer leaves a chat page (the URL may reveal what a
 * person looked for); nothing is sniffed; nothing is cached (a shared computer's cache must not
 * hold a conversation; long-lived assets override this); pages are framed only by the sites the
 * operator lists ({@code LOSEN_FRAME_ANCESTORS}). The default Content-Security-Policy allows this
 * origin only; a page that needs less (the widget's pages) sets a stricter one of its own and
 * takes {@link #frameAncestors(RoutingContext)} for its {@code frame-ancestors}.
 */
final class SecurityHeaders {

    /** Where a page finds the configured {@code frame-ancestors} sources ({@code ctx.get(KEY)}). */
    static final String KEY = "losen.frameAncestors";

    private final String ancestors;
    private final String csp;
    private final boolean framable;

    SecurityHeaders(List<String> frameAncestors) {
        this.framable = !frameAncestors.isEmpty();
        this.ancestors = framable ? String.join(" ", frameAncestors) : "'none'";
        this.csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors " + ancestors;
    }

    /** The {@code frame-ancestors} sources in force, for pages that write their own policy. */
    static String frameAncestors(RoutingContext ctx) {
        String a = ctx.get(KEY);
        return a == null ? "'none'" : a;
    }

    void apply(RoutingContext ctx) {
        ctx.put(KEY, ancestors);
        put(ctx.response());
        ctx.next();
    }

    /** The headers on a response written outside the router too (a refused WebSocket handshake). */
    void put(io.vertx.core.http.HttpServerResponse response) {
        var h = response.headers()
                .set("Content-Security-Policy", csp)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Cache-Control", "no-store");
        if (!framable) {
            // For browsers older than CSP frame-ancestors; it cannot name sites, so only when framing is off.
            h.set("X-Frame-Options", "DENY");
        }
    }
}
