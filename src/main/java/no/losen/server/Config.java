package no.losen.server;


import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.losen.channel.sms.SmsConfig;
import no.losen.channel.whatsapp.WhatsAppConfig;
import no.losen.handoff.HandoffConfig;
import no.losen.step.NewSessions;

/**
 * Everything an operator can set. Each field has an environment variable {@code LOSEN_*} and a
 * command-line flag (see {@code cli.ServeCommand} and the README's table). Defaults are the safe
 * choice: the host is all interfaces (local-only would break containers), but sockets accept
 * only the server's own origin until widget hosts are listed, and staff log-in is off until a
 * users file is given.
 *
 * @param content        a content root (dialogs/, translations/, facts/, corpus/); null: the bundled content
 * @param allowedOrigins origins whose pages may open /ws (the widget hosts); empty: same origin only
 * @param exitUrl        where quick exit sends the user: a neutral page
 * @param sms            the SMS webhooks' secrets and start dialog
 * @param whatsapp       the WhatsApp webhook's tokens and the Graph API it replies through
 * @param staffUsers     the staff users file (name:bcrypt-hash lines); null: staff log-in disabled
 * @param staffIdle      a staff log-in ends after this long without use
 * @param oidc           OpenID Connect log-in for staff and counsellors; null: off (docs/staff-console.md)
 * @param staleFallback  a translation whose nb source changed since it was made is not served;
 *                       the fallback chain is used instead until a translator updates it
 * @param newSessions    new conversations one client (address, phone) may start: a burst, then one per interval
 * @param ops            scale-out, limits, framing and shutdown settings (docs/operations.md)
 * @param cacheDir       where the loaded content, the search index and the intent models derived from it are kept between
 *                       starts ({@code no.losen.cache.DerivedCache}); null: built at every start
 * @param handoff        "Talk to a person": the organisation, its hours, limits (docs/handoff.md); off by default
 */
public record Config(String host, int port, Path content, Duration sessionTtl, long maxSessions,
                     List<String> allowedOrigins, List<String> fallback, String exitUrl, String publicUrl,
                     SmsConfig sms, Path staffUsers, Duration staffIdle, Operations ops, boolean staleFallback,
                     WhatsAppConfig whatsapp, Path cacheDir, NewSessions.Budget newSessions,
                     no.losen.staff.OidcSettings oidc, HandoffConfig handoff) {

    public static Config defaults() {
        return new Builder().build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Config withPort(int p) {
        return toBuilder().port(p).build();
    }

    public Config withContent(Path c) {
        return toBuilder().content(c).build();
    }

    public Config withSessionTtl(Duration ttl) {
        return toBuilder().sessionTtl(ttl).build();
    }

    public Config withAllowedOrigins(List<String> origins) {
        return toBuilder().allowedOrigins(origins).build();
    }

    public Config withPublicUrl(String url) {
        return toBuilder().publicUrl(url).build();
    }

    public Config withSms(SmsConfig s) {
        return toBuilder().sms(s).build();
    }

    public Config withWhatsApp(WhatsAppConfig w) {
        return toBuilder().whatsapp(w).build();
    }

    public Config withStaff(Path users, Duration idle) {
        return toBuilder().staffUsers(users).staffIdle(idle).build();
    }

    public Config withOidc(no.losen.staff.OidcSettings o) {
        return toBuilder().oidc(o).build();
    }

    public Config withMaxSessions(long max) {
        return toBuilder().maxSessions(max).build();
    }

    public Config withNewSessions(NewSessions.Budget b) {
        return toBuilder().newSessions(b).build();
    }

    public Config withHandoff(HandoffConfig h) {
        return toBuilder().handoff(h).build();
    }

    public Config withOps(Operations o) {
        return toBuilder().ops(o).build();
    }

    /** Starts from the defaults; each setter names one setting, so adding a setting touches one place. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private Path content;
        private Duration sessionTtl = Duration.ofMinutes(30);
        private long maxSessions = 100_000;
        private List<String> allowedOrigins = List.of();
        private List<String> fallback = List.of("en", "nb");
        private String exitUrl = "https://www.yr.no/";
        private String publicUrl;
        private SmsConfig sms = SmsConfig.defaults();
        private Path staffUsers;
        private Duration staffIdle = Duration.ofMinutes(20);
        private Operations ops = Operations.DEFAULT;

        private boolean staleFallback = true;
        private WhatsAppConfig whatsapp = WhatsAppConfig.defaults();
        private Path cacheDir = no.losen.cache.DerivedCache.defaultDir();
        private NewSessions.Budget newSessions = NewSessions.Budget.DEFAULT;
        private no.losen.staff.OidcSettings oidc;
        private HandoffConfig handoff = HandoffConfig.off();

        public Builder() {
        }

        Builder(Config c) {
            host = c.host;
            port = c.port;
            content = c.content;
            sessionTtl = c.sessionTtl;
            maxSessions = c.maxSessions;
            allowedOrigins = c.allowedOrigins;
            fallback = c.fallback;
            exitUrl = c.exitUrl;
            publicUrl = c.publicUrl;
            sms = c.sms;
            staffUsers = c.staffUsers;
            staffIdle = c.staffIdle;
            ops = c.ops;
            staleFallback = c.staleFallback;
            whatsapp = c.whatsapp;
            cacheDir = c.cacheDir;
            newSessions = c.newSessions;
            oidc = c.oidc;
            handoff = c.handoff;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder content(Path v) { content = v; return this; }
        public Builder sessionTtl(Duration v) { sessionTtl = v; return this; }
        public Builder maxSessions(long v) { maxSessions = v; return this; }
        public Builder allowedOrigins(List<String> v) { allowedOrigins = List.copyOf(v); return this; }
        public Builder fallback(List<String> v) { fallback = List.copyOf(v); return this; }
        public Builder exitUrl(String v) { exitUrl = v; return this; }
        public Builder publicUrl(String v) { publicUrl = v; return this; }
        public Builder sms(SmsConfig v) { sms = v; return this; }
        public Builder staffUsers(Path v) { staffUsers = v; return this; }
        public Builder staffIdle(Duration v) { staffIdle = v; return this; }
        public Builder ops(Operations v) { ops = v; return this; }

        public Builder staleFallback(boolean v) { staleFallback = v; return this; }
        public Builder whatsapp(WhatsAppConfig v) { whatsapp = v; return this; }

        public Builder cacheDir(Path v) { cacheDir = v; return this; }

        public Builder newSessions(NewSessions.Budget v) { newSessions = v; return this; }

        public Builder oidc(no.losen.staff.OidcSettings v) { oidc = v; return this; }

        public Builder handoff(HandoffConfig v) { handoff = v; return this; }

        public Config build() {
            return new Config(host, port, content, sessionTtl, maxSessions, allowedOrigins, fallback, exitUrl, publicUrl,
                    sms, staffUsers, staffIdle, ops, staleFallback, whatsapp, cacheDir, newSessions, oidc, handoff);
        }
    }
}
