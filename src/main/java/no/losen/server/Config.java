package no.losen.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything an operator can set. Each field has an environment variable {@code LOSEN_*} and a
 * command-line flag (see {@code cli.ServeCommand} and the README's table). Defaults are the safe
 * choice: local interface only when not told otherwise would break containers, so the host is
 * all interfaces, but sockets accept only the server's own origin until widget hosts are listed.
 *
 * @param content        a content root (dialogs/, translations/, facts/, corpus/); null: the bundled content
 * @param allowedOrigins origins whose pages may open /ws (the widget hosts); empty: same origin only
 * @param exitUrl        where quick exit sends the user: a neutral page
 * @param staleFallback  a translation whose nb source changed since it was made is not served;
 *                       the fallback chain is used instead until a translator updates it
 */
public record Config(String host, int port, Path content, Duration sessionTtl, long maxSessions,
                     List<String> allowedOrigins, List<String> fallback, String exitUrl, String publicUrl,
                     boolean staleFallback) {

    public static Config defaults() {
        return new Config("0.0.0.0", 8080, null, Duration.ofMinutes(30), 100_000, List.of(), List.of("en", "nb"),
                "https://www.yr.no/", null, true);
    }

    public Config withPort(int p) {
        return new Config(host, p, content, sessionTtl, maxSessions, allowedOrigins, fallback, exitUrl, publicUrl, staleFallback);
    }

    public Config withContent(Path c) {
        return new Config(host, port, c, sessionTtl, maxSessions, allowedOrigins, fallback, exitUrl, publicUrl, staleFallback);
    }

    public Config withSessionTtl(Duration ttl) {
        return new Config(host, port, content, ttl, maxSessions, allowedOrigins, fallback, exitUrl, publicUrl, staleFallback);
    }

    public Config withAllowedOrigins(List<String> origins) {
        return new Config(host, port, content, sessionTtl, maxSessions, origins, fallback, exitUrl, publicUrl, staleFallback);
    }
}
