package no.losen.channel.whatsapp;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.losen.channel.internal.Hmac;
import no.losen.channel.sms.PhoneKey;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.http.ClientAddress;
import no.losen.http.RefusalLog;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /whatsapp}, the WhatsApp Business Cloud API webhook. {@code GET} is Meta's verification
 * handshake; {@code POST} carries messages and status callbacks, signed with
 * {@code X-Hub-Signature-256}, which is checked on the raw body before anything is parsed (403
 * otherwise). Every message is handled once by id; the answer is 200 once each step is stored
 * (replies go out afterwards, from the {@link Outbox}), or 503 while sessions cannot be reached,
 * so Meta delivers again later. Logs name outcomes and counts, never a number or a text.
 */
public final class WhatsAppRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppRoutes.class);
    /** The largest delivery read: Meta batches messages, and one text may be 65,536 characters. */
    public static final long MAX_BODY = 1024 * 1024;

    private final WhatsAppConfig config;
    private final WhatsAppConversation conversation;
    private final HubSignature signature;
    private final Outbox outbox;
    private final RefusalLog refusals = new RefusalLog();

    WhatsAppRoutes(WhatsAppConfig config, WhatsAppConversation conversation, Outbox outbox) {
        this.config = config;
        this.conversation = conversation;
        this.outbox = outbox;
        this.signature = config.appSecret() == null ? null : new HubSignature(config.appSecret());
    }

    /**
     * The webhook's handlers and, when WhatsApp is configured, its outbox (else the webhook
     * answers 503 naming what to set).
     */
    public static WhatsAppRoutes of(Steps steps, WhatsAppConfig config, PhoneKey keys, String dialog, Clock clock) {
        Outbox outbox = config.missingConfig() == null ? new Outbox(config, clock) : null;
        if (outbox == null && config.enabled()) {
            LOG.warn("event=whatsapp.incomplete {}; /whatsapp answers 503 until it is set", config.missingConfig());
        }
        WhatsAppConversation c = outbox == null ? null : new WhatsAppConversation(steps, keys, dialog, outbox, clock);
        return new WhatsAppRoutes(config, c, outbox);
    }

    /** The replies' sender, which the server closes on shutdown; null when WhatsApp is not configured. */
    public Outbox outbox() {
        return outbox;
    }

    /** Meta's handshake: echo {@code hub.challenge} when the mode is subscribe and the token ours. */
    public void verify(RoutingContext ctx) {
        // Not verified until all four settings are in: a verified webhook in Meta's dashboard must mean
        // that messages will be answered, not refused one by one with 503.
        String missing = config.missingConfig();
        if (missing != null) {
            refuse(ctx, 503, "not_configured", missing);
            return;
        }
        String mode = ctx.request().getParam("hub.mode");
        String token = ctx.request().getParam("hub.verify_token");
        String challenge = ctx.request().getParam("hub.challenge");
        if (!"subscribe".equals(mode) || !Hmac.same(config.verifyToken(), token) || challenge == null
                || !challenge.matches("[A-Za-z0-9_-]{1,128}")) {
            refuse(ctx, 403, "forbidden", "verification refused");
            return;
        }
        LOG.info("event=whatsapp.verified");
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end(challenge);
    }

    /** A delivery: the signature checked before anything of the body is read, then each message answered. */
    public void receive(RoutingContext ctx) {
        String missing = config.missingConfig();
        if (missing != null) {
            refuse(ctx, 503, "not_configured", missing);
            return;
        }
        if (!conversation.ready()) {
            refuse(ctx, 503, "unavailable", "the dialog '" + conversation.dialogId()
                    + "' is not loaded or not public (LOSEN_SMS_DIALOG)");
            return;
        }
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        byte[] body = raw == null ? new byte[0] : raw.getBytes();
        // The signature first: nothing of an unsigned or altered body is read.
        if (!signature.valid(body, ctx.request().getHeader(HubSignature.HEADER))) {
            refuse(ctx, 403, "forbidden", "the request does not carry a valid " + HubSignature.HEADER);
            return;
        }
        Delivery.Read read;
        try {
            read = Delivery.read(body, config.phoneNumberId());
        } catch (IllegalArgumentException e) {
            refuse(ctx, 400, "bad_request", e.getMessage());
            return;
        }
        // One message after the other: a delivery may carry messages from dozens of people, and handed to
        // the text workers all at once they would overflow the share that keeps one client from
        // stalling the rest (the whole delivery would be refused as busy, and again at each redelivery).
        // What was stored before a failure is not done twice: each message is handled once by its id.
        Future<Void> all = Future.succeededFuture();
        for (Delivery.Message m : read.messages()) {
            all = all.compose(x -> conversation.handle(m));
        }
        all.onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.info("event=whatsapp.received messages={} statuses={} foreign={} unreadable={}",
                        read.messages().size(), read.statuses(), read.foreign(), read.unreadable());
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end("ok");
                return;
            }
            DialogException d = Steps.failure(ar.cause());
            int status = d.code() == ErrorCode.UNAVAILABLE || d.code() == ErrorCode.BUSY ? 503 : 500;
            if (status == 503) {
                ctx.response().putHeader("Retry-After", d.code() == ErrorCode.BUSY ? "5" : "30");
            }
            refuse(ctx, status, d.code().code(), d.getMessage());
        });
    }

    /**
     * Answers with an error; its log line at most once a minute per sender address and kind
     * ({@link RefusalLog}): the webhook is open to anyone, and one line per unsigned request let a
     * client write 18,000 lines in 2 s (an independent tester).
     */
    private void refuse(RoutingContext ctx, int status, String code, String message) {
        refusals.refused(ClientAddress.peer(ctx.request().remoteAddress()), "whatsapp " + status + " " + code,
                n -> LOG.info("event=whatsapp.refused status={} code={} suppressed={}", status, code, n));
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new io.vertx.core.json.JsonObject().put("error", code).put("message", message).encode());
    }
}
