package no.losen.channel.web;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Asset shellCss;
    private final String shellHash;
    private final UiApi api;
    private final String exitUrl;
    private final HelpNow help;

    Pages(DialogSet set, Asset js, Asset css, Asset shellCss, UiApi api, String exitUrl) {
        this.set = set;
        this.js = js;
        this.css = css;
        this.shellCss = shellCss;
        this.shellHash = "'sha256-" + Base64.getEncoder().encodeToString(sha256(shellCss.bytes())) + "'";
        this.api = api;
        this.exitUrl = exitUrl;
        this.help = new HelpNow(set);
    }

    /**
     * {@code /chat?dialog=rights&lang=ar&title=Notes}: the widget as the whole page, for links from
     * SMS, posters or QR codes. The first paint needs nothing but this page: quick exit is a real
     * link in it (it works before, and without, the script), styled by a small stylesheet written
     * into the page; the widget's words come in the page too ({@code #losen-boot}, what
     * {@code /api/boot} would answer), and its script and stylesheet load side by side.
     * The page's title is what the browser's history keeps after quick exit (which can take the page out
     * of Back, not out of the history): by default the neutral word for "Chat" ({@code widget.page-title}),
     * not "Ask anonymously" in the person's language, a sign of seeking help on a phone that someone else
     * may look through (an independent tester); {@code title} sets another.
     */
    void chat(RoutingContext ctx) {
        String dialog = Optional.ofNullable(ctx.queryParams().get("dialog")).orElse(firstPublic());
        Optional<Dialog> d = dialog != null && ID.matcher(dialog).matches() ? set.dialog(dialog) : Optional.empty();
        if (d.isEmpty() || d.get().audience() != Audience.PUBLIC) {
            ctx.response().setStatusCode(404);
            send(ctx, page(DEFAULT_LANG, text(DEFAULT_LANG, "widget.page-title"), "losen-demo",
                    "<main><h1>404</h1></main>"));
            return;
        }
        String asked = ctx.queryParams().get("lang");
        String lang = asked != null && d.get().offers(asked) ? asked : "auto";
        List<String> want = lang.equals("auto") ? acceptLanguages(ctx.request().getHeader("Accept-Language")) : List.of(lang);
        JsonObject boot = api.boot(d.get().id(), want).orElseThrow();
        String pageLang = boot.getJsonObject("ui").getString("lang");
        String title = Optional.ofNullable(ctx.queryParams().get("title")).map(String::strip)
                .filter(x -> !x.isEmpty() && x.length() <= 80).orElse(null);
        String dir = set.translations().language(pageLang).map(Language::dir).orElse("ltr");
        String html = "<!doctype html>\n<html lang=\"" + esc(pageLang) + "\" dir=\"" + esc(dir) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                // resizes-content: when the keyboard opens, the page (and the chat) gets shorter instead of covered.
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, interactive-widget=resizes-content\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + esc(title != null ? title : text(pageLang, "widget.page-title")) + "</title>\n"
                + "<style>" + shellCss.text() + "</style>\n"
                + "<link rel=\"preload\" href=\"" + css.path() + "\" as=\"style\">\n"
                + "<script src=\"" + js.path() + "\" data-mode=\"page\" data-dialog=\"" + esc(d.get().id())
                + "\" data-lang=\"" + esc(lang) + "\"" + (title == null ? "" : " data-title=\"" + esc(title) + "\"")
                + " defer></script>\n"
                + "</head>\n<body class=\"losen-page\">\n"
                + "<div id=\"losen-shell\" class=\"losen-shell\"><div class=\"head\">"
                + "<a class=\"exit\" href=\"" + esc(exitUrl) + "\" rel=\"noreferrer\">" + esc(text(pageLang, "widget.quick-exit"))
                + "</a><p class=\"title\">" + esc(text(pageLang, "widget.title")) + "</p></div>"
                + helpCard(d.get(), pageLang) + "</div>\n"
                + "<main id=\"losen-chat\"></main>\n"
                // A data block, never run; "<" escaped so no text in it can close the element.
                + "<script type=\"application/json\" id=\"losen-boot\">" + boot.encode().replace("<", "\\u003c")
                + "</script>\n</body>\n</html>\n";
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", csp(host(ctx), ctx.get("losen.frameAncestors"), shellHash));
        WebAssets.end(ctx, html);
    }

    /**
     * The dialog's help-now numbers as large call buttons, in the page itself: they work without
     * JavaScript, before the script arrives and if it never does. The widget replaces the whole
     * shell once it is ready, and shows the same numbers again whenever no conversation can start.
     */
    private String helpCard(Dialog d, String lang) {
        List<HelpNow.Call> calls = help.calls(d, lang);
        if (calls.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<section class=\"help\" aria-labelledby=\"losen-help\"><h2 id=\"losen-help\">")
                .append(esc(text(lang, "widget.help.heading"))).append("</h2><div class=\"calls\">");
        for (HelpNow.Call c : calls) {
            b.append("<a class=\"call\" href=\"tel:").append(esc(c.tel())).append("\"><span class=\"num\" dir=\"ltr\">")
                    .append(esc(c.phone())).append("</span><span class=\"who\">").append(esc(c.title())).append("</span></a>");
        }
        return b.append("</div></section>").toString();
    }

    /** The languages of an Accept-Language header, most wanted first, as the widget names them ({@code no} is {@code nb}). */
    static List<String> acceptLanguages(String header) {
        if (header == null || header.length() > 500) {
            return List.of();
        }
        record Q(String code, double q, int at) {
        }
        List<Q> qs = new ArrayList<>();
        String[] parts = header.split(",", 16);
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i].trim().split(";");
            String base = p[0].trim().toLowerCase(Locale.ROOT).split("-")[0];
            double q = 1;
            for (int j = 1; j < p.length; j++) {
                String a = p[j].trim();
                if (a.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(a.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (base.matches("[a-z]{2,3}") && q > 0) {
                qs.add(new Q(Map.of("no", "nb", "nn", "nb", "prs", "fa").getOrDefault(base, base), q, i));
            }
        }
        qs.sort(Comparator.comparingDouble((Q x) -> -x.q()).thenComparingInt(Q::at));
        return qs.stream().map(Q::code).distinct().toList();
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
                .putHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'");
        WebAssets.end(ctx, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
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
                .putHeader("Content-Security-Policy", csp(host(ctx), ctx.get("losen.frameAncestors")));
        WebAssets.end(ctx, html);
    }

    /** Only this origin: scripts, styles and the socket back to it; nothing inline, no framing, no forms elsewhere. */
    static String csp(String host) {
        return csp(host, null);
    }

    /**
     * @param frameAncestors the operator's {@code LOSEN_FRAME_ANCESTORS}, as the server's security headers put
     *                       it in the routing context (validated there); null: no framing
     */
    static String csp(String host, String frameAncestors) {
        return csp(host, frameAncestors, null);
    }

    /** @param styleHash a {@code 'sha256-…'} source for the one stylesheet written into the page, or null */
    static String csp(String host, String frameAncestors, String styleHash) {
        String ws = host == null ? "" : " ws://" + host + " wss://" + host;
        return "default-src 'self'; script-src 'self'; style-src 'self'" + (styleHash == null ? "" : " " + styleHash)
                + "; img-src 'self'; connect-src 'self'" + ws
                + "; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors "
                + (frameAncestors == null ? "'none'" : frameAncestors);
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

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
