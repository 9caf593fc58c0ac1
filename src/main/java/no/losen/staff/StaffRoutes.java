package no.losen.staff;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Node;
import no.losen.http.ClientAddress;
import no.losen.http.Origins;
import no.losen.http.RefusalLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff console's HTTP side: the page ({@code GET /staff}), log-in and log-out, and the
 * small JSON the page reads (who is logged in, its words, the staff dialogs and their steps).
 * The conversation itself runs over {@code /ws}, which asks {@link CookieStaffAuth}.
 *
 * <p>CSRF: the cookie is {@code SameSite=Strict}, every POST must carry this server's
 * {@code Origin}, and log-out also needs the login's CSRF token in {@code X-CSRF-Token}.
 * Log-in needs no token (there is no session yet to ride on), and a forged log-in into the
 * attacker's account is stopped by the Origin check.
 */
public final class StaffRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(StaffRoutes.class);
    /** The console loads only its own files and talks only to its own server. */
    static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /**
     * @param users     the users file ({@code LOSEN_STAFF_USERS}); null disables staff log-in
     * @param idle      log-in ends after this long unused ({@code LOSEN_STAFF_IDLE})
     * @param publicUrl {@code LOSEN_PUBLIC_URL}; an https URL makes cookies Secure
     * @param oidc      OpenID Connect log-in ({@code LOSEN_OIDC_*}); null: off. Both may be on at once.
     * @param keys      the folder the known-device key is kept in ({@code LOSEN_CACHE_DIR}); null: a key per start
     */
    public record Settings(Path users, Duration idle, String publicUrl, OidcSettings oidc, Path keys) {
        public Settings(Path users, Duration idle, String publicUrl, OidcSettings oidc) {
            this(users, idle, publicUrl, oidc, null);
        }

        public Settings(Path users, Duration idle, String publicUrl) {
            this(users, idle, publicUrl, null);
        }
    }

    /** Log-ins waiting for a check slot at most, and how long one waits before it is told busy. */
    static final int WAITING = 16;
    static final Duration WAIT = Duration.ofMillis(2_500);
    /** How long after the start the dummy hash is made ({@link StaffAccounts#prepare}). */
    static final Duration PREPARE_AFTER = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final DialogSet set;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final LoginLimiter perAccountAndAddress;
    private final LoginLimiter perAddress;
    private final ClientAddress clients;
    /** Password checks running at once, with a short queue; bcrypt is deliberately slow, so a flood of log-ins must not take every core. */
    private final HashSlots hashing;
    /** A check slot of its own for known devices, so guessers elsewhere cannot keep staff out. */
    private final HashSlots deviceHashing;
    private final LoginLimiter perDevice;
    /** Signs the known-device cookies; {@link #of} gives it the key kept in the cache folder. */
    private KnownDevices devices = new KnownDevices();
    private final RefusalLog refusals = new RefusalLog();
    private final Origins origins;
    private final ConsoleWords words;
    private final ConsolePage page;
    /** OpenID Connect log-in, or null when off. */
    private OidcRoutes oidc;
    private StaffAuth auth;

    StaffRoutes(Vertx vertx, DialogSet set, StaffAccounts accounts, StaffSessions sessions,
                LoginLimiter perAccountAndAddress, LoginLimiter perAddress, ClientAddress clients, int hashChecks,
                Origins origins) {
        this.vertx = vertx;
        this.set = set;
        this.accounts = accounts;
        this.sessions = sessions;
        this.perAccountAndAddress = perAccountAndAddress;
        this.perAddress = perAddress;
        this.clients = clients;
        this.hashing = new HashSlots(vertx, hashChecks, WAITING, WAIT);
        this.deviceHashing = new HashSlots(vertx, 1, WAITING, WAIT);
        this.perDevice = new LoginLimiter(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
        this.origins = origins;
        this.words = new ConsoleWords(set.translations());
        this.page = ConsolePage.load();
    }

    /**
     * The console's handlers, with what the WebSocket channel must ask about staff ({@link #auth()})
     * built before any route exists.
     */
    public static StaffRoutes of(Vertx vertx, DialogSet set, Settings s, ClientAddress clients, Origins origins) {
        StaffAccounts accounts = s.users() == null ? null : new StaffAccounts(s.users());
        if (accounts == null && s.oidc() == null) {
            LOG.info("event=staff.disabled reason=no_users_file");
        } else if (accounts != null && accounts.size() == 0) {
            LOG.warn("event=staff.no_accounts hint=\"add one with: losen staff add NAME\"");
        }
        if (accounts != null) {
            // After the start (whose CPU it would share), not at the first log-in: see StaffAccounts.prepare.
            vertx.setTimer(PREPARE_AFTER.toMillis(), t -> vertx.executeBlocking(() -> {
                accounts.prepare();
                return null;
            }, false));
        }
        StaffSessions sessions = new StaffSessions(s.idle());
        // Five free tries per account and address, twenty per address (staff behind one NAT share it);
        // then delays of 1 s, 2 s, 4 s … up to 15 minutes; failures are remembered for an hour.
        StaffRoutes routes = new StaffRoutes(vertx, set, accounts, sessions,
                new LoginLimiter(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)),
                new LoginLimiter(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1)), clients,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), origins);
        if (s.oidc() != null) {
            OidcLogin login = new OidcLogin(vertx, s.oidc(), java.time.Clock.systemUTC());
            login.warmUp();
            routes.oidc = new OidcRoutes(login, sessions, origins, routes.words, s.publicUrl(),
                    sub -> routes.perAccountAndAddress.tag("account", "oidc\n" + sub), clients, routes.refusals);
        }
        routes.auth = accounts == null && s.oidc() == null ? StaffAuth.NONE : new CookieStaffAuth(sessions, origins);
        if (accounts != null) {
            routes.devices = KnownDevices.kept(s.keys());
        }
        return routes;
    }

    /** Who is staff on a WebSocket (the log-in cookie), for {@code /ws}. */
    public StaffAuth auth() {
        return auth;
    }

    /** {@code /staff}: the console page. */
    public void page(RoutingContext ctx) {
        page.html(ctx, CSP);
    }

    public void script(RoutingContext ctx) {
        page.js(ctx);
    }

    public void stylesheet(RoutingContext ctx) {
        page.css(ctx);
    }

    /** {@code /staff/fonts/noto-sans-ethiopic.woff2}: the font for Tigrinya and Amharic. */
    public void ethiopicFont(RoutingContext ctx) {
        page.ethiopic(ctx);
    }

    /** {@code /staff/oidc/login}: off to the provider; 404 when OpenID Connect is off. */
    public void oidcLogin(RoutingContext ctx) {
        if (oidc == null) {
            ctx.next();
        } else {
            oidc.start(ctx);
        }
    }

    /** {@code /staff/oidc/callback}: back from the provider; 404 when OpenID Connect is off. */
    public void oidcCallback(RoutingContext ctx) {
        if (oidc == null) {
            ctx.next();
        } else {
            oidc.callback(ctx);
        }
    }

    /** Who is logged in. {@code ?quiet} does not count as use, so an idle page still times out. */
    public void me(RoutingContext ctx) {
        JsonObject out = new JsonObject().put("enabled", accounts != null || oidc != null)
                .put("accounts", accounts != null && accounts.size() > 0)
                .put("oidc", oidc != null)
                .put("idle", sessions.idle().toSeconds());
        boolean quiet = ctx.queryParams().contains("quiet");
        login(ctx, quiet).ifPresent(l -> out.put("user", l.user()).put("csrf", l.csrf()).put("roles", roles(l)));
        json(ctx, 200, out);
    }

    public void ui(RoutingContext ctx) {
        String lang = ctx.pathParam("lang");
        if (!words.offers(lang)) {
            json(ctx, 404, error("unknown_language", "the console is in " + ConsoleWords.LANGUAGES));
            return;
        }
        json(ctx, 200, new JsonObject().put("lang", lang).put("strings", words.strings(lang)));
    }

    /** The staff dialogs, each with its languages and the names of its procedure steps in order. */
    public void dialogs(RoutingContext ctx) {
        Optional<StaffSessions.Login> who = login(ctx, false);
        if (who.isEmpty()) {
            json(ctx, 401, error("forbidden", "log in first"));
            return;
        }
        if (!who.get().roles().contains(Role.STAFF)) {
            // A counsellor without the staff role: none of the staff dialogs are theirs to run.
            json(ctx, 200, new JsonObject().put("dialogs", new JsonArray()));
            return;
        }
        String want = ctx.queryParams().get("lang");
        JsonArray out = new JsonArray();
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.STAFF) {
                continue;
            }
            String lang = want != null && d.offers(want) ? want : d.languages().get(0);
            // Steps by key, in the order they first appear; each node names its step by index, so the
            // page can place a node in the procedure whatever language it was shown in.
            List<String> keys = new ArrayList<>();
            JsonObject nodes = new JsonObject();
            for (Node n : d.nodes().values()) {
                if (n.step() != null) {
                    if (!keys.contains(n.step())) {
                        keys.add(n.step());
                    }
                    nodes.put(n.id(), keys.indexOf(n.step()));
                }
            }
            out.add(new JsonObject().put("id", d.id()).put("title", text(lang, d.title())).put("lang", lang)
                    .put("languages", languages(d))
                    .put("steps", new JsonArray(keys.stream().map(k -> text(lang, k)).toList()))
                    .put("nodes", nodes));
        }
        json(ctx, 200, new JsonObject().put("dialogs", out));
    }

    private JsonArray languages(Dialog d) {
        JsonArray out = new JsonArray();
        for (String code : d.languages()) {
            out.add(new JsonObject().put("code", code)
                    .put("name", set.translations().language(code).map(l -> l.name()).orElse(code)));
        }
        return out;
    }

    private String text(String lang, String key) {
        return set.translations().find(lang, key).map(f -> f.text().text()).orElse(key);
    }

    public void login(RoutingContext ctx) {
        if (accounts == null) {
            json(ctx, 503, error("disabled", "password log-in is not configured on this server"));
            return;
        }
        String client = clients.of(ctx.request());
        if (!sameOrigin(ctx)) {
            refusals.refused(client, "origin", n -> LOG.info("event=staff.login.refused reason=origin suppressed={}", n));
            json(ctx, 403, error("forbidden", "log in from this server's own page"));
            return;
        }
        String name = Optional.ofNullable(ctx.request().getFormAttribute("name")).orElse("").strip()
                .toLowerCase(java.util.Locale.ROOT);
        char[] password = Optional.ofNullable(ctx.request().getFormAttribute("password")).orElse("").toCharArray();
        Optional<String> device = KnownDevices.cookie(ctx.request().headers().getAll("Cookie"))
                .flatMap(v -> devices.device(v, name));
        // A known device pays only for its own failures, under its own key; anyone else per account
        // and address, and per address.
        List<Limit> limits = device.isPresent()
                ? List.of(new Limit(perDevice, perDevice.tag("device", device.get())))
                : List.of(new Limit(perAccountAndAddress, perAccountAndAddress.tag("account", name + "\n" + client)),
                        new Limit(perAddress, perAddress.tag("address", client)));
        String account = limits.get(0).tag();
        // Counted before the (slow) password check, so parallel guesses cannot all slip through.
        Duration wait = Duration.ZERO;
        List<Limit> counted = new ArrayList<>();
        for (Limit l : limits) {
            wait = l.limiter().attempt(l.tag());
            if (!wait.isZero()) {
                counted.forEach(c -> c.limiter().succeeded(c.tag(), false));
                break;
            }
            counted.add(l);
        }
        if (!wait.isZero()) {
            refusals.refused(client, "limited", n -> LOG.info("event=staff.login.limited account={} suppressed={}",
                    account, n));
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
            json(ctx, 429, error("rate_limited", "too many failed log-ins; wait a while"));
            return;
        }
        (device.isPresent() ? deviceHashing : hashing).acquire(client).onComplete(slot -> {
            if (slot.failed()) {
                // Counted as an attempt: a client refused for capacity falls into the delays like a
                // guesser, so a flood is soon answered 429 before it queues for a check.
                java.util.Arrays.fill(password, '\0');
                refusals.refused(client, "busy", n -> LOG.info("event=staff.login.busy suppressed={}", n));
                ctx.response().putHeader("Retry-After", "1");
                json(ctx, 503, error("busy", "too many log-ins at once; try again in a moment"));
                return;
            }
            check(ctx, name, password, client, limits, device, account);
        });
    }

    /** One limiter and this log-in's key in it. */
    private record Limit(LoginLimiter limiter, String tag) {
    }

    private void check(RoutingContext ctx, String name, char[] password, String client, List<Limit> limits,
                       Optional<String> device, String account) {
        HashSlots slots = device.isPresent() ? deviceHashing : hashing;
        vertx.executeBlocking(() -> accounts.verify(name, password), false).onComplete(r -> {
            slots.release();
            java.util.Arrays.fill(password, '\0');
            if (r.failed()) {
                limits.forEach(l -> l.limiter().succeeded(l.tag(), false));
                LOG.error("event=staff.login.fault cause={}", r.cause().getClass().getName());
                json(ctx, 500, error("internal", "log-in failed on our side"));
                return;
            }
            if (r.result().isEmpty()) {
                refusals.refused(client, "failed", n -> LOG.info("event=staff.login.failed account={} known_device={} "
                        + "suppressed={}", account, device.isPresent(), n));
                json(ctx, 401, error("bad_credentials", "wrong name or password"));
                return;
            }
            // The attempt was no guess: it is taken back. A known device's failures go with it (the device is the
            // owner's); the account's count at this address stays, as the address's does: others behind it may be
            // guessing, and forgetting it gave a guesser on the staff member's network five fresh tries at each of
            // their log-ins (an independent tester: 22 checked in 20 s instead of 2). The owner's own browser comes
            // back with its device cookie, counted apart.
            limits.get(0).limiter().succeeded(limits.get(0).tag(), device.isPresent());
            limits.stream().skip(1).forEach(l -> l.limiter().succeeded(l.tag(), false));
            // A fresh id at every log-in: an id planted before log-in is worth nothing after it.
            cookieValue(ctx).ifPresent(sessions::remove);
            StaffSessions.Login l = sessions.create(r.result().get().name(), r.result().get().roles());
            LOG.info("event=staff.login.ok account={} known_device={}", account, device.isPresent());
            ctx.response().headers().add("Set-Cookie", cookie(ctx, l.id(), false));
            ctx.response().headers().add("Set-Cookie", deviceCookie(ctx, devices.issue(name)));
            json(ctx, 200, new JsonObject().put("user", l.user()).put("csrf", l.csrf()).put("roles", roles(l))
                    .put("idle", sessions.idle().toSeconds()));
        });
    }

    /** The known-device cookie: only ever sent back to the log-in, for a month. */
    private String deviceCookie(RoutingContext ctx, String value) {
        boolean secure = origins.publicHttps() || ctx.request().isSSL();
        return KnownDevices.COOKIE + "=" + value + "; Path=/staff/login; HttpOnly; SameSite=Strict; Max-Age="
                + KnownDevices.MAX_AGE_SECONDS + (secure ? "; Secure" : "");
    }

    public void logout(RoutingContext ctx) {
        if (!sameOrigin(ctx)) {
            json(ctx, 403, error("forbidden", "log out from this server's own page"));
            return;
        }
        Optional<StaffSessions.Login> l = cookieValue(ctx).flatMap(sessions::peek);
        if (l.isPresent()) {
            String sent = Optional.ofNullable(ctx.request().getHeader("X-CSRF-Token")).orElse("");
            if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    l.get().csrf().getBytes(StandardCharsets.UTF_8))) {
                json(ctx, 403, error("forbidden", "the request lacks this page's token"));
                return;
            }
            // Asked before the log-in ends: ending it forgets that it came from the provider.
            Optional<String> provider = oidc == null ? Optional.empty() : oidc.logoutRedirect(ctx, l.get().id());
            sessions.remove(l.get().id());
            LOG.info("event=staff.logout");
            if (provider.isPresent()) {
                // The page sends the browser on to the provider, which ends its own session there.
                ctx.response().putHeader("Set-Cookie", cookie(ctx, "", true));
                json(ctx, 200, new JsonObject().put("redirect", provider.get()));
                return;
            }
        }
        ctx.response().putHeader("Set-Cookie", cookie(ctx, "", true));
        ctx.response().setStatusCode(204).end();
    }

    private Optional<StaffSessions.Login> login(RoutingContext ctx, boolean quiet) {
        if (accounts == null && oidc == null) {
            return Optional.empty();
        }
        return cookieValue(ctx).flatMap(quiet ? sessions::peek : sessions::find);
    }

    /** Whether the POST comes from a page of this server. */
    private boolean sameOrigin(RoutingContext ctx) {
        return origins.self(ctx.request());
    }

    private static Optional<String> cookieValue(RoutingContext ctx) {
        return CookieStaffAuth.cookie(ctx.request().headers().getAll("Cookie"));
    }

    /**
     * The log-in cookie. No Max-Age: it goes with the browser session, and the server's idle
     * timeout ends it sooner. Path {@code /} because the WebSocket ({@code /ws}) needs it too.
     * Secure when the public URL is https or this request came over TLS; a TLS-terminating
     * proxy without LOSEN_PUBLIC_URL is not trusted by a forwarded header (docs/staff-console.md).
     */
    String cookie(RoutingContext ctx, String value, boolean clear) {
        return cookie(origins, ctx, value, clear);
    }

    /** The log-in cookie, for a password log-in and an OpenID Connect one alike. */
    static String cookie(Origins origins, RoutingContext ctx, String value, boolean clear) {
        boolean secure = origins.publicHttps() || ctx.request().isSSL();
        return CookieStaffAuth.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + (clear ? "; Max-Age=0" : "");
    }

    /** The log-in's roles as the page reads them: {@code ["counsellor","staff"]}. */
    private static JsonArray roles(StaffSessions.Login l) {
        return new JsonArray(l.roles().stream().map(Role::key).sorted().toList());
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("error", code).put("message", message);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
