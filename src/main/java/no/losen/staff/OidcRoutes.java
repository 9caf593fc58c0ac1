package no.losen.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import no.losen.http.ClientAddress;
import no.losen.http.Origins;
import no.losen.http.RefusalLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser's side of OpenID Connect log-in: {@code GET /staff/oidc/login} sends it to the
 * provider, {@code GET /staff/oidc/callback} is where the provider sends it back. A verified user
 * with a mapped role gets the same log-in as a password log-in ({@link StaffSessions}, the
 * {@code losen_staff} cookie, its CSRF token) and is sent to {@code /staff}; anything else gets a
 * short page in the console's language saying what happened, never a token or a claim.
 *
 * <p>The flow's cookie is {@code SameSite=Lax}, unlike the log-in cookie: the provider's redirect back
 * is a cross-site navigation, on which a Strict cookie would not be sent. It is only ever sent to
 * the callback, lives ten minutes and is cleared there.
 */
final class OidcRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OidcRoutes.class);
    static final String COOKIE = "losen_oidc";
    static final String CALLBACK = "/staff/oidc/callback";
    static final Duration FLOW = Duration.ofMinutes(10);

    private final OidcLogin oidc;
    private final StaffSessions sessions;
    private final Origins origins;
    private final ConsoleWords words;
    private final String publicUrl;
    /** Keyed one-way tag of a subject for the log (the same kind the password log-in logs). */
    private final Function<String, String> tag;
    private final ClientAddress clients;
    /** Shared with the password log-in: refusals logged at most once a minute per address and kind. */
    private final RefusalLog refusals;
    /** Log-ins made through the provider: their log-out also ends the provider's session. */
    private final Cache<String, Boolean> viaProvider = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(24)).build();

    OidcRoutes(OidcLogin oidc, StaffSessions sessions, Origins origins, ConsoleWords words, String publicUrl,
               Function<String, String> tag, ClientAddress clients, RefusalLog refusals) {
        this.oidc = oidc;
        this.sessions = sessions;
        this.origins = origins;
        this.words = words;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null
                : publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.tag = tag;
        this.clients = clients;
        this.refusals = refusals;
        sessions.onRemove(viaProvider::invalidate);
    }

    /**
     * {@code ?lang=} is the console's language in this tab: a refusal page after the provider is shown
     * in it, so it travels in the flow cookie beside the flow's secrets.
     */
    void start(RoutingContext ctx) {
        String asked = ctx.queryParams().get("lang");
        String lang = asked != null && words.offers(asked) ? asked : language(ctx.request().getHeader("Accept-Language"));
        oidc.start(base(ctx) + CALLBACK).onComplete(r -> {
            if (r.failed()) {
                page(ctx, 503, OidcLogin.Refusal.UNAVAILABLE, lang);
                return;
            }
            ctx.response().putHeader("Set-Cookie", flowCookie(ctx, lang + "." + r.result().cookie(), false))
                    .putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Location", r.result().url()).setStatusCode(302).end();
        });
    }

    void callback(RoutingContext ctx) {
        String flow = CookieStaffAuth.cookie(ctx.request().headers().getAll("Cookie"), COOKIE).orElse(null);
        int dot = flow == null ? -1 : flow.indexOf('.');
        String lang = dot > 0 && words.offers(flow.substring(0, dot)) ? flow.substring(0, dot)
                : language(ctx.request().getHeader("Accept-Language"));
        flow = dot > 0 ? flow.substring(dot + 1) : null;
        ctx.response().putHeader("Set-Cookie", flowCookie(ctx, "", true));
        var q = ctx.queryParams();
        oidc.finish(flow, q.get("state"), q.get("code"), q.get("error"), base(ctx) + CALLBACK).onComplete(r -> {
            OidcLogin.Outcome outcome = r.succeeded() ? r.result()
                    : new OidcLogin.Refused(OidcLogin.Refusal.TOKEN, "fault");
            if (outcome instanceof OidcLogin.Verified v) {
                // A fresh id at every log-in, as for a password log-in: a planted id is worth nothing.
                CookieStaffAuth.cookie(ctx.request().headers().getAll("Cookie")).ifPresent(sessions::remove);
                StaffSessions.Login l = sessions.create(v.user(), v.roles());
                viaProvider.put(l.id(), Boolean.TRUE);
                LOG.info("event=staff.login.ok via=oidc account={} roles={}", tag.apply(v.subject()),
                        v.roles().stream().map(Role::key).sorted().toList());
                ctx.response().headers().add("Set-Cookie", StaffRoutes.cookie(origins, ctx, l.id(), false));
                ctx.response().putHeader("Cache-Control", "no-store").putHeader("Location", "/staff")
                        .setStatusCode(302).end();
                return;
            }
            OidcLogin.Refused no = (OidcLogin.Refused) outcome;
            refusals.refused(clients.of(ctx.request()), "oidc." + no.refusal().code, n -> LOG.info(
                    "event=staff.login.refused via=oidc reason={} detail={} suppressed={}", no.refusal().code,
                    no.detail(), n));
            page(ctx, switch (no.refusal()) {
                case NO_ROLE -> 403;
                case UNAVAILABLE -> 503;
                case PROVIDER -> 401;
                default -> 400;
            }, no.refusal(), lang);
        });
    }

    /**
     * Where the browser goes after logging out of a log-in {@code id}: the provider's end-session
     * page when the log-in came from the provider and the provider has one.
     */
    Optional<String> logoutRedirect(RoutingContext ctx, String id) {
        if (viaProvider.getIfPresent(id) == null) {
            return Optional.empty();
        }
        return oidc.endSessionUrl(base(ctx) + "/staff");
    }

    /** This server's public base URL; without {@code LOSEN_PUBLIC_URL}, the request's own. */
    private String base(RoutingContext ctx) {
        if (publicUrl != null) {
            return publicUrl;
        }
        return (ctx.request().isSSL() ? "https" : "http") + "://" + ctx.request().authority();
    }

    private String flowCookie(RoutingContext ctx, String value, boolean clear) {
        boolean secure = origins.publicHttps() || ctx.request().isSSL();
        return COOKIE + "=" + value + "; Path=" + CALLBACK + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "") + "; Max-Age=" + (clear ? 0 : FLOW.toSeconds());
    }

    /** A small page in the console's language, with a link back to the console. */
    private void page(RoutingContext ctx, int status, OidcLogin.Refusal why, String lang) {
        String title = words.word(lang, "console.oidc.title");
        String html = "<!doctype html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><link rel=\"stylesheet\" href=\"/staff/console.css\"></head>"
                + "<body><main id=\"main\"><section class=\"panel\" id=\"oidc-refused\"><h1>" + esc(title) + "</h1>"
                + "<p class=\"error\">" + esc(words.word(lang, "console.oidc." + why.code)) + "</p>"
                + "<p><a href=\"/staff\">" + esc(words.word(lang, "console.oidc.back")) + "</a></p>"
                + "</section></main></body></html>\n";
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("Content-Security-Policy", StaffRoutes.CSP)
                .putHeader("Referrer-Policy", "no-referrer").end(html);
    }

    /**
     * Without the tab's choice (no flow cookie): the first of nb and en the browser asks for
     * (Norwegian variants count as nb); nb otherwise, the console's own default.
     */
    static String language(String acceptLanguage) {
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String l = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
                if (l.startsWith("nb") || l.startsWith("nn") || l.startsWith("no")) {
                    return "nb";
                }
                if (l.startsWith("en")) {
                    return "en";
                }
            }
        }
        return "nb";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
