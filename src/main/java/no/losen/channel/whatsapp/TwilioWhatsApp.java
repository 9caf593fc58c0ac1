package no.losen.channel.whatsapp;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import no.losen.channel.internal.Replies;
import no.losen.channel.internal.Serial;
import no.losen.channel.sms.Inbound;
import no.losen.channel.sms.PhoneKey;
import no.losen.channel.sms.SmsConversation;
import no.losen.channel.sms.SmsRoutes;
import no.losen.channel.sms.SmsTexts;
import no.losen.step.Steps;

/**
 * WhatsApp through Twilio: Twilio's WhatsApp senders post to the Twilio webhook
 * ({@code /sms/twilio}, checked with Twilio's signature there) with {@code From=whatsapp:+47…},
 * and take the reply in the TwiML response. Such messages are handed here and answered by the
 * same WhatsApp conversation as the Cloud API's (full texts, contacts in international form,
 * quick exit, "text only" for media), with every choice as a numbered line, since a TwiML reply
 * carries text only (Twilio's buttons need templates made beforehand), and messages of at most
 * {@value WhatsAppRenderer#TWILIO_MAX_TEXT} characters, Twilio's limit. A reply in the webhook's
 * response answers a message just sent, so it is always inside the 24-hour window.
 */
public final class TwilioWhatsApp implements SmsRoutes.Handoff {

    public static final String PREFIX = "whatsapp:";

    private final WhatsAppConversation conversation;
    private final Replies<List<String>> replies;
    private final Serial serial = new Serial();
    private final Clock clock;

    public TwilioWhatsApp(Steps steps, PhoneKey keys, String dialogId, Clock clock) {
        WhatsAppRenderer text = new WhatsAppRenderer(new SmsTexts(steps.engine().dialogs().translations()), false,
                WhatsAppRenderer.TWILIO_MAX_TEXT);
        this.conversation = new WhatsAppConversation(steps, keys, dialogId, null, clock, text, SmsConversation.PATIENCE);
        this.replies = new Replies<>(steps.ttl(), 50_000);
        this.clock = clock;
    }

    @Override
    public boolean takes(Inbound in) {
        return in.from() != null && in.from().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    public Future<List<String>> handle(String gateway, Inbound in) {
        // The "whatsapp:" prefix stays in the key, so this never meets the same number's SMS conversation.
        String phone = conversation.keys().of(in.from());
        Delivery.Kind kind = in.media() > 0 && (in.text() == null || in.text().isBlank()) ? Delivery.Kind.MEDIA
                : Delivery.Kind.TEXT;
        Instant now = clock.instant();
        Delivery.Message m = new Delivery.Message(in.from(), in.id(), now, kind, in.text(), null);
        String replay = phone + "/" + gateway + "/" + in.id();
        Supplier<Future<List<String>>> inTurn = () -> {
            AtomicBoolean erased = new AtomicBoolean();
            return conversation.run(phone, m, now.plus(WhatsAppConversation.WINDOW), () -> erased.set(true)).map(out -> {
                if (erased.get()) {
                    // STOP or quick exit: the phone's past replies go too, their ids answering nothing, so a
                    // gateway's late retry of a message from before it brings none of the conversation back.
                    replies.forget(phone + "/", replay, List.of());
                }
                return bodies(out);
            });
        };
        if (kind != Delivery.Kind.TEXT) {
            return replies.once(replay, () -> serial.run(phone, inTurn));
        }
        // Behind the phone's earlier messages (each may wait seconds for the text workers), a cry is read now and
        // answered at once, its own turn dropped, as an SMS's (an independent tester's waited for the question, 2.4 s).
        String text = in.text() == null ? "" : in.text();
        return replies.once(replay, () -> serial.run(phone, inTurn,
                () -> conversation.early(phone, text).map(help -> help.map(TwilioWhatsApp::bodies)), List.of()));
    }

    private static List<String> bodies(List<JsonObject> messages) {
        return messages.stream().map(x -> x.getJsonObject("text").getString("body")).toList();
    }
}
