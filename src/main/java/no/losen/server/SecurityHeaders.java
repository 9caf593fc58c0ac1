package no.losen.server;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries. No referrer leaves a chat page (the URL may reveal what a
 * person looked for); nothing is sniffed; pages are not framed except where configured.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(RoutingContext ctx) {
        ctx.response().headers()
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                // Conversations must not linger in caches; long-lived assets override this.
                .set("Cache-Control", "no-store");
        ctx.next();
    }
}
