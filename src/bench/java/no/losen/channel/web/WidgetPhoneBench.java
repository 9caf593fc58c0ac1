package no.losen.channel.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

/**
 * The widget on a throttled phone: time to a visible quick exit and to the first message, bytes on
 * the wire and requests, on DevTools' "Fast 3G" and "Fast 4G" profiles, for {@code /chat} and for
 * a host page with nothing but the script tag, against a server with default settings.
 *
 * <p>Run with {@code bench/widget-phone}. Prints one line per run and a summary table.
 */
public final class WidgetPhoneBench {

    /** Chrome DevTools' presets (front_end/core/sdk/NetworkManager.ts): bytes per second and ms. */
    record Profile(String name, double download, double upload, double latency) {
    }

    static final Profile FAST_3G = new Profile("Fast 3G", 1.6e6 / 8 * .9, 750e3 / 8 * .9, 150 * 3.75);
    static final Profile FAST_4G = new Profile("Fast 4G", 9e6 / 8 * .9, 1.5e6 / 8 * .9, 60 * 2.75);

    /** Records, from navigation start, when quick exit and the first message are first on screen. */
    static final String PROBE = """
            (function () {
              var t = window.__losenT = {};
              function all(sel) {
                var list = Array.prototype.slice.call(document.querySelectorAll(sel));
                var h = document.querySelector('[data-losen-widget]');
                if (h && h.shadowRoot) { list = list.concat(Array.prototype.slice.call(h.shadowRoot.querySelectorAll(sel))); }
                return list;
              }
              function shown(e) {
                var r = e.getBoundingClientRect();
                if (r.width < 1 || r.height < 1 || r.bottom <= 0 || r.top >= innerHeight) { return false; }
                var s = getComputedStyle(e);
                return s.visibility !== 'hidden' && s.opacity !== '0';
              }
              document.addEventListener('click', function () { t.click = t.click || performance.now(); }, true);
              function tick() {
                var now = performance.now();
                if (!t.exit && all('.exit').some(shown)) { t.exit = now; }
                if (!t.launcher && all('.launch').some(shown)) { t.launcher = now; }
                if (!t.message && all('.msg.bot').some(shown)) { t.message = now; }
                if (!(t.exit && t.message)) { requestAnimationFrame(tick); }
              }
              requestAnimationFrame(tick);
            })();
            """;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path tmp = Files.createTempDirectory("losen-bench");
        List<String> rows = new ArrayList<>();
        try (WebFixture web = WebFixture.defaults()) {
            for (Profile p : List.of(FAST_3G, FAST_4G)) {
                for (String page : List.of("chat", "bare")) {
                    List<Map<String, Double>> results = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        Map<String, Double> r = run(web, tmp.resolve(p.name().replace(' ', '-') + "-" + page + "-" + i), p,
                                page.equals("chat") ? web.chatPage() : web.barePage(), page.equals("bare"));
                        System.out.printf(Locale.ROOT, "%s %s run %d: %s%n", p.name(), page, i + 1, r);
                        results.add(r);
                    }
                    rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", p.name(),
                            page.equals("chat") ? "`/chat`" : "host page, script tag only", median(results, "exit"),
                            median(results, "message"), median(results, "kB"), median(results, "requests")));
                }
            }
        }
        System.out.println();
        System.out.println("| profile | page | visible exit (ms) | first message (ms) | kB on the wire | HTTP requests |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    static String median(List<Map<String, Double>> rs, String key) {
        List<Double> v = rs.stream().map(r -> r.getOrDefault(key, Double.NaN)).sorted().toList();
        double m = v.get(v.size() / 2);
        return key.equals("kB") ? String.format(Locale.ROOT, "%.1f", m) : String.format(Locale.ROOT, "%.0f", m);
    }

    static Map<String, Double> run(WebFixture web, Path profile, Profile p, String url, boolean launch) throws Exception {
        Files.createDirectories(profile);
        ChromeDriver driver = Chromium.start(profile, "en-US", 360, 740);
        try {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
            DevTools dev = driver.getDevTools();
            dev.createSession();
            AtomicLong bytes = new AtomicLong();
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger sockets = new AtomicInteger();
            dev.addListener(new Event<Map<String, Object>>("Network.requestWillBeSent", WidgetPhoneBench::map), e -> requests.incrementAndGet());
            dev.addListener(new Event<Map<String, Object>>("Network.loadingFinished", WidgetPhoneBench::map),
                    e -> bytes.addAndGet(((Number) e.get("encodedDataLength")).longValue()));
            dev.addListener(new Event<Map<String, Object>>("Network.webSocketCreated", WidgetPhoneBench::map), e -> sockets.incrementAndGet());
            dev.addListener(new Event<Map<String, Object>>("Network.webSocketFrameReceived", WidgetPhoneBench::map),
                    e -> bytes.addAndGet(payload(e)));
            dev.addListener(new Event<Map<String, Object>>("Network.webSocketFrameSent", WidgetPhoneBench::map),
                    e -> bytes.addAndGet(payload(e)));
            dev.send(new Command<>("Network.enable", Map.of()));
            dev.send(new Command<>("Network.setCacheDisabled", Map.of("cacheDisabled", true)));
            dev.send(new Command<>("Network.emulateNetworkConditions", Map.of("offline", false,
                    "latency", p.latency(), "downloadThroughput", p.download(), "uploadThroughput", p.upload())));
            dev.send(new Command<>("Page.enable", Map.of()));
            dev.send(new Command<>("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE)));
            driver.get(url);
            if (launch) {
                waitFor(driver, "launcher");
                driver.findElement(By.cssSelector("[data-losen-widget]")).getShadowRoot()
                        .findElement(By.cssSelector(".launch")).click();
            }
            waitFor(driver, "message");
            waitFor(driver, "exit");
            Thread.sleep(300);
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) driver.executeScript("return window.__losenT");
            Map<String, Double> r = new HashMap<>();
            t.forEach((k, v) -> r.put(k, ((Number) v).doubleValue()));
            if (launch && r.containsKey("click")) {
                r.put("afterClick", r.get("message") - r.get("click"));
            }
            r.put("kB", bytes.get() / 1000.0);
            r.put("requests", (double) requests.get());
            r.put("sockets", (double) sockets.get());
            return r;
        } finally {
            driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(org.openqa.selenium.json.JsonInput in) {
        return (Map<String, Object>) in.read(Map.class);
    }

    static long payload(Map<?, ?> e) {
        Object resp = e.get("response");
        if (resp instanceof Map<?, ?> m && m.get("payloadData") instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2;
        }
        return 0;
    }

    static void waitFor(ChromeDriver driver, String key) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            Object v = driver.executeScript("return window.__losenT && window.__losenT." + key);
            if (v != null) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + key + " within 60 s");
    }
}
