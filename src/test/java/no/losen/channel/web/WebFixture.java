package no.losen.channel.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import no.losen.server.Config;
import no.losen.server.TestServer;

/**
 * The world the widget lives in, for end-to-end tests: the real server on a free port, with the
 * repository's translations (so the widget's own words are the shipped ones) and the small
 * {@code walk} dialog; a relay in front of it that a test can cut, as a train tunnel would; and a
 * host site on another origin whose page embeds the widget under a strict Content-Security-Policy.
 */
final class WebFixture implements AutoCloseable {

    static final Path FIXTURE = Path.of("src/test/resources/content/widget");

    final TestServer server;
    private final Vertx outside = Vertx.vertx();
    private final HttpServer site;
    private final NetServer relay;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean refusing;
    private volatile boolean hanging;
    private final Set<NetSocket> held = ConcurrentHashMap.newKeySet();

    WebFixture(Path tmp, Duration ttl) {
        this(c -> c.content(content(tmp)).sessionTtl(ttl));
    }

    private static WebFixture shared;
    private boolean keep;

    /**
     * The server as an operator starts it with nothing set, the bundled content included; the
     * only setting is the host site's origin, without which no page elsewhere may open a socket.
     * One for the whole test run (it takes seconds to start: the handbook index, the dictionaries),
     * stopped when the JVM ends; closing it does nothing. Tests must not cut its connections.
     */
    static synchronized WebFixture defaults() {
        if (shared == null) {
            WebFixture f = new WebFixture(c -> c);
            f.keep = true;
            Runtime.getRuntime().addShutdownHook(new Thread(f::stop));
            shared = f;
        }
        return shared;
    }

    /** The default server with some settings changed, as an operator would change them. */
    WebFixture(UnaryOperator<Config.Builder> settings) {
        // Both outside ports must be known before the server starts (allowed origins, the page's CSP).
        this.relay = outside.createNetServer().connectHandler(this::relayTo).listen(0, "localhost").await();
        this.site = outside.createHttpServer().requestHandler(req -> {
            String lang = req.getParam("lang", "nb");
            req.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Content-Security-Policy", hostCsp())
                    .end(req.path().equals("/bare") ? bareHtml(req.getParam("lang"))
                            : pageHtml(lang.matches("[a-z]{2,4}") ? lang : "nb", "off".equals(req.getParam("draft"))));
        }).listen(0, "127.0.0.1").await();
        // The host site's origin first, so a test may take it away (a site the operator did not list).
        Config.Builder b = Config.defaults().toBuilder().port(0).allowedOrigins(List.of(siteOrigin()));
        this.server = new TestServer(settings.apply(b).build());
    }

    private void relayTo(NetSocket in) {
        if (refusing) {
            in.close();
            return;
        }
        if (hanging) {
            held.add(in);
            open.add(in);
            in.closeHandler(v -> {
                held.remove(in);
                open.remove(in);
            });
            return;
        }
        in.pause();
        outside.createNetClient().connect(server.port(), "localhost").onComplete(ar -> {
            if (ar.failed()) {
                in.close();
                return;
            }
            NetSocket out = ar.result();
            open.add(in);
            open.add(out);
            in.closeHandler(v -> open.remove(in));
            out.closeHandler(v -> open.remove(out));
            in.pipeTo(out);
            out.pipeTo(in);
        });
    }

    /** Where the widget is served from, as a host page names it: through the relay. */
    String widgetOrigin() {
        return "http://localhost:" + relay.actualPort();
    }

    String siteOrigin() {
        return "http://127.0.0.1:" + site.actualPort();
    }

    /** The host page that embeds the widget with {@code data-lang}. */
    String hostPage(String lang) {
        return siteOrigin() + "/?lang=" + lang;
    }

    /** A host page with nothing but the script tag: no data attribute, no body, no title. */
    String barePage() {
        return siteOrigin() + "/bare";
    }

    /** A host page with nothing but the script tag and its {@code data-lang}. */
    String barePage(String lang) {
        return siteOrigin() + "/bare?lang=" + lang;
    }

    /** The server's own full-page chat, as a link from an SMS or a poster opens it. */
    String chatPage() {
        return widgetOrigin() + "/chat";
    }

    /** Cuts every connection through the relay: the browser sees its socket drop, as on a network blip. */
    void cutConnections() {
        open.forEach(NetSocket::close);
    }

    /** While refusing, the relay drops every new connection at once: the network is down. */
    void refuseConnections(boolean refuse) {
        refusing = refuse;
    }

    /**
     * While hanging, the relay takes each new connection and never answers (a dead link, a captive
     * portal): the browser's socket stays "connecting" until {@link #cutConnections()}.
     */
    void hangConnections(boolean hang) {
        hanging = hang;
    }

    /** How many connections the relay holds unanswered while hanging. */
    int heldConnections() {
        return held.size();
    }

    private String hostCsp() {
        String w = widgetOrigin();
        return "default-src 'none'; script-src " + w + "; style-src " + w + "; connect-src " + w + " "
                + w.replace("http://", "ws://") + "; base-uri 'none'; form-action 'none'";
    }

    private String pageHtml(String lang, boolean draftMarkOff) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>A municipality</title>"
                + "<script src=\"" + widgetOrigin() + "/widget.js\" data-dialog=\"walk\" data-lang=\"" + lang + "\""
                + (draftMarkOff ? " data-draft-mark=\"off\"" : "")
                + " data-exit-url=\"" + widgetOrigin() + "/exit\" defer></script></head>\n"
                + "<body><header><h1>A municipality</h1></header>"
                + "<main><p>Opening hours and services.</p><p><a href=\"/other\">Contact us</a></p></main></body></html>\n";
    }

    private String bareHtml(String lang) {
        return "<script src=\"" + widgetOrigin() + "/widget.js\""
                + (lang != null && lang.matches("[a-z]{2,3}") ? " data-lang=\"" + lang + "\"" : "") + "></script>\n";
    }

    /** The repository's translations and facts plus the walk dialog, in a fresh content root. */
    static Path content(Path tmp) {
        Path root = tmp.resolve("content");
        copy(Path.of("translations"), root.resolve("translations"));
        copy(Path.of("facts"), root.resolve("facts"));
        copy(FIXTURE, root);
        return root;
    }

    private static void copy(Path from, Path to) {
        if (Files.isDirectory(from)) {
            no.losen.Fixtures.copyTree(from, to);
        }
    }

    /** The repository's dialogs, translations and facts without the handbook corpus: starts fast, search finds nothing. */
    static Path publicContent(Path tmp) {
        Path root = tmp.resolve("public-content");
        for (String dir : new String[] {"dialogs", "translations", "facts"}) {
            copy(Path.of(dir), root.resolve(dir));
        }
        return root;
    }

    @Override
    public void close() {
        if (!keep) {
            stop();
        }
    }

    private void stop() {
        cutConnections();
        server.close();
        outside.close().await();
    }
}
