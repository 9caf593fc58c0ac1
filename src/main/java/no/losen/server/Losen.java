package no.losen.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.losen.channel.sms.PhoneKey;
import no.losen.cache.DerivedCache;
import no.losen.channel.sms.SmsRoutes;
import no.losen.channel.whatsapp.Outbox;
import no.losen.channel.whatsapp.TwilioWhatsApp;
import no.losen.channel.whatsapp.WhatsAppRoutes;
import no.losen.handoff.Switchboard;
import java.time.Clock;
import no.losen.channel.web.WebAssets;
import no.losen.channel.ws.Upgrade;
import no.losen.channel.ws.WebSocketChannel;
import no.losen.dialog.Engine;
import no.losen.dialog.Setup;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.dialog.load.Problem;
import no.losen.dialog.TextAction;
import no.losen.http.ClientAddress;
import no.losen.http.ConnectionGuard;
import no.losen.http.ConnectionRate;
import no.losen.http.HeldRefusal;
import no.losen.http.OpenConnections;
import no.losen.http.Origins;
import no.losen.http.RequestRate;
import no.losen.http.UnsentAnswers;
import no.losen.intent.Recogniser;
import no.losen.metrics.Metrics;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchRoute;
import no.losen.session.MemorySessionStore;
import no.losen.session.RedisSessionStore;
import no.losen.session.SessionStore;
import no.losen.staff.StaffRoutes;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: the one place that knows every part. It loads and validates the content
 * (refusing to start on an error, so a broken dialog never reaches a user), builds the engine
 * and the store, and mounts each channel's routes.
 */
public final class Losen {

    private static final Logger LOG = LoggerFactory.getLogger(Losen.class);
    /** Request bodies (SMS webhooks, log-in forms) are small; anything larger is refused. */
    static final long MAX_BODY = 64 * 1024;

    private final List<HttpServer> http;
    private final HttpServer management;
    private final Engine engine;
    private final SessionStore store;
    private final TextWorkers workers;
    private final Steps steps;
    private final WebSocketChannel ws;
    private final Metrics metrics;
    private final Config config;
    /** The WhatsApp replies' sender; null when WhatsApp is not configured. */
    private final Outbox whatsapp;
    private final Switchboard handoff;

    private Losen(List<HttpServer> http, HttpServer management, Engine engine, SessionStore store, TextWorkers workers,
                  Steps steps, WebSocketChannel ws, Metrics metrics, Config config, Outbox whatsapp, Switchboard handoff) {
        this.whatsapp = whatsapp;
        this.handoff = handoff;
        this.http = http;
        this.management = management;
        this.engine = engine;
        this.store = store;
        this.workers = workers;
        this.steps = steps;
        this.ws = ws;
        this.metrics = metrics;
        this.config = config;
    }

    /** Loads the configured content, or the bundled content when none is configured. */
    public static Loaded content(Config config) {
        return content(config, DerivedCache.off());
    }

    /** The same, read from {@code cache} when the content is what an earlier start loaded (see {@link ContentLoader#fingerprint}). */
    public static Loaded content(Config config, DerivedCache cache) {
        Path root = config.content() != null ? config.content() : ContentLoader.bundled();
        Loaded l = ContentLoader.load(root, config.fallback(), cache);
        if (config.staleFallback() == l.set().translations().staleFallback()) {
            return l;
        }
        var set = new no.losen.dialog.DialogSet(l.set().dialogs(), l.set().translations().withStaleFallback(config.staleFallback()),
                l.set().facts());
        return new Loaded(set, l.problems(), l.coverage());
    }

    /**
     * How this server is set up, as far as the dialogs must tell users (see {@link Setup}): a
     * model endpoint means typed questions may leave the server; an SMS gateway means an
     * operator carries the messages. The rights dialog's privacy text follows this, so what it
     * promises is true of this deployment.
     */
    public static Setup setup(Config config, SearchConfig search) {
        List<String> names = new ArrayList<>();
        if (search.embeddingUrl() != null || search.chatUrl() != null) {
            names.add("model");
        }
        if (config.sms().enabled()) {
            names.add("sms");
        }
        if (config.whatsapp().enabled()) {
            names.add("whatsapp");
        }
        return Setup.of(names);
    }

    public static Future<Losen> start(Vertx vertx, Config config) {
        return start(vertx, config, Metrics.prometheus());
    }

