package no.losen.channel.whatsapp;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One webhook POST from Meta, read only after its signature was checked: the messages people
 * sent to our number. A POST may carry several entries, changes and messages; status callbacks
 * (sent, delivered, read, failed) come the same way under {@code statuses} and are skipped, as is
 * everything for another phone number of the same business account. Only what a step needs is
 * read: the sender's WhatsApp id (hashed at once by the conversation), the message id, the
 * time, and the text or the id of a tapped button or list row. The sender's profile name Meta
 * also sends is never read, and media are never fetched: only their type is looked at.
 */
public final class Delivery {

    /** What kind of message a person sent. */
    public enum Kind {
        /** typed text, or a template's quick-reply button (its text) */
        TEXT,
        /** a tapped reply button or list row of ours: {@code choice} holds its id */
        CHOICE,
        /** a picture, voice note, video, document, sticker, location, contact or anything we cannot read */
        MEDIA,
        /** a reaction to a message: nothing to answer */
        IGNORED
    }

    /**
     * One message. {@code from} is the sender's WhatsApp id (their number): it is turned into a
     * key at once and never stored, logged or echoed. So is {@code id}, which holds the number too.
     */
    public record Message(String from, String id, Instant sent, Kind kind, String text, String choice) {

        @Override
        public String toString() {
            // A record's default toString would print the number and the text into any log that prints this;
            // the id too carries the number (a "wamid." id is base64 around it).
            return "Message[kind=" + kind + "]";
        }
    }

    /**
     * The messages of a delivery, and how many status callbacks, foreign messages and unreadable ones
     * (no sender or id) were skipped: one bad message must not cost the others in the same delivery
     * their answer, and would be refused again at every redelivery.
     */
    public record Read(List<Message> messages, int statuses, int foreign, int unreadable) {
    }

    private Delivery() {
    }

    /**
     * @param phoneNumberId our number's id; messages to another number are skipped (null: take all)
     * @throws IllegalArgumentException when the body is not the JSON of a webhook
     */
    public static Read read(byte[] body, String phoneNumberId) {
        JsonObject root;
        try {
            root = new JsonObject(new String(body, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
        List<Message> out = new ArrayList<>();
        int statuses = 0;
        int foreign = 0;
        int unreadable = 0;
        try {
            for (JsonObject entry : objects(root.getJsonArray("entry"))) {
                for (JsonObject change : objects(entry.getJsonArray("changes"))) {
                    JsonObject value = change.getJsonObject("value");
                    if (value == null || !"messages".equals(change.getString("field", "messages"))) {
                        continue;
                    }
                    statuses += value.getJsonArray("statuses", new JsonArray()).size();
                    JsonObject meta = value.getJsonObject("metadata", new JsonObject());
                    List<JsonObject> messages = objects(value.getJsonArray("messages"));
                    if (phoneNumberId != null && meta.getString("phone_number_id") != null
                            && !phoneNumberId.equals(meta.getString("phone_number_id"))) {
                        foreign += messages.size();
                        continue;
                    }
                    for (JsonObject m : messages) {
                        if (!readable(m)) {
                            unreadable++;
                            continue;
                        }
                        Message read = message(m);
                        if (read != null) {
                            out.add(read);
                        }
                    }
                }
            }
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("the body is not a WhatsApp webhook");
        }
        return new Read(out, statuses, foreign, unreadable);
    }

    private static boolean readable(JsonObject m) {
        return m.getValue("from") instanceof String from && !from.isBlank()
                && m.getValue("id") instanceof String id && !id.isBlank();
    }

    private static Message message(JsonObject m) {
        String from = m.getString("from");
        String id = m.getString("id");
        Instant sent = sent(m.getValue("timestamp"));
        String type = m.getString("type", "unknown");
        switch (type) {
            case "text": {
                JsonObject text = m.getJsonObject("text", new JsonObject());
                return new Message(from, id, sent, Kind.TEXT, text.getString("body", ""), null);
            }
            case "button": {
                JsonObject b = m.getJsonObject("button", new JsonObject());
                return new Message(from, id, sent, Kind.TEXT, b.getString("text", ""), null);
            }
            case "interactive": {
                JsonObject i = m.getJsonObject("interactive", new JsonObject());
                JsonObject reply = i.getJsonObject("button_reply", i.getJsonObject("list_reply"));
                if (reply != null && reply.getString("id") != null) {
                    return new Message(from, id, sent, Kind.CHOICE, null, reply.getString("id"));
                }
                return new Message(from, id, sent, Kind.MEDIA, null, null);
            }
            case "reaction":
                return new Message(from, id, sent, Kind.IGNORED, null, null);
            default:
                // image, audio, video, document, sticker, location, contacts, unsupported, …: never downloaded.
                return new Message(from, id, sent, Kind.MEDIA, null, null);
        }
    }

    /** Meta sends Unix seconds as a string; a missing or odd value counts as "now" (the window is then open). */
    private static Instant sent(Object ts) {
        if (ts == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(ts.toString().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<JsonObject> objects(JsonArray a) {
        List<JsonObject> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            out.add(a.getJsonObject(i));
        }
        return out;
    }
}
