package no.losen.channel.sms;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Sends SMS that are not a webhook's reply. The dialog answers every SMS in the webhook's
 * response and needs no sender; "Talk to a person" does: a counsellor writes when they write,
 * so their messages, the accept and the end go out through the gateway's send API. One
 * implementation per gateway ({@link TwilioSender}, {@link JsonSender}); free of Vert.x.
 */
public interface SmsSender {

    /**
     * Where a message goes: the person's number and the number they wrote to (the sender of the
     * reply). Held in memory only while the person waits or talks, never logged: see docs/sms.md.
     */
    record Recipient(String phone, String via) {
        @Override
        public String toString() {
            return "Recipient[…]";   // a record's default toString would print the number
        }
    }

    /** Sends {@code messages} to {@code to}, in order; the stage fails when the gateway refused or was not reached. */
    CompletionStage<Void> send(Recipient to, List<String> messages);
}