    /**
     * With the metrics registry Vert.x itself reports into (see {@code cli.ServeCommand}). Returns at
     * once: content, search and intent models (seconds of CPU on a cold cache) are loaded on threads
     * of their own, then the HTTP servers start; the future completes when they listen.
     */
    public static Future<Losen> start(Vertx vertx, Config config, Metrics metrics) {
        return start(vertx, config, metrics, load(config, metrics));
    }

    /**
     * What a start loads before it can serve, under way on threads of its own: the content (loaded and
     * validated, or read from the content cache), the handbook search, and the intent models, which need
     * the loaded examples and follow them. {@code t0} is when loading began, for the start-up log.
     */
    public record Loading(long t0, CompletableFuture<Loaded> content,
                          CompletableFuture<HandbookSearch> search, CompletableFuture<Recogniser> intents) {
    }

    /**
     * Starts loading at once, so that whatever the caller does meanwhile (building Vert.x and its metrics
     * costs some 0.4 s of CPU on a cold JVM) runs beside it: {@code cli.ServeCommand} calls this first.
     * Each part is seconds of CPU when built and milliseconds when read from the cache; the search needs
     * only the corpus, so it runs beside the content. The server listens, and so is ready, only when all
     * three are in ({@link #start(Vertx, Config, Metrics, Loading)} waits for them).
     */
    public static Loading load(Config config, Metrics metrics) {
        long t0 = System.nanoTime();
        Path root = config.content() != null ? config.content() : ContentLoader.bundled();
        DerivedCache cache = DerivedCache.at(config.cacheDir());
        CompletableFuture<HandbookSearch> search = CompletableFuture.supplyAsync(() -> {
            long t = System.nanoTime();
            HandbookSearch h = HandbookSearch.build(root, SearchConfig.fromEnv(System.getenv()), cache);
            // Ready means loaded, the other languages' dictionaries and the English questions' vectors too: a
            // question in Polish or English right after the start gets the answer it gets later. Read from the
            // cache they cost about a second beside the rest; built (a first start of a build) some 25 s of a
            // core. Built after the start instead, the answers of those first seconds were the words' alone:
            // English recall@5 0.63 -> 0.42 on a held-out set, for whoever asked first (an evaluation does).
            CompletableFuture<Boolean> vectors = h.loadQuestionVectors();
            h.awaitDictionaries();
            vectors.join();
            LOG.info("event=startup.part part=search ms={}", (System.nanoTime() - t) / 1_000_000);
            return h;
        });
        CompletableFuture<Loaded> content = CompletableFuture.supplyAsync(() -> {
            Loaded l = content(config, cache);
            LOG.info("event=startup.part part=content ms={}", (System.nanoTime() - t0) / 1_000_000);
            return l;
        });
        CompletableFuture<Recogniser> intents = content.thenApplyAsync(l -> {
            if (!l.ok()) {
                return null; // start refuses the content; nothing to train
            }
            long t = System.nanoTime();
            Recogniser r = Recogniser.train(l.set(), cache);
            LOG.info("event=startup.part part=intents ms={}", (System.nanoTime() - t) / 1_000_000);
            return r;
        });
        return new Loading(t0, content, search, intents);
    }

