package no.losen.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web channel's HTTP side, against the real server: files, caching, pages, CSP, the widget's API. */
class WebAssetsTest {

    @TempDir
    static Path tmp;
    static WebFixture web;
    static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void up() {
        web = new WebFixture(tmp, Duration.ofMinutes(30));
    }

    @AfterAll
    static void down() {
        web.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port() + path)).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(res.headers().firstValue("Set-Cookie")).as("no cookies, ever: " + path).isEmpty();
        return res;
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void widgetJsIsTheScriptCachedForMinutesAndTheHashedFileIsCachedForAYear() throws Exception {
        HttpResponse<String> loader = get("/widget.js");
        assertThat(loader.statusCode()).isEqualTo(200);
        assertThat(header(loader, "Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(header(loader, "Content-Type")).startsWith("text/javascript");
        assertThat(header(loader, "Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        String etag = header(loader, "ETag");
        HttpRequest again = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port() + "/widget.js"))
                .header("If-None-Match", etag).build();
        assertThat(http.send(again, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);
        String location = "/assets/widget." + etag.replace("\"", "") + ".js";
        assertThat(get("/chat").body()).contains("<script src=\"" + location + "\"");

        HttpResponse<String> js = get(location);
        assertThat(js.body()).isEqualTo(loader.body());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(header(js, "Content-Type")).startsWith("text/javascript");
        assertThat(header(js, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(js, "Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        String hash = location.substring("/assets/widget.".length(), location.length() - ".js".length());
        assertThat(Asset.hash(js.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(hash);

        // The script names its stylesheet by hash too, so one release never mixes old CSS with new JS.
        Matcher css = Pattern.compile("/assets/(widget\\.[0-9a-f]{12}\\.css)").matcher(js.body());
        assertThat(js.body()).doesNotContain("__LOSEN_CSS__").doesNotContain("__LOSEN_STARTED_LIFE__").contains("STARTED_LIFE = 300000;");
        assertThat(css.find()).isTrue();
        HttpResponse<String> style = get(css.group());
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(header(style, "Content-Type")).startsWith("text/css");
        assertThat(header(style, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(get("/widget.css").headers().firstValue("Location")).contains("/" + "assets/" + css.group(1));
    }

    @Test
    void chatIsTheWholePageUnderAStrictPolicyWithNothingInlineButItsHashedFirstPaintAndNothingCached() throws Exception {
        HttpResponse<String> page = get("/chat?dialog=walk&lang=ar");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Cache-Control")).isEqualTo("no-store");
        String csp = header(page, "Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self';",
                "connect-src 'self' ws://127.0.0.1:" + web.server.port(), "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
        String html = page.body();
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "data-mode=\"page\"", "data-dialog=\"walk\"",
                "data-lang=\"ar\"", "<main id=\"losen-chat\">", "interactive-widget=resizes-content");
        // The one stylesheet in the page is allowed by its hash, and by nothing else.
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'self' 'sha256-" + hash + "';");
        String rest = html.replace(style.group(), "");
        assertThat(style.find()).isFalse();
        // Scripts: files of this origin, and one JSON data block that no browser runs.
        assertNothingInline(rest.replaceFirst("<script type=\"application/json\" id=\"losen-boot\">", "<script src=\"data\">"));
    }

    @Test
    void chatShowsAWorkingQuickExitBeforeAnyScriptAndCarriesTheWidgetsWords() throws Exception {
        String html = get("/chat?dialog=walk&lang=nb").body();
        // A real link to the neutral page: it works before the script arrives, and without it.
        assertThat(html).contains("<a class=\"exit\" href=\"https://www.yr.no/\" rel=\"noreferrer\">Gå ut raskt</a>");
        assertThat(html.indexOf("class=\"exit\"")).isLessThan(html.indexOf("<main"));
        // What /api/boot would answer, so the widget needs no request before its first paint.
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"losen-boot\">(.*?)</script>").matcher(html);
        assertThat(data.find()).isTrue();
        JsonObject boot = new JsonObject(data.group(1));
        assertThat(boot.getString("dialog")).isEqualTo("walk");
        assertThat(boot.getJsonObject("ui").getString("lang")).isEqualTo("nb");
        assertThat(boot.getJsonObject("ui").getJsonObject("strings").getString("widget.send")).isEqualTo("Send");
        assertThat(data.group(1)).doesNotContain("<");
        // The script and the stylesheet are asked for from the head, side by side.
        assertThat(html).containsPattern("<link rel=\"preload\" href=\"/assets/widget\\.[0-9a-f]{12}\\.css\" as=\"style\">");
        assertThat(html.indexOf("<script src=")).isLessThan(html.indexOf("</head>"));
    }

    @Test
    void chatWithoutALanguageSpeaksTheBrowsersAndMayHaveANeutralTitle() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port()
                + "/chat?dialog=walk&title=Notater")).header("Accept-Language", "de-DE, ar;q=0.9, en;q=0.8").build();
        String html = http.send(r, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "data-lang=\"auto\"", "<title>Notater</title>",
                "data-title=\"Notater\"");
        assertThat(get("/chat?dialog=walk").body()).contains("<html lang=\"nb\"", "<title>Chat</title>")
                .as("the history keeps the title: not 'Ask anonymously'").doesNotContain("<title>Spør anonymt</title>");
        assertThat(get("/chat?dialog=walk&title=%3C%2Ftitle%3E").body()).contains("<title>&lt;/title&gt;</title>");
    }

    @Test
    void acceptLanguageIsReadInOrderOfPreferenceWithNorwegianAsBokmaal() {
        assertThat(Pages.acceptLanguages("en;q=0.5, nn-NO, de;q=0.8, *;q=0.1")).containsExactly("nb", "de", "en");
        assertThat(Pages.acceptLanguages("ar;q=0, fa")).containsExactly("fa");
        assertThat(Pages.acceptLanguages(null)).isEmpty();
        assertThat(Pages.acceptLanguages("x".repeat(600))).isEmpty();
    }

    @Test
    void theWidgetsFilesAreSentGzippedOnceAndPlainToAClientThatDoesNotAskForGzip() throws Exception {
        HttpResponse<String> loader = get("/widget.js");
        String plain = loader.body();
        Matcher css = Pattern.compile("/assets/widget\\.[0-9a-f]{12}\\.css").matcher(plain);
        assertThat(css.find()).isTrue();
        String script = "/assets/widget." + header(loader, "ETag").replace("\"", "") + ".js";
        for (String path : new String[] {"/widget.js", script, css.group(), "/staff/console.js", "/staff"}) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port() + path))
                    .header("Accept-Encoding", "gzip, deflate, br").build();
            HttpResponse<byte[]> gz = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(header(gz, "Content-Encoding")).as(path).isEqualTo("gzip");
            assertThat(header(gz, "Vary")).as(path).isEqualTo("Accept-Encoding");
            // Compressed once (at start-up), not a second time by the server's compressor on the way out.
            byte[] once = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes();
            assertThat(once[0]).as(path).isNotEqualTo((byte) 0x1f);
            if (path.equals("/widget.js")) {
                assertThat(new String(once, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain);
                assertThat(gz.body().length).isLessThan(plain.length() / 2);
            }
            HttpRequest head = HttpRequest.newBuilder(r.uri()).header("Accept-Encoding", "gzip")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            assertThat(header(http.send(head, HttpResponse.BodyHandlers.ofByteArray()), "Content-Length"))
                    .as("HEAD " + path).isEqualTo(Integer.toString(gz.body().length));
        }
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port()
                + "/widget.js")).header("Accept-Encoding", "gzip;q=0, identity").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(header(refused, "Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(plain);
    }

    @Test
    void headRequestsAreAnsweredLikeGetsWithoutABody() throws Exception {
        for (String path : new String[] {"/widget.js", "/widget.css", "/chat", "/", "/exit", "/api/ui/nb",
                "/api/languages", "/api/boot?dialog=walk"}) {
            HttpRequest head = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.server.port() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> res = http.send(head, HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as("HEAD " + path).isEqualTo(get(path).statusCode());
            assertThat(res.body()).as("HEAD " + path).isEmpty();
        }
    }

    @Test
    void chatOffersOnlyPublicDialogsThatExist() throws Exception {
        assertThat(get("/chat?dialog=nope").statusCode()).isEqualTo(404);
        assertThat(get("/chat?dialog=%22%3E%3Cscript%3E").statusCode()).isEqualTo(404);
        assertThat(get("/chat?dialog=walk&lang=xx").body()).contains("data-lang=\"auto\"");
    }

    @Test
    void theDemoPageListsThePublicDialogsAndEmbedsTheWidgetAsAHostSiteWould() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"nb\" dir=\"ltr\">", "Losen: spør anonymt",
                "<a href=\"/chat?dialog=walk&amp;lang=nb\">Prøvetur</a>",
                "<script src=\"/widget.js\" data-dialog=\"walk\" data-lang=\"auto\" defer></script>",
                "&lt;script src=&quot;http://127.0.0.1:" + web.server.port() + "/widget.js&quot;");
        assertNothingInline(html);
        assertThat(get("/?lang=ar").body()).contains("<html lang=\"ar\" dir=\"rtl\">", "جولة تجريبية");
    }

    @Test
    void theExitPageShowsNothing() throws Exception {
        HttpResponse<String> page = get("/exit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(page.body()).contains("<body></body>").doesNotContainIgnoringCase("losen");
    }

    @Test
    void uiGivesTheWidgetsWordsInOneLanguageWithItsDirectionAndOwnName() throws Exception {
        HttpResponse<String> res = get("/api/ui/ar");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(header(res, "Access-Control-Allow-Origin")).isEqualTo("*");
        JsonObject ui = new JsonObject(res.body());
        assertThat(ui.getString("lang")).isEqualTo("ar");
        assertThat(ui.getString("dir")).isEqualTo("rtl");
        assertThat(ui.getString("name")).isEqualTo("العربية");
        assertThat(ui.getString("status")).isEqualTo("draft");
        assertThat(ui.getString("exit")).isEqualTo("https://www.yr.no/");
        JsonObject strings = ui.getJsonObject("strings");
        assertThat(strings.getString("widget.send")).isEqualTo("إرسال");
        assertThat(strings.getString("widget.quick-exit")).isEqualTo("خروج سريع");
        JsonObject nb = new JsonObject(get("/api/ui/nb").body()).getJsonObject("strings");
        assertThat(strings.fieldNames()).containsExactlyInAnyOrderElementsOf(nb.fieldNames());
        assertThat(nb.fieldNames()).allMatch(k -> k.startsWith("widget."));
        assertThat(get("/api/ui/xx").statusCode()).isEqualTo(404);
        assertThat(get("/api/ui/..%2F..").statusCode()).isEqualTo(404);
    }

    @Test
    void languagesAreNamedInThemselvesAndCanBeNarrowedToADialog() throws Exception {
        JsonArray all = new JsonArray(get("/api/languages").body());
        assertThat(all).hasSize(12);
        JsonArray walk = new JsonArray(get("/api/languages?dialog=walk").body());
        assertThat(walk.stream().map(o -> ((JsonObject) o).getString("code"))).containsExactly("nb", "en", "ar");
        assertThat(walk.getJsonObject(0).getString("name")).isEqualTo("Norsk bokmål");
        assertThat(walk.getJsonObject(2).getString("dir")).isEqualTo("rtl");
        assertThat(get("/api/languages?dialog=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void bootGivesTheLanguagesAndTheWordsOfTheFirstWantedLanguageTheDialogOffersInOneAnswer() throws Exception {
        JsonObject boot = new JsonObject(get("/api/boot?dialog=walk&want=de,ar,en").body());
        assertThat(boot.getString("dialog")).isEqualTo("walk");
        assertThat(boot.getJsonArray("languages").stream().map(o -> ((JsonObject) o).getString("code")))
                .containsExactly("nb", "en", "ar");
        assertThat(boot.getJsonObject("ui").getString("lang")).isEqualTo("ar");
        assertThat(boot.getJsonObject("ui").getJsonObject("strings").getString("widget.send")).isEqualTo("إرسال");
        // Nothing wanted that the dialog offers: its first language.
        assertThat(new JsonObject(get("/api/boot?dialog=walk&want=fr").body()).getJsonObject("ui").getString("lang"))
                .isEqualTo("nb");
        assertThat(new JsonObject(get("/api/boot?dialog=walk").body()).getJsonObject("ui").getString("lang")).isEqualTo("nb");
        assertThat(get("/api/boot?dialog=nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/boot").statusCode()).isEqualTo(404);
    }

    @Test
    void aDraftLanguageSaysSoInItsOwnWordsForTheLanguageMenu() throws Exception {
        JsonArray walk = new JsonArray(get("/api/languages?dialog=walk").body());
        assertThat(walk.getJsonObject(0).containsKey("draft")).as("nb is reviewed").isFalse();
        assertThat(walk.getJsonObject(2).getString("draft")).isEqualTo("ترجمة لم يراجعها إنسان");
    }

    @Test
    void uiListsThePhoneNumbersOfTheFactsSoTextsCanCallThem() throws Exception {
        JsonArray phones = new JsonObject(get("/api/ui/nb").body()).getJsonArray("phones");
        assertThat(phones.stream().map(o -> (JsonObject) o)).anySatisfy(p -> {
            assertThat(p.getString("text")).isEqualTo("22 33 11 60");
            assertThat(p.getString("tel")).isEqualTo("+4722331160");
        });
        assertThat(phones.stream().map(o -> ((JsonObject) o).getString("tel"))).allMatch(t -> t.matches("\\+?[0-9]{2,15}"));
    }

    @Test
    void aWrongExitUrlStopsTheServerAtStartInsteadOfStrandingSomeone() {
        WebAssets.checkExitUrl("/exit");
        WebAssets.checkExitUrl("https://www.yr.no/");
        for (String bad : new String[] {"", "javascript:alert(1)", "//evil.example", "www.yr.no", "ftp://x.example/"}) {
            assertThatThrownBy(() -> WebAssets.checkExitUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A page under our CSP may hold no inline script, no inline style and no event-handler attributes. */
    static void assertNothingInline(String html) {
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains(" src=");
        }
        assertThat(html).doesNotContain("<style", " style=", " onclick=", " onload=");
    }
}
