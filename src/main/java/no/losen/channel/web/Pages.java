package no.losen.channel.web;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.content.Language;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;

/**
 * The server's own HTML pages. None holds an inline script or style, so each can be served under
 * a Content-Security-Policy that allows only this origin: a page where a person in danger types
 * must not run anything that was not shipped with the server.
 */
final class Pages {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final String DEFAULT_LANG = "nb";

    private final DialogSet set;
    private final Asset js;
    private final Asset css;

    Pages(DialogSet set, Asset js, Asset css) {
        this.set = set;
        this.js = js;
        this.css = css;
    }

    /** {@code /chat?dialog=rights&lang=ar}: the widget as the whole page, for links from SMS, posters or QR codes. */
    void chat(RoutingContext ctx) {
        String dialog = Optional.ofNullable(ctx.queryParams().get("dialog")).orElse(firstPublic());
        Optional<Dialog> d = dialog != null && ID.matcher(dialog).matches() ? set.dialog(dialog) : Optional.empty();
        if (d.isEmpty() || d.get().audience() != Audience.PUBLIC) {
            ctx.response().setStatusCode(404);
            send(ctx, page(DEFAULT_LANG, text(DEFAULT_LANG, "widget.title"), "losen-demo",
                    "<main><h1>404</h1></main>"));
            return;
        }
        String asked = ctx.queryParams().get("lang");
        String lang = asked != null && d.get().offers(asked) ? asked : "auto";
        String pageLang = lang.equals("auto") ? d.get().languages().get(0) : lang;
        String body = "<main id=\"losen-chat\"></main>\n"
                + "<script src=\"" + js.path() + "\" data-mode=\"page\" data-dialog=\"" + esc(d.get().id())
                + "\" data-lang=\"" + esc(lang) + "\" defer></script>";
        send(ctx, page(pageLang, text(pageLang, "widget.title"), "losen-page", body));
    }

    /** {@code /}: the public dialogs, the widget embedded as any site would embed it, and the snippet to copy. */
    void demo(RoutingContext ctx) {
        String asked = ctx.queryParams().get("lang");
        String lang = asked != null && set.translations().language(asked).isPresent() ? asked : DEFAULT_LANG;
        StringBuilder list = new StringBuilder();
        for (Dialog d : set.dialogs().values()) {
            if (d.audience() != Audience.PUBLIC) {
                continue;
            }
            String l = d.offers(lang) ? lang : d.languages().get(0);
            list.append("<li><a href=\"/chat?dialog=").append(esc(d.id())).append("&amp;lang=").append(esc(l))
                    .append("\">").append(esc(text(l, d.title()))).append("</a></li>\n");
        }
        String first = firstPublic();
        String host = host(ctx);
        String snippet = "<script src=\"" + (host == null ? "" : ctx.request().scheme() + "://" + host) + "/widget.js\" data-dialog=\""
                + (first == null ? "rights" : first) + "\" data-lang=\"auto\" defer></script>";
        String body = "<main>\n<h1>" + esc(text(lang, "widget.demo.heading")) + "</h1>\n"
                + "<p>" + esc(text(lang, "widget.demo.intro")) + "</p>\n"
                + "<ul>\n" + list + "</ul>\n"
                + "<h2>" + esc(text(lang, "widget.demo.embed")) + "</h2>\n"
                + "<pre><code>" + esc(snippet) + "</code></pre>\n</main>\n"
                + (first == null ? "" : "<script src=\"/widget.js\" data-dialog=\"" + esc(first)
                        + "\" data-lang=\"auto\" defer></script>");
        send(ctx, page(lang, text(lang, "widget.demo.heading"), "losen-demo", body));
    }

    /**
     * {@code /exit}: a blank page for operators who want quick exit to stay off other sites (and for
     * tests). It shows nothing and says nothing about where the person was.
     */
    void exit(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'")
                .end("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>New tab</title></head><body></body></html>\n");
    }

    private String page(String lang, String title, String bodyClass, String body) {
        String dir = set.translations().language(lang).map(Language::dir).orElse("ltr");
        return "<!doctype html>\n<html lang=\"" + esc(lang) + "\" dir=\"" + esc(dir) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + esc(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + css.path() + "\">\n"
                + "</head>\n<body class=\"" + bodyClass + "\">\n" + body + "\n</body>\n</html>\n";
    }

    private void send(RoutingContext ctx, String html) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", csp(host(ctx)))
                .end(html);
    }

    /** Only this origin: scripts, styles and the socket back to it; nothing inline, no framing, no forms elsewhere. */
    static String csp(String host) {
        String ws = host == null ? "" : " ws://" + host + " wss://" + host;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'" + ws
                + "; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The request's Host when it is a plain host name (never echo anything else into a header). */
    static String host(RoutingContext ctx) {
        HostAndPort a = ctx.request().authority();
        if (a == null || a.host() == null) {
            return null;
        }
        String name = a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
        String h = a.port() > 0 ? name + ":" + a.port() : name;
        return HOST.matcher(h).matches() ? h : null;
    }

    private String firstPublic() {
        return set.dialogs().values().stream().filter(d -> d.audience() == Audience.PUBLIC).map(Dialog::id)
                .findFirst().orElse(null);
    }

    private String text(String lang, String key) {
        Translations tr = set.translations();
        return tr.find(lang, key).map(f -> f.text().text()).orElse("");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
