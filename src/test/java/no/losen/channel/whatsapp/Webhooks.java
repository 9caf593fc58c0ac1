package no.losen.channel.whatsapp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Webhook bodies in the shape of Meta's documented examples (WhatsApp Cloud API, "messages"
 * webhook): one entry, one change, one message, with the contact's profile Meta adds.
 */
final class Webhooks {

    static final String PHONE_NUMBER_ID = "106540352242922";

    private Webhooks() {
    }

    static JsonObject text(String from, String id, Instant at, String body) {
        return message(from, id, at, "text", new JsonObject().put("text", new JsonObject().put("body", body)));
    }

    static JsonObject button(String from, String id, Instant at, String replyId, String title) {
        return message(from, id, at, "interactive", new JsonObject().put("interactive", new JsonObject()
                .put("type", "button_reply").put("button_reply", new JsonObject().put("id", replyId).put("title", title))));
    }

    static JsonObject listReply(String from, String id, Instant at, String replyId, String title) {
        return message(from, id, at, "interactive", new JsonObject().put("interactive", new JsonObject()
                .put("type", "list_reply").put("list_reply", new JsonObject().put("id", replyId).put("title", title))));
    }

    static JsonObject image(String from, String id, Instant at) {
        return message(from, id, at, "image", new JsonObject().put("image", new JsonObject()
                .put("caption", "se her").put("mime_type", "image/jpeg")
                .put("sha256", "IQ9LNSbKnwGMgsxZyJTGlfaDsTHcbXdGFbDcUlxnZh4=").put("id", "1003383421387256")));
    }

    /** A status callback ("delivered"), as Meta sends for every reply. */
    static JsonObject status(String to) {
        JsonObject value = value().put("statuses", new JsonArray().add(new JsonObject()
                .put("id", "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDNEFDRjI4NjVGRTU0NUU5MDIA").put("status", "delivered")
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("recipient_id", to)
                .put("conversation", new JsonObject().put("id", "CONVERSATION_ID")
                        .put("origin", new JsonObject().put("type", "service")))
                .put("pricing", new JsonObject().put("billable", false).put("pricing_model", "PMP").put("category", "service"))));
        return envelope(value);
    }

    private static JsonObject message(String from, String id, Instant at, String type, JsonObject content) {
        JsonObject m = new JsonObject().put("from", from).put("id", id)
                .put("timestamp", String.valueOf(at.getEpochSecond())).put("type", type);
        m.mergeIn(content);
        JsonObject value = value()
                .put("contacts", new JsonArray().add(new JsonObject().put("profile", new JsonObject().put("name", "Kerry Fisher"))
                        .put("wa_id", from)))
                .put("messages", new JsonArray().add(m));
        return envelope(value);
    }

    private static JsonObject value() {
        return new JsonObject().put("messaging_product", "whatsapp").put("metadata", new JsonObject()
                .put("display_phone_number", "15550783881").put("phone_number_id", PHONE_NUMBER_ID));
    }

    private static JsonObject envelope(JsonObject value) {
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
                .put("id", "102290129340398").put("changes", new JsonArray().add(new JsonObject()
                        .put("value", value).put("field", "messages")))));
    }
}
