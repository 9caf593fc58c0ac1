package no.losen.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.stream.Collectors;
import no.losen.channel.sms.SmsRoutes;
import no.losen.channel.web.WebAssets;
import no.losen.channel.ws.WebSocketChannel;
import no.losen.channel.ws.WsLimits;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.dialog.load.Problem;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchRoute;
import no.losen.session.MemorySessionStore;
import no.losen.session.SessionStore;
import no.losen.staff.StaffAuth;
import no.losen.staff.StaffRoutes;
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

    private final Vertx vertx;
    private final HttpServer http;
    private final Engine engine;
    private final SessionStore store;

    private Losen(Vertx vertx, HttpServer http, Engine engine, SessionStore store) {
        this.vertx = vertx;
        this.http = http;
        this.engine = engine;
        this.store = store;
    }

    /** Loads the configured content, or the bundled content when none is configured. */
    public static Loaded content(Config config) {
        Path root = config.content() != null ? config.content() : ContentLoader.bundled();
        return ContentLoader.load(root, config.fallback());
    }

    public static Future<Losen> start(Vertx vertx, Config config) {
        long t0 = System.nanoTime();
        Loaded loaded;
        try {
            loaded = content(config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        if (!loaded.ok()) {
            String errors = loaded.errors().stream().map(Problem::toString).collect(Collectors.joining("\n  "));
            return Future.failedFuture(new IllegalStateException("the content does not validate:\n  " + errors));
        }
        Path root = config.content() != null ? config.content() : ContentLoader.bundled();
        Engine engine = new Engine(loaded.set(), Actions.forContent(root));
        SessionStore store = new MemorySessionStore(config.sessionTtl(), config.maxSessions());

        Router router = Router.router(vertx);
        router.route().handler(SecurityHeaders::apply);
        router.post().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        new ApiRoutes(loaded.set(), store).mount(router);
        SearchRoute.mount(router, HandbookSearch.forContent(root));
        SmsRoutes.mount(router, engine, store, config.sms(), config.publicUrl());
        WebAssets.mount(router, loaded.set(), config.exitUrl());
        StaffAuth staff = StaffRoutes.mount(router, vertx, loaded.set(),
                new StaffRoutes.Settings(config.staffUsers(), config.staffIdle(), config.publicUrl()));

        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
                .setCompressionSupported(true)
                .setMaxWebSocketFrameSize(4 * WsLimits.DEFAULT.maxFrameChars())
                .setMaxWebSocketMessageSize(4 * WsLimits.DEFAULT.maxFrameChars());
        HttpServer http = vertx.createHttpServer(options);
        new WebSocketChannel(engine, store, staff, config.allowedOrigins(), WsLimits.DEFAULT).install(http);
        return http.requestHandler(router).listen().map(s -> {
            LOG.info("event=server.started port={} dialogs={} startup_ms={}", s.actualPort(),
                    loaded.set().dialogs().size(), (System.nanoTime() - t0) / 1_000_000);
            return new Losen(vertx, s, engine, store);
        });
    }

    public int port() {
        return http.actualPort();
    }

    public Engine engine() {
        return engine;
    }

    public SessionStore sessions() {
        return store;
    }

    public Future<Void> close() {
        return http.close();
    }
}
