package no.losen.cli;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import no.losen.channel.sms.SmsConfig;
import no.losen.channel.whatsapp.WhatsAppConfig;
import no.losen.channel.ws.SocketPace;
import no.losen.channel.ws.WsLimits;
import no.losen.http.ConnectionRate;
import no.losen.metrics.Metrics;
import no.losen.handoff.HandoffConfig;
import no.losen.handoff.OpeningHours;
import no.losen.server.CompilerThreads;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.step.NewSessions;
import no.losen.server.Losen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the server. Every option also reads its {@code LOSEN_*} environment variable. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (the default command).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:LOSEN_HOST:-0.0.0.0}", description = "Interface to listen on (LOSEN_HOST).")
    String host;

    @Option(names = "--port", defaultValue = "${env:LOSEN_PORT:-8080}", description = "Port (LOSEN_PORT).")
    int port;

    @Option(names = "--content", defaultValue = "${env:LOSEN_CONTENT}",
            description = "Content folder with dialogs/, translations/, facts/, corpus/ (LOSEN_CONTENT); default: bundled.")
    Path content;

    @Option(names = "--session-ttl", defaultValue = "${env:LOSEN_SESSION_TTL:-30m}",
            description = "Idle time after which a session is erased, e.g. 30m, 900s (LOSEN_SESSION_TTL).")
    String sessionTtl;

    @Option(names = "--max-sessions", defaultValue = "${env:LOSEN_MAX_SESSIONS:-100000}",
            description = "Sessions held at most; the idlest go first (LOSEN_MAX_SESSIONS).")
    long maxSessions;

    @Option(names = "--new-sessions-burst", defaultValue = "${env:LOSEN_NEW_SESSIONS_BURST:-300}",
            description = "New conversations one address (or phone) may start at once; 0: no limit (LOSEN_NEW_SESSIONS_BURST).")
    int newSessionsBurst;

    @Option(names = "--new-sessions-every", defaultValue = "${env:LOSEN_NEW_SESSIONS_EVERY:-6s}",
            description = "After the burst, one more new conversation per address (or phone) this often (LOSEN_NEW_SESSIONS_EVERY).")
    String newSessionsEvery;

    @Option(names = "--allowed-origins", defaultValue = "${env:LOSEN_ALLOWED_ORIGINS:-}",
            description = "Comma-separated origins whose pages may open /ws (LOSEN_ALLOWED_ORIGINS); empty: same origin.")
    String allowedOrigins;

    @Option(names = "--fallback", defaultValue = "${env:LOSEN_FALLBACK:-en,nb}",
            description = "Languages tried when a text is missing, in order (LOSEN_FALLBACK).")
    String fallback;

    @Option(names = "--exit-url", defaultValue = "${env:LOSEN_EXIT_URL:-https://www.yr.no/}",
            description = "Neutral page quick exit goes to (LOSEN_EXIT_URL).")
    String exitUrl;

    @Option(names = "--public-url", defaultValue = "${env:LOSEN_PUBLIC_URL}",
            description = "The server's public base URL behind a proxy (LOSEN_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--twilio-auth-token", defaultValue = "${env:LOSEN_TWILIO_AUTH_TOKEN}",
            description = "Twilio auth token; /sms/twilio answers 503 without it (LOSEN_TWILIO_AUTH_TOKEN).")
    String twilioAuthToken;

    @Option(names = "--sms-secret", defaultValue = "${env:LOSEN_SMS_SECRET}",
            description = "Shared HMAC secret of the generic /sms/inbound webhook (LOSEN_SMS_SECRET).")
    String smsSecret;

    @Option(names = "--sms-key-secret", defaultValue = "${env:LOSEN_SMS_KEY_SECRET}",
            description = "Secret phone numbers are hashed with; unset: random, SMS sessions end on restart (LOSEN_SMS_KEY_SECRET).")
    String smsKeySecret;

    @Option(names = "--sms-dialog", defaultValue = "${env:LOSEN_SMS_DIALOG:-rights}",
            description = "The dialog an SMS conversation starts (LOSEN_SMS_DIALOG).")
    String smsDialog;

    @Option(names = "--twilio-account-sid", defaultValue = "${env:LOSEN_TWILIO_ACCOUNT_SID}",
            description = "Twilio account SID, to send a counsellor's messages by SMS (LOSEN_TWILIO_ACCOUNT_SID).")
    String twilioAccountSid;

    @Option(names = "--sms-send-url", defaultValue = "${env:LOSEN_SMS_SEND_URL}",
            description = "Where the generic gateway's relay takes SMS to send, signed with LOSEN_SMS_SECRET (LOSEN_SMS_SEND_URL).")
    String smsSendUrl;
    @Option(names = "--whatsapp-verify-token", defaultValue = "${env:LOSEN_WHATSAPP_VERIFY_TOKEN}",
            description = "Token of Meta's webhook verification handshake; /whatsapp answers 503 without it (LOSEN_WHATSAPP_VERIFY_TOKEN).")
    String whatsappVerifyToken;

    @Option(names = "--whatsapp-app-secret", defaultValue = "${env:LOSEN_WHATSAPP_APP_SECRET}",
            description = "The Meta app secret, key of X-Hub-Signature-256 (LOSEN_WHATSAPP_APP_SECRET).")
    String whatsappAppSecret;

    @Option(names = "--whatsapp-access-token", defaultValue = "${env:LOSEN_WHATSAPP_ACCESS_TOKEN}",
            description = "Graph API access token WhatsApp replies are sent with (LOSEN_WHATSAPP_ACCESS_TOKEN).")
    String whatsappAccessToken;

    @Option(names = "--whatsapp-phone-number-id", defaultValue = "${env:LOSEN_WHATSAPP_PHONE_NUMBER_ID}",
            description = "Id of the WhatsApp business phone number replies come from (LOSEN_WHATSAPP_PHONE_NUMBER_ID).")
    String whatsappPhoneNumberId;

    @Option(names = "--whatsapp-graph-url", defaultValue = "${env:LOSEN_WHATSAPP_GRAPH_URL:-https://graph.facebook.com/v21.0}",
            description = "Graph API base URL with its version (LOSEN_WHATSAPP_GRAPH_URL).")
    String whatsappGraphUrl;

    @Option(names = "--staff-users", defaultValue = "${env:LOSEN_STAFF_USERS}",
            description = "Staff users file, name:bcrypt-hash lines written by `staff add` (LOSEN_STAFF_USERS); "
                    + "none: staff log-in is off.")
    Path staffUsers;

    @Option(names = "--staff-idle", defaultValue = "${env:LOSEN_STAFF_IDLE:-20m}",
            description = "A staff log-in ends after this long without use (LOSEN_STAFF_IDLE).")
    String staffIdle;

    @Option(names = "--oidc-issuer", defaultValue = "${env:LOSEN_OIDC_ISSUER}",
            description = "OpenID Connect issuer URL for staff log-in (LOSEN_OIDC_ISSUER); none: OIDC log-in is off.")
    String oidcIssuer;

    @Option(names = "--oidc-client-id", defaultValue = "${env:LOSEN_OIDC_CLIENT_ID}",
            description = "Losen's client id at the OpenID Connect provider (LOSEN_OIDC_CLIENT_ID).")
    String oidcClientId;

    @Option(names = "--oidc-client-secret-file", defaultValue = "${env:LOSEN_OIDC_CLIENT_SECRET_FILE}",
            description = "File holding the client secret (LOSEN_OIDC_CLIENT_SECRET_FILE); or set LOSEN_OIDC_CLIENT_SECRET. "
                    + "Neither: a public client (PKCE only).")
    Path oidcClientSecretFile;

    @Option(names = "--oidc-roles-claim", defaultValue = "${env:LOSEN_OIDC_ROLES_CLAIM:-roles}",
            description = "ID token claim listing the user's roles or groups, dotted for nested ones "
                    + "(realm_access.roles) (LOSEN_OIDC_ROLES_CLAIM).")
    String oidcRolesClaim;

    @Option(names = "--oidc-role-map", defaultValue = "${env:LOSEN_OIDC_ROLE_MAP:-staff=staff,counsellor=counsellor}",
            description = "provider-role=losen-role pairs, comma-separated (LOSEN_OIDC_ROLE_MAP).")
    String oidcRoleMap;

    @Option(names = "--oidc-name-claim", defaultValue = "${env:LOSEN_OIDC_NAME_CLAIM:-preferred_username}",
            description = "ID token claim shown as the logged-in user (LOSEN_OIDC_NAME_CLAIM).")
    String oidcNameClaim;

    @Option(names = "--oidc-scopes", defaultValue = "${env:LOSEN_OIDC_SCOPES:-openid,profile}",
            description = "Scopes asked for, comma-separated (LOSEN_OIDC_SCOPES).")
    String oidcScopes;

    @Option(names = "--session-store", defaultValue = "${env:LOSEN_SESSION_STORE:-memory}",
            description = "memory, or redis://host:port[/db] to share sessions between instances (LOSEN_SESSION_STORE).")
    String sessionStore;

    @Option(names = "--frame-ancestors", defaultValue = "${env:LOSEN_FRAME_ANCESTORS:-}",
            description = "Space- or comma-separated sites that may frame our pages (LOSEN_FRAME_ANCESTORS); empty: none.")
    String frameAncestors;

    @Option(names = "--max-connections-per-address", defaultValue = "${env:LOSEN_MAX_CONNECTIONS_PER_ADDRESS:-50}",
            description = "Open WebSockets one client address may hold (LOSEN_MAX_CONNECTIONS_PER_ADDRESS).")
    int maxPerAddress;

    @Option(names = "--new-sockets-burst", defaultValue = "${env:LOSEN_NEW_SOCKETS_BURST:-10}",
            description = "New WebSockets one client address gets at once; beyond, a handshake waits its turn; "
                    + "0: no pace (LOSEN_NEW_SOCKETS_BURST).")
    int newSocketsBurst;

    @Option(names = "--new-sockets-rate", defaultValue = "${env:LOSEN_NEW_SOCKETS_RATE:-20}",
            description = "After the burst, new WebSockets one client address gets per second (LOSEN_NEW_SOCKETS_RATE).")
    double newSocketsRate;

    @Option(names = "--http-idle-timeout", defaultValue = "${env:LOSEN_HTTP_IDLE_TIMEOUT:-1m}",
            description = "Close an HTTP connection silent this long; not WebSockets (LOSEN_HTTP_IDLE_TIMEOUT).")
    String httpIdleTimeout;

    @Option(names = "--http-head-timeout", defaultValue = "${env:LOSEN_HTTP_HEAD_TIMEOUT:-10s}",
            description = "A request must be complete this long after its first byte, a connection's first request this long "
                    + "after it opens (LOSEN_HTTP_HEAD_TIMEOUT).")
    String httpHeadTimeout;

    @Option(names = "--max-http-connections-per-address",
            defaultValue = "${env:LOSEN_MAX_HTTP_CONNECTIONS_PER_ADDRESS:-0}",
            description = "TCP connections one client address may hold, WebSockets included; 0: twice "
                    + "LOSEN_MAX_CONNECTIONS_PER_ADDRESS (LOSEN_MAX_HTTP_CONNECTIONS_PER_ADDRESS).")
    int maxHttpPerAddress;

    @Option(names = "--max-connections", defaultValue = "${env:LOSEN_MAX_CONNECTIONS:-0}",
            description = "TCP connections held at once from everyone, WebSockets included; at the cap idle HTTP "
                    + "connections are closed for newcomers; 0: the file-handle limit less a tenth (LOSEN_MAX_CONNECTIONS).")
    int maxConnections;

    @Option(names = "--new-connections-burst", defaultValue = "${env:LOSEN_NEW_CONNECTIONS_BURST:-1000}",
            description = "New TCP connections one client address may open at once (behind a trusted proxy: new "
                    + "WebSockets); 0: no limit (LOSEN_NEW_CONNECTIONS_BURST).")
    int newConnectionsBurst;

    @Option(names = "--new-connections-rate", defaultValue = "${env:LOSEN_NEW_CONNECTIONS_RATE:-50}",
            description = "After the burst, new connections one client address may open per second (LOSEN_NEW_CONNECTIONS_RATE).")
    double newConnectionsRate;

    @Option(names = "--management-port", defaultValue = "${env:LOSEN_MANAGEMENT_PORT:--1}",
            description = "Serve /metrics and the detailed /health on this port only (LOSEN_MANAGEMENT_PORT); "
                    + "unset: /metrics answers loopback clients on the main port.")
    int managementPort;

    @Option(names = "--management-host", defaultValue = "${env:LOSEN_MANAGEMENT_HOST:-127.0.0.1}",
            description = "Interface of the management port (LOSEN_MANAGEMENT_HOST).")
    String managementHost;

    @Option(names = "--ws-idle-timeout", defaultValue = "${env:LOSEN_WS_IDLE_TIMEOUT:-10m}",
            description = "Close a WebSocket silent this long; its session stays (LOSEN_WS_IDLE_TIMEOUT).")
    String wsIdleTimeout;

    @Option(names = "--ws-rate", defaultValue = "${env:LOSEN_WS_RATE:-10}",
            description = "Frames per second one connection may send on average (LOSEN_WS_RATE).")
    double wsRate;

    @Option(names = "--ws-burst", defaultValue = "${env:LOSEN_WS_BURST:-20}",
            description = "Frames one connection may send in a burst (LOSEN_WS_BURST).")
    double wsBurst;

    @Option(names = "--shutdown-grace", defaultValue = "${env:LOSEN_SHUTDOWN_GRACE:-10s}",
            description = "How long a shutdown lets connections finish and leave (LOSEN_SHUTDOWN_GRACE).")
    String shutdownGrace;

    @Option(names = "--trusted-proxy", defaultValue = "${env:LOSEN_TRUSTED_PROXY:-}",
            description = "Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed, or * (LOSEN_TRUSTED_PROXY).")
    String trustedProxy;

    @Option(names = "--stale-fallback", defaultValue = "${env:LOSEN_STALE_FALLBACK:-true}", arity = "1",
            description = "true: a translation whose Norwegian source changed is not shown until updated; the fallback "
                    + "languages are (LOSEN_STALE_FALLBACK).")
    boolean staleFallback;

    @Option(names = "--cache-dir", defaultValue = "${env:LOSEN_CACHE_DIR}",
            description = "Where the search index and intent models built from the content are kept between starts, "
                    + "keyed by the content's fingerprint; off: build at every start (LOSEN_CACHE_DIR; default ~/.cache/losen).")
    String cacheDir;

    @Option(names = "--handoff-organisation", defaultValue = "${env:LOSEN_HANDOFF_ORGANISATION}",
            description = "Who answers \"Talk to a person\", as the person is told (LOSEN_HANDOFF_ORGANISATION); unset: hand-off off.")
    String handoffOrganisation;

    @Option(names = "--handoff-hours", defaultValue = "${env:LOSEN_HANDOFF_HOURS:-}",
            description = "When counsellors answer, e.g. \"mon-fri 09:00-15:00; sat 10:00-14:00\" (LOSEN_HANDOFF_HOURS).")
    String handoffHours;

    @Option(names = "--handoff-holidays", defaultValue = "${env:LOSEN_HANDOFF_HOLIDAYS:-}",
            description = "Closed days, comma-separated ISO dates (LOSEN_HANDOFF_HOLIDAYS).")
    String handoffHolidays;

    @Option(names = "--handoff-zone", defaultValue = "${env:LOSEN_HANDOFF_ZONE:-Europe/Oslo}",
            description = "The time zone of the hours (LOSEN_HANDOFF_ZONE).")
    String handoffZone;

    @Option(names = "--handoff-answer-within", defaultValue = "${env:LOSEN_HANDOFF_ANSWER_WITHIN:-10m}",
            description = "A person nobody accepts within this is told so and given the contacts (LOSEN_HANDOFF_ANSWER_WITHIN).")
    String handoffAnswerWithin;

    @Option(names = "--handoff-idle", defaultValue = "${env:LOSEN_HANDOFF_IDLE:-30m}",
            description = "A conversation with a person silent this long is ended and erased (LOSEN_HANDOFF_IDLE).")
    String handoffIdle;

    @Option(names = "--handoff-contacts", defaultValue = "${env:LOSEN_HANDOFF_CONTACTS:-rosa,alarmtelefonen}",
            description = "Fact ids of who answers around the clock, offered outside hours (LOSEN_HANDOFF_CONTACTS).")
    String handoffContacts;

    @Option(names = "--handoff-messages-per-minute", defaultValue = "${env:LOSEN_HANDOFF_MESSAGES_PER_MINUTE:-20}",
            description = "Messages each side of one conversation may send a minute (LOSEN_HANDOFF_MESSAGES_PER_MINUTE).")
    int handoffRate;

    @Option(names = "--handoff-block-for", defaultValue = "${env:LOSEN_HANDOFF_BLOCK_FOR:-24h}",
            description = "How long a session a counsellor blocked may not ask for a person again (LOSEN_HANDOFF_BLOCK_FOR).")
    String handoffBlockFor;

    @Override
    public Integer call() {
        Config config;
        try {
            config = config();
        } catch (RuntimeException e) {
            System.err.println("losen: bad configuration: " + e.getMessage());
            return 2;
        }
        handoffWarning().ifPresent(w -> org.slf4j.LoggerFactory.getLogger(ServeCommand.class)
                .warn("event=config.handoff problem=\"{}\"", w));
        CompilerThreads.lowerFromNowOn();   // before the content loads: C2's work at start waits too
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics metrics = new Metrics(registry);
        // Loading first, on threads of its own: building Vert.x below then runs beside it (docs/operations.md).
        Losen.Loading loading;
        try {
            loading = Losen.load(config, metrics);
        } catch (RuntimeException e) {
            System.err.println("losen: cannot start: " + e.getMessage());
            return 2;
        }
        // Vert.x reports its own pool, event-bus and JVM metrics into the same registry /metrics shows.
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setJvmMetricsEnabled(true)
                        // WebSocket connections leave Vert.x's HTTP server at the upgrade, so its connection
                        // gauges would never count them down; losen_connections counts them instead.
                        .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
        try {
            Losen losen = Losen.start(vertx, config, metrics, loading).await();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                losen.close().await();
                vertx.close().await();
            }));
            System.out.println("Losen is serving on http://localhost:" + losen.port() + "/");
            return 0;
        } catch (Exception e) {
            System.err.println("losen: cannot start: " + e.getMessage());
            vertx.close();
            return 2;
        }
    }

    /**
     * What is missing when hand-off settings are given but hand-off cannot run, for one WARN at
     * start-up: an operator who set the hours and forgot the organisation would otherwise find
     * "Talk to a person" silently off, and one who named the organisation without hours would
     * find it never open.
     */
    java.util.Optional<String> handoffWarning() {
        boolean named = handoffOrganisation != null && !handoffOrganisation.isBlank();
        boolean hours = handoffHours != null && !handoffHours.isBlank();
        boolean holidays = handoffHolidays != null && !handoffHolidays.isBlank();
        if (!named && (hours || holidays)) {
            return java.util.Optional.of("hand-off is off: LOSEN_HANDOFF_HOURS or LOSEN_HANDOFF_HOLIDAYS is set, "
                    + "but LOSEN_HANDOFF_ORGANISATION (who answers, as the person is told) is not");
        }
        if (named && !hours) {
            return java.util.Optional.of("hand-off is never open: LOSEN_HANDOFF_ORGANISATION is set, "
                    + "but LOSEN_HANDOFF_HOURS (when counsellors answer) is not");
        }
        return java.util.Optional.empty();
    }

    Config config() {
        WsLimits ws = WsLimits.DEFAULT.withRate(wsRate, wsBurst).withMaxPerAddress(maxPerAddress)
                .withIdleTimeout(duration(wsIdleTimeout)).withNewSockets(new SocketPace.Pace(newSocketsBurst, newSocketsRate));
        Operations ops = new Operations(sessionStore, list(frameAncestors.replace(' ', ',')), duration(shutdownGrace),
                list(trustedProxy), ws, duration(httpIdleTimeout), duration(httpHeadTimeout),
                maxHttpPerAddress > 0 ? maxHttpPerAddress : 2 * maxPerAddress, managementPort, managementHost,
                new ConnectionRate.Limit(newConnectionsBurst, newConnectionsRate), maxConnections, 0);
        return new Config.Builder().host(host).port(port).content(content).sessionTtl(duration(sessionTtl))
                .maxSessions(maxSessions).allowedOrigins(list(allowedOrigins)).fallback(list(fallback)).exitUrl(exitUrl)
                .publicUrl(publicUrl).sms(new SmsConfig(twilioAuthToken, smsSecret, smsKeySecret, smsDialog)
                        .withSending(twilioAccountSid, null, smsSendUrl))
                .whatsapp(new WhatsAppConfig(whatsappVerifyToken, whatsappAppSecret, whatsappAccessToken,
                        whatsappPhoneNumberId, whatsappGraphUrl))
                .staffUsers(staffUsers).staffIdle(duration(staffIdle)).ops(ops).staleFallback(staleFallback)
                .cacheDir(no.losen.cache.DerivedCache.dirSetting(cacheDir))
                .newSessions(new NewSessions.Budget(newSessionsBurst, duration(newSessionsEvery)))
                .oidc(oidc())
                .handoff(new HandoffConfig(handoffOrganisation == null || handoffOrganisation.isBlank() ? null
                        : handoffOrganisation.strip(), OpeningHours.parse(handoffHours, handoffHolidays, handoffZone),
                        duration(handoffAnswerWithin), duration(handoffIdle), list(handoffContacts), handoffRate,
                        duration(handoffBlockFor))).build();
    }

    /**
     * The OIDC settings, or null when no issuer is set. The secret is read from a file when one is
     * named (a mounted secret), else from LOSEN_OIDC_CLIENT_SECRET: never from a command-line flag,
     * which other users of the machine could read in the process list.
     */
    no.losen.staff.OidcSettings oidc() {
        if (oidcIssuer == null || oidcIssuer.isBlank()) {
            return null;
        }
        String secret = System.getenv("LOSEN_OIDC_CLIENT_SECRET");
        if (oidcClientSecretFile != null) {
            try {
                secret = java.nio.file.Files.readString(oidcClientSecretFile).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read LOSEN_OIDC_CLIENT_SECRET_FILE " + oidcClientSecretFile);
            }
        }
        return new no.losen.staff.OidcSettings(oidcIssuer.strip(), oidcClientId, secret, oidcRolesClaim,
                no.losen.staff.OidcSettings.parseRoleMap(oidcRoleMap), oidcNameClaim, list(oidcScopes));
    }

    static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code 30m}, {@code 900s}, {@code 2h}, or an ISO-8601 duration. */
    static Duration duration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (!t.matches("p.*|\\d+[smh]?")) {
            throw new IllegalArgumentException("'" + s + "' is not a duration: use 30m, 900s, 2h or ISO-8601");
        }
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        }
        long n = Long.parseLong(t.replaceAll("[smh]$", ""));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