    /**
     * Starts serving once {@code loading} is done; refuses to start when the content does not validate.
     * Returns at once, and no thread waits: the servers are built by whichever loading thread finishes
     * last, outside any Vert.x context, as the caller's main thread was. (Built on a Vert.x worker
     * instead, the per-address connection cap once failed LimitsTest; on an event loop, Redis-backed
     * conversations got no answer in SessionsAcrossInstancesTest, probably a future shared between
     * connections completing on the loop that made it, the case {@code internal.OwnContext} now
     * handles; not tried again.)
     */
    public static Future<Losen> start(Vertx vertx, Config config, Metrics metrics, Loading loading) {
        // Vert.x's JSON codec makes its Jackson mapper at its first use: some 40 ms of class loading on
        // a quiet machine. Left to the first JSON answer (a log-in refused, a search), it ran on an event
        // loop, and in bench/abuse's first log-in burst a bystander's step took 60-150 ms. Made here, on
        // the caller's thread, while the content loads.
        new io.vertx.core.json.JsonObject().put("warm", true).encode();
        CompletableFuture<Parts> built = CompletableFuture.allOf(loading.content(), loading.search(), loading.intents())
                .handle((done, failed) -> {
                    try {
                        // every part is in (or failed, which content() reports): nothing here waits
                        return build(vertx, config, metrics, content(config, metrics, loading));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
        return Future.fromCompletionStage(built)
                .recover(e -> Future.failedFuture(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e))
                .compose(parts -> parts.start(vertx, loading.t0()));
    }

    /**
     * The language a search question without {@code lang} is written in, as the examples of the dialog typed
     * messages go to tell it (the SMS dialog: "rights" by default; {@link Engine#language}).
     */
    private static java.util.function.Function<String, java.util.Optional<String>> languageOfQuestions(Engine engine, Config config) {
        return q -> engine.language(config.sms().dialog(), q);
    }

    /** The content loaded and checked, and what is built from it; throws what makes the server refuse to start. */
    private record Content(Loaded loaded, Engine engine, HandbookSearch handbook) {
    }

    private static Content content(Config config, Metrics metrics, Loading loading) throws Exception {
        Loaded loaded;
        Engine engine;
        try {
            loaded = loading.content().join();
            if (!loaded.ok()) {
                String errors = loaded.errors().stream().map(Problem::toString).collect(Collectors.joining("\n  "));
                throw new IllegalStateException("the content does not validate:\n  " + errors);
            }
            // one index for the dialogs' search action and /api/search
            engine = new Engine(loaded.set(), timed(Actions.of(loading.search().join()), metrics), loading.intents().join(),
                    setup(config, SearchConfig.fromEnv(System.getenv())));
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        for (String contact : config.handoff().contacts()) {
            if (config.handoff().enabled() && loaded.set().facts().find(contact).isEmpty()) {
                throw new IllegalArgumentException("LOSEN_HANDOFF_CONTACTS: no fact '" + contact + "' in facts/");
            }
        }
        return new Content(loaded, engine, loading.search().join());
    }

    /** Everything the servers serve, from the content. */
    private static Parts build(Vertx vertx, Config config, Metrics metrics, Content content) {
        Loaded loaded = content.loaded();
        Engine engine = content.engine();
        Operations ops = config.ops();
        SessionStore store = ops.redis() ? new RedisSessionStore(vertx, ops.sessionStore(), config.sessionTtl())
                : new MemorySessionStore(config.sessionTtl(), config.maxSessions());
        metrics.gauge("losen.sessions", "sessions held by the session store", store::size);
        TextWorkers workers = new TextWorkers(TextWorkers.Limits.forThisMachine());
        ClientAddress clients = new ClientAddress(ops.trustedProxies());
        Origins origins = new Origins(config.publicUrl(), config.allowedOrigins(), clients);
        Steps steps = new Steps(engine, store, workers, config.maxSessions(),
                new no.losen.step.NewSessions(config.newSessions()), metrics);

        SecurityHeaders headers = new SecurityHeaders(ops.frameAncestors());
        // One phone key for SMS and WhatsApp (LOSEN_SMS_KEY_SECRET); Twilio's WhatsApp senders share the Twilio webhook.
        PhoneKey phones = PhoneKey.fromSecret(config.sms().keySecret());
        // Hand-off: one desk per instance; with Redis, each a copy kept alike through one pub/sub channel.
        // The widget and SMS share it, so a counsellor sees everyone in one inbox.
        Switchboard handoff = config.handoff().enabled() ? new Switchboard(config.handoff(), Clock.systemUTC(),
                ops.redis() ? desk -> new no.losen.handoff.redis.RedisRelay(vertx, ops.sessionStore(), desk)
                        : no.losen.handoff.Relay::local) : null;
        SmsRoutes sms = SmsRoutes.of(steps, config.sms(), config.publicUrl(), phones,
                new TwilioWhatsApp(steps, phones, config.sms().dialog(), Clock.systemUTC()), handoff);
        WhatsAppRoutes whatsapp = WhatsAppRoutes.of(steps, config.whatsapp(), phones, config.sms().dialog(),
                Clock.systemUTC());
        StaffRoutes staff = StaffRoutes.of(vertx, loaded.set(),
                new StaffRoutes.Settings(config.staffUsers(), config.staffIdle(), config.publicUrl(), config.oidc(),
                        config.cacheDir()), clients, origins);
        // One budget of new connections per client: taken at accept for a direct client, and at the
        // WebSocket handshake for a client behind a trusted proxy (whose connections carry everyone).
        ConnectionRate newConnections = new ConnectionRate(ops.newConnections());
        // Every connection, of every client, against one cap below the file-handle limit (sockets hold at most nine tenths).
        OpenConnections all = new OpenConnections(ops.connectionCap(), System::nanoTime);
        WebSocketChannel ws = new WebSocketChannel(vertx, steps, staff.auth(), origins, ops.ws(), clients, newConnections, all, metrics,
                handoff);
        HealthRoutes health = new HealthRoutes(loaded.set(), store, ws::draining, ws::connections, metrics, System::nanoTime,
                ops.management(), clients::trusted);
        Routes routes = new Routes(headers, metrics, new ApiRoutes(loaded.set()),
                SearchRoute.handler(content.handbook(), workers, clients, languageOfQuestions(content.engine(), config), metrics), sms, whatsapp,
                WebAssets.load(loaded.set(), config.exitUrl()), staff, health);
        Handler<HttpServerRequest> front = frontDoor(ws.before(routes.main(vertx)), headers, origins, metrics, clients,
                new RequestRate());
        Outbox whatsappOutbox = whatsapp.outbox();

        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
                .setCompressionSupported(true)
                // HTTP/1.1 only: a proxy in front speaks it to us, and HTTP/2 in clear text (h2c) would be one
                // more protocol to defend (its own flow control and stream limits) for no user's benefit.
                .setHttp2ClearTextEnabled(false)
                // A search of 1,000 characters in Arabic or Tigrinya is up to 12,000 characters once
                // percent-encoded; Vert.x's default (4,096) answered such a question with 414.
                .setMaxInitialLineLength(16 * 1024)
                // A form field may be as large as a body may be; the channel then says which limit it broke
                // (Vert.x's own 8 KiB field limit answered a long SMS body as if it were malformed).
                .setMaxFormAttributeSize((int) MAX_BODY)
                // Each connection is only touched on its own event loop, which spares Vert.x a cross-thread
                // write queue (a 4 KB array) per connection. WebSockets leave Vert.x at the upgrade (see Upgrade).
                .setStrictThreadMode(true)
                // Silent connections (a client that connects and never asks, or never leaves) cannot pile up.
                .setIdleTimeout((int) ops.httpIdleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // Frames are small; a deflate context per socket would cost far more memory than it saves.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        // Port 0 (tests) becomes -1: Vert.x's "one random port, shared" by the listeners on every event loop.
        if (config.port() == 0) {
            options.setPort(-1);
        }
        ConnectionGuard guard = new ConnectionGuard(ops.httpHeadTimeout(), ops.connectionsPerAddress(),
                all,
                new UnsentAnswers(ops.unsentBudget(), System::nanoTime), newConnections, clients, metrics,
                Upgrade::channel);
        HttpServerOptions managementOptions = new HttpServerOptions().setHost(ops.managementHost())
                .setPort(ops.managementPort()).setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) ops.httpIdleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        return new Parts(config, metrics, loaded, engine, store, workers, steps, ws, whatsappOutbox, handoff,
                new Serving(options, guard::accept, front),
                ops.management() ? new Serving(managementOptions, null, routes.management(vertx)) : null);
    }

    /** What {@link #build} made, and the servers still to start. */
    private record Parts(Config config, Metrics metrics, Loaded loaded, Engine engine, SessionStore store,
                         TextWorkers workers, Steps steps, WebSocketChannel ws, Outbox whatsapp, Switchboard handoff, Serving main,
                         Serving management) {

        /**
         * One listener per event loop, deployed the Vert.x way: a verticle with as many instances as
         * there are event loops, each listening on the shared port, so Vert.x spreads connections over
         * every core; the management port, when set, is one more verticle.
         */
        Future<Losen> start(Vertx vertx, long t0) {
            int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
            List<HttpServer> servers = java.util.Collections.synchronizedList(new ArrayList<>());
            List<HttpServer> admin = java.util.Collections.synchronizedList(new ArrayList<>());
            List<String> deployed = java.util.Collections.synchronizedList(new ArrayList<>());
            Future<?> ops = deploy(vertx, main, servers, loops, deployed)
                    .compose(id -> management == null ? Future.succeededFuture() : deploy(vertx, management, admin, 1, deployed));
            ws.sweep();
            return ops.map(id -> {
                HttpServer managementServer = admin.isEmpty() ? null : admin.get(0);
                LOG.info("event=server.started port={} management_port={} dialogs={} store={} event_loops={} max_connections={} setup={} startup_ms={} jvm_uptime_ms={}",
                        servers.get(0).actualPort(), managementServer == null ? "none" : managementServer.actualPort(),
                        loaded.set().dialogs().size(), config.ops().redis() ? "redis" : "memory", loops,
                        config.ops().connectionCap(),
                        engine.setup().flags().isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(engine.setup().flags())),
                        (System.nanoTime() - t0) / 1_000_000,
                        // from the JVM's own start: what an operator waits for (the JVM, the command line, Vert.x included)
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                List<HttpServer> all = new ArrayList<>(servers);   // the main port's first: port() asks it
                all.addAll(admin);
                return new Losen(List.copyOf(all), managementServer, engine, store, workers, steps, ws, metrics, config, whatsapp,
                        handoff);
            }).onFailure(e -> {
                deployed.forEach(vertx::undeploy);   // closes their servers
                workers.close();
                steps.close();
                if (whatsapp != null) {
                    whatsapp.close();
                }
                store.close();
            });
        }
    }

    /**
     * What one kind of listener serves, the same handlers on every event loop (they hold no
     * per-loop state); {@code connections} is told of each new connection first (null: nothing is).
     */
    private record Serving(HttpServerOptions options, Handler<HttpConnection> connections,
                           Handler<HttpServerRequest> requests) {
    }

    /**
     * {@code instances} listeners serving {@code setup}, each on an event loop of its own; the servers go
     * into {@code servers} ({@link #close()} shuts them down; the deployment itself ends with Vert.x).
     */
    private static Future<String> deploy(Vertx vertx, Serving setup, List<HttpServer> servers, int instances,
                                         List<String> deployed) {
        return vertx.deployVerticle(() -> new Listener(setup, servers), new DeploymentOptions().setInstances(instances))
                .onSuccess(deployed::add);
    }

    /** One listener: an instance of the verticle that serves {@code setup}. */
    private static final class Listener extends VerticleBase {
        private final Serving setup;
        private final List<HttpServer> servers;

        Listener(Serving setup, List<HttpServer> servers) {
            this.setup = setup;
            this.servers = servers;
        }

        @Override
        public Future<?> start() {
            return listen(vertx, setup, servers);
        }
    }

    private static Future<HttpServer> listen(Vertx vertx, Serving setup, List<HttpServer> servers) {
        HttpServer http = vertx.createHttpServer(setup.options());
        servers.add(http);
        if (setup.connections() != null) {
            http.connectionHandler(setup.connections());
        }
        return http.requestHandler(setup.requests()).listen();
    }

    /**
     * Every path the server answers and its handler, in the order they are matched. {@code /ws} is
     * not here: a WebSocket handshake is taken in front of the router ({@link WebSocketChannel#before}),
     * because the socket leaves Vert.x at the upgrade (docs/architecture.md).
     */
    private record Routes(SecurityHeaders headers, Metrics metrics, ApiRoutes api, Handler<RoutingContext> search,
                          SmsRoutes sms, WhatsAppRoutes whatsapp, WebAssets web, StaffRoutes staff, HealthRoutes health) {

        Router main(Vertx vertx) {
            Router r = Router.router(vertx);
            r.route().handler(headers::apply);
            // Bodies. For every method: a catch-all limited to POST/PUT/PATCH would make Vert.x Web answer an
            // unknown path with 405 instead of 404 (a route "matched the path, not the method"). Meta batches
            // messages and allows a text of 65,536 characters (in Ethiopic or Arabic script well over 64 KiB of
            // JSON): the WhatsApp webhook reads up to a mebibyte, everything else up to MAX_BODY.
            r.post("/whatsapp").handler(BodyHandler.create(false).setBodyLimit(WhatsAppRoutes.MAX_BODY));
            r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
            r.errorHandler(413, ctx -> {
                metrics.limit("body_size");
                ctx.response().setStatusCode(413).end();
            });
            // The widget and its pages (channel.web); GET and HEAD alike
            getOrHead(r, web.script().path()).handler(web::hashedScript);
            getOrHead(r, web.stylesheet().path()).handler(web::hashedStylesheet);
            getOrHead(r, "/widget.js").handler(web::widgetScript);
            getOrHead(r, "/widget.css").handler(web::widgetStylesheet);
            getOrHead(r, "/").handler(web::demo);
            getOrHead(r, "/chat").handler(web::chat);
            getOrHead(r, "/exit").handler(web::exit);
            getOrHead(r, "/api/ui/:lang").handler(web::ui);
            getOrHead(r, "/api/languages").handler(web::languages);
            getOrHead(r, "/api/boot").handler(web::boot);
            // The read-only API
            r.get("/api/dialogs").handler(api::dialogs);
            r.get("/api/search").handler(search);
            // SMS and WhatsApp webhooks (channel.sms, channel.whatsapp)
            r.post("/sms/twilio").handler(sms::receive).failureHandler(sms::failed);
            r.post("/sms/inbound").handler(sms::receive).failureHandler(sms::failed);
            r.get("/whatsapp").handler(whatsapp::verify);
            r.post("/whatsapp").handler(whatsapp::receive);
            // The staff console (staff); its page and files answer HEAD with GET's headers too
            getOrHead(r, "/staff").handler(staff::page);
            r.get("/staff/").handler(ctx -> ctx.redirect("/staff"));
            getOrHead(r, "/staff/console.js").handler(staff::script);
            getOrHead(r, "/staff/console.css").handler(staff::stylesheet);
            getOrHead(r, "/staff/fonts/noto-sans-ethiopic.woff2").handler(staff::ethiopicFont);
            r.get("/staff/me").handler(staff::me);
            r.get("/staff/ui/:lang").handler(staff::ui);
            r.get("/staff/dialogs").handler(staff::dialogs);
            r.post("/staff/login").handler(staff::login);
            r.post("/staff/logout").handler(staff::logout);
            r.get("/staff/oidc/login").handler(staff::oidcLogin);
            r.get("/staff/oidc/callback").handler(staff::oidcCallback);
            // Health, without counts; /metrics only without a management port, only from this machine
            r.get("/health/live").handler(health::live);
            r.get("/health/ready").handler(health::ready);
            r.get("/health").handler(health::ready);
            r.get("/metrics").handler(health::localMetrics);
            // Last: an exception no route handled. Vert.x Web would log it with its message, and a message can
            // quote the request ("invalid hex byte 'zz' at index 17 of '/chat?q=…'": what was asked); here a
            // client's mistake is answered with its status and not logged, a fault is logged by class only.
            // A status without an exception (413 from the body limit, 404) goes on to its error handler.
            r.route().failureHandler(ctx -> {
                Throwable failure = ctx.failure();
                if (failure == null) {
                    ctx.next();
                    return;
                }
                int status = ctx.statusCode() > 0 ? ctx.statusCode()
                        : failure instanceof io.vertx.ext.web.handler.HttpException h ? h.getStatusCode() : 500;
                if (status >= 500) {
                    LOG.error("event=http.fault status={} cause={}", status, failure.getClass().getName());
                }
                if (!ctx.response().ended()) {
                    ctx.response().setStatusCode(status).end();
                }
            });
            return r;
        }

        /** The management port ({@code LOSEN_MANAGEMENT_PORT}): health with counts, and metrics. */
        Router management(Vertx vertx) {
            Router r = Router.router(vertx);
            r.route().handler(new SecurityHeaders(List.of())::apply);
            r.get("/health/live").handler(health::live);
            r.get("/health/ready").handler(health::readyInDetail);
            r.get("/health").handler(health::readyInDetail);
            r.get("/metrics").handler(health::allMetrics);
            return r;
        }

        private static Route getOrHead(Router router, String path) {
            return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
        }
    }

    /**
     * What every request passes first, WebSocket handshakes included (they leave before the router):
     * the security headers (so a refused handshake carries them too), the address's budget of requests
     * ({@link RequestRate}), a target that is a path with
     * well-formed escapes ({@code GET *} and {@code /%zz} are answered 400, not logged faults), a {@code Host} (HTTP/1.1 without one, or with
     * an empty one, is answered 400), and, with a public URL, a {@code Host}
     * that names it (DNS rebinding).
     */
    private static Handler<HttpServerRequest> frontDoor(Handler<HttpServerRequest> next, SecurityHeaders headers,
                                                        Origins origins, Metrics metrics, ClientAddress clients,
                                                        RequestRate requests) {
        return req -> {
            headers.put(req.response());
            if (!requests.take(clients.of(req))) {
                // Over its address's budget of requests (RequestRate): 429, held, connection closed.
                metrics.limit("requests");
                req.pause();
                HeldRefusal.send(io.vertx.core.Vertx.currentContext().owner(), req,
                        () -> req.response().setStatusCode(429).end());
                return;
            }
            String path = req.path();
            if (path == null || !path.startsWith("/") || !escapesWellFormed(path)) {
                req.response().setStatusCode(400).end();
                return;
            }
            if (!hostPresent(req)) {
                // HTTP/1.1 requires a Host; without one the router failed and logged an ERROR with a stack.
                metrics.error("bad_host");
                req.response().setStatusCode(400).end();
                return;
            }
            if (!origins.hostAllowed(req)) {
                metrics.limit("host");
                req.response().setStatusCode(421).end();
                return;
            }
            next.handle(req);
        };
    }

    /**
     * Every {@code %} of {@code path} begins an escape of two hex digits. The router decodes the path
     * before any route or failure handler sees it, and a malformed escape ({@code /api/ui/%zz}) was
     * answered 400 after an ERROR with a stack trace in the log: any stranger could fill the log.
     */
    static boolean escapesWellFormed(String path) {
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the request names a host, as HTTP/1.1 requires (RFC 9112 §3.2): one {@code Host}
     * header that is not empty, or HTTP/2's authority. HTTP/1.0 may go without.
     */
    static boolean hostPresent(HttpServerRequest req) {
        if (req.version() == io.vertx.core.http.HttpVersion.HTTP_1_0) {
            String h = req.getHeader("Host");
            return h == null || !h.isBlank();
        }
        if (req.version() == io.vertx.core.http.HttpVersion.HTTP_1_1) {
            // Exactly one (RFC 9112 §3.2): with two, a proxy and this server may each read another.
            List<String> all = req.headers().getAll("Host");
            return all.size() == 1 && !all.get(0).isBlank();
        }
        return req.authority() != null;
    }

    /** Every text action (the handbook search) timed into the search latency metric. */
    private static Map<String, TextAction> timed(Map<String, TextAction> actions, Metrics metrics) {
        Map<String, TextAction> out = new LinkedHashMap<>();
        actions.forEach((name, a) -> out.put(name, (text, lang) -> {
            long t = System.nanoTime();
            try {
                return a.answer(text, lang);
            } finally {
                metrics.search(System.nanoTime() - t);
            }
        }));
        return out;
    }

    public int port() {
        return http.get(0).actualPort();
    }

    /** The management port (/metrics, detailed health), or -1 when there is none. */
    public int managementPort() {
        return management == null ? -1 : management.actualPort();
    }

    public Engine engine() {
        return engine;
    }

    public SessionStore sessions() {
        return store;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** This instance's hand-off desk, shared by the widget and SMS; null when hand-off is not set up. */
    public Switchboard handoff() {
        return handoff;
    }

    /** The WhatsApp replies' sender (its {@code idle()} tells when queued replies are out); null when WhatsApp is off. */
    public Outbox whatsappOutbox() {
        return whatsapp;
    }

    /** Open WebSocket connections now. */
    public int connections() {
        return ws.connections();
    }

    /**
     * Graceful shutdown: readiness turns DOWN and new sockets are refused; each conversation
     * finishes its step and is told to reconnect (close 1012), within the configured grace; then
     * the listener closes and the store lets go of its connections. Sessions in Redis stay.
     */
    public Future<Void> close() {
        long grace = config.ops().shutdownGrace().toMillis();
        return ws.drain(config.ops().shutdownGrace())
                .compose(v -> Future.join(http.stream()
                        .map(h -> h.shutdown(Math.max(1, grace / 2), TimeUnit.MILLISECONDS)).toList()))
                .<Void>mapEmpty()
                .eventually(() -> {
                    workers.close();
                    steps.close();
                    if (whatsapp != null) {
                        whatsapp.close();
                    }
                    return ws.closeHandoff().eventually(store::close);
                })
                .onComplete(r -> LOG.info("event=server.stopped"));
    }
}
