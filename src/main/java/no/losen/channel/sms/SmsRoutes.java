package no.losen.channel.sms;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.http.ClientAddress;
import no.losen.http.RefusalLog;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS webhooks. Handlers are thin: check configuration and size, let the gateway verify and
 * read the request, hand the message to the {@link SmsConversation}, answer in the gateway's
 * format. Logs name the gateway, the outcome and segment counts: never a number or a text.
 */
public final class SmsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SmsRoutes.class);
    /** An SMS webhook is a few hundred bytes; Twilio's longest inbound body is far below this. */
    public static final int MAX_BODY = 16 * 1024;

    /**
     * Messages a gateway delivers for another channel: Twilio's WhatsApp senders post to the Twilio
     * webhook with {@code From=whatsapp:+47…}; such a message is checked and read here (the same
     * signature) and answered by that channel's own conversation, in the gateway's format.
     */
    public interface Handoff {
        /** Whether this message belongs to the other channel. */
        boolean takes(Inbound in);

        /** The reply's messages, as for {@link SmsConversation#handle}. */
        io.vertx.core.Future<List<String>> handle(String gateway, Inbound in);
    }

    private final SmsConversation conversation;
    private final Handoff handoff;
    /** The gateways by the path each posts to. */
    private final Map<String, SmsGateway> gateways = new HashMap<>();
    private final RefusalLog refusals = new RefusalLog();

    SmsRoutes(SmsConversation conversation, List<SmsGateway> gateways, Handoff handoff) {
        this.conversation = conversation;
        this.handoff = handoff;
        gateways.forEach(g -> this.gateways.put(g.path(), g));
    }

    /**
     * Twilio's webhook ({@code /sms/twilio}) and the JSON one ({@code /sms/inbound}), with the phone
     * key to use and a channel that takes some of the messages (null: none).
     */
    public static SmsRoutes of(Steps steps, SmsConfig config, String publicUrl, PhoneKey keys, Handoff handoff) {
        return of(steps, config, publicUrl, keys, handoff, null);
    }

    /**
     * As above, with this instance's hand-off desk ({@code board}, null: not set up): people who
     * write through a gateway that can send ({@link #senders}) may then talk to a person.
     */
    public static SmsRoutes of(Steps steps, SmsConfig config, String publicUrl, PhoneKey keys, Handoff handoff,
                               no.losen.handoff.Switchboard board) {
        Map<String, SmsSender> senders = senders(config);
        if (board != null && config.enabled()) {
            // Said once at start-up: hand-off is on, but SMS people are offered it only through a gateway that can send.
            LOG.info("event=handoff.sms senders={}", senders.isEmpty() ? "none" : String.join(",", new java.util.TreeSet<>(senders.keySet())));
        }
        SmsConversation c = new SmsConversation(steps, keys, config.dialog(), board, senders);
        return new SmsRoutes(c, List.of(new TwilioGateway(config.twilioAuthToken(), publicUrl),
                new JsonGateway(config.secret())), handoff);
    }

    /** The gateways that can send SMS that are not a webhook's reply, by name: as configured. */
    static Map<String, SmsSender> senders(SmsConfig config) {
        Map<String, SmsSender> out = new HashMap<>();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        if (config.twilioAccountSid() != null && config.twilioAuthToken() != null && !config.twilioAuthToken().isBlank()) {
            out.put("twilio", new TwilioSender(config.twilioApi(), config.twilioAccountSid(), config.twilioAuthToken(), http));
        }
        if (config.sendUrl() != null && config.secret() != null && !config.secret().isBlank()) {
            out.put("json", new JsonSender(config.sendUrl(), config.secret(), http));
        }
        return out;
    }

    /** A gateway's webhook: the message read, checked and answered in the gateway's format. */
    public void receive(RoutingContext ctx) {
        handle(ctx, gateways.get(ctx.request().path()));
    }

    /**
     * A webhook request that failed before it was read: a body over the server-wide limit fails in
     * the body handler (413), a form it cannot decode with 400; gateways expect 400 for both, each
     * with its own code.
     */
    public void failed(RoutingContext ctx) {
        SmsGateway g = gateways.get(ctx.request().path());
        int status = ctx.statusCode() == 413 ? 400 : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String code = ctx.statusCode() == 413 ? "too_large" : status == 400 ? "bad_request" : "internal";
        refused(ctx, g.name() + " " + status + " " + code, n -> LOG.info("event=sms.refused gateway={} status={} code={} suppressed={}",
                g.name(), status, code, n));
        respond(ctx, g.error(status, code, switch (code) {
            case "too_large" -> "the body is over " + MAX_BODY + " bytes";
            case "bad_request" -> "the body is not a well-formed form";
            default -> "the request failed";
        }));
    }

    /**
     * A refusal's log line, at most once a minute per sender address and kind ({@link RefusalLog}): the
     * webhooks are open to anyone, and one line per unsigned request let a client write 138,000
     * lines (16 MB) in 14 s (an independent tester). Behind a proxy all share its address: fewer lines still.
     */
    private void refused(RoutingContext ctx, String kind, java.util.function.LongConsumer line) {
        refusals.refused(ClientAddress.peer(ctx.request().remoteAddress()), "sms " + kind, line);
    }

    private void handle(RoutingContext ctx, SmsGateway g) {
        String missing = g.missingConfig();
        if (missing != null) {
            refused(ctx, g.name() + " not_configured", n -> LOG.warn("event=sms.refused gateway={} status=503 reason=not_configured suppressed={}",
                    g.name(), n));
            respond(ctx, g.error(503, "not_configured", missing));
            return;
        }
        if (!conversation.ready()) {
            refused(ctx, g.name() + " no_dialog", n -> LOG.warn("event=sms.refused gateway={} status=503 reason=no_dialog dialog={} suppressed={}",
                    g.name(), conversation.dialogId(), n));
            respond(ctx, g.error(503, "unavailable", "the SMS dialog '" + conversation.dialogId()
                    + "' is not loaded or not public (LOSEN_SMS_DIALOG)"));
            return;
        }
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        byte[] body = raw == null ? new byte[0] : raw.getBytes();
        if (body.length > MAX_BODY) {
            refused(ctx, g.name() + " too_large", n -> LOG.info("event=sms.refused gateway={} status=400 reason=too_large suppressed={}",
                    g.name(), n));
            respond(ctx, g.error(400, "too_large", "the body is over " + MAX_BODY + " bytes"));
            return;
        }
        Map<String, String> headers = new HashMap<>();
        ctx.request().headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        Inbound in;
        try {
            in = g.read(new SmsGateway.Webhook(ctx.request().uri(), headers, body));
        } catch (SmsGateway.Refusal r) {
            refused(ctx, g.name() + " " + r.status() + " " + r.code(), n -> LOG.info(
                    "event=sms.refused gateway={} status={} reason={} suppressed={}", g.name(), r.status(), r.code(), n));
            respond(ctx, g.error(r.status(), r.code(), r.getMessage()));
            return;
        }
        boolean other = handoff != null && handoff.takes(in);
        (other ? handoff.handle(g.name(), in) : conversation.handle(g.name(), in)).onComplete(ar -> {
            if (ar.succeeded()) {
                List<String> messages = ar.result();
                int segments = SmsBudget.segments(messages);
                LOG.info("event=sms.reply gateway={} channel={} messages={} segments={}", g.name(), other ? "whatsapp" : "sms",
                        messages.size(), other ? 0 : segments);
                respond(ctx, g.reply(messages));
            } else {
                // The step service has mapped the failure (and logged a fault, once); here it only gets a status.
                DialogException d = Steps.failure(ar.cause());
                int status = status(d.code());
                refused(ctx, g.name() + " " + status + " " + d.code().code(), n -> LOG.info(
                        "event=sms.refused gateway={} status={} code={} suppressed={}", g.name(), status, d.code().code(), n));
                if (status == 503) {
                    ctx.response().putHeader("Retry-After", d.code() == ErrorCode.BUSY ? "5" : "30");
                }
                respond(ctx, g.error(status, d.code().code(), d.getMessage()));
            }
        });
    }

    /**
     * The HTTP status for a step's error code: an outage or a full server is 503 (the gateway
     * retries after Retry-After), anything else is our fault.
     */
    static int status(ErrorCode code) {
        return switch (code) {
            case UNAVAILABLE, BUSY -> 503;
            default -> 500;
        };
    }

    private static void respond(RoutingContext ctx, SmsGateway.Response r) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(r.status()).putHeader("Content-Type", r.contentType()).end(r.body());
    }
}
