package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);

    private static Delivery.Read read(JsonObject webhook) {
        return Delivery.read(webhook.encode().getBytes(StandardCharsets.UTF_8), Webhooks.PHONE_NUMBER_ID);
    }

    @Test
    void aTextMessageGivesSenderIdTimeAndTextAndNeverTheProfileName() {
        Delivery.Read r = read(Webhooks.text("4791234567", "wamid.1", AT, "Hei"));
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("4791234567");
            assertThat(m.id()).isEqualTo("wamid.1");
            assertThat(m.sent()).isEqualTo(AT);
            assertThat(m.kind()).isEqualTo(Delivery.Kind.TEXT);
            assertThat(m.text()).isEqualTo("Hei");
            assertThat(m.toString()).doesNotContain("4791234567").doesNotContain("Hei").doesNotContain("Kerry")
                    .as("a wamid carries the number").doesNotContain("wamid");
        });
    }

    @Test
    void aTappedButtonOrListRowGivesItsId() {
        assertThat(read(Webhooks.button("47", "w2", AT, "c:yes", "Ja")).messages().get(0))
                .extracting(Delivery.Message::kind, Delivery.Message::choice).containsExactly(Delivery.Kind.CHOICE, "c:yes");
        assertThat(read(Webhooks.listReply("47", "w3", AT, "l:ar", "العربية")).messages().get(0))
                .extracting(Delivery.Message::kind, Delivery.Message::choice).containsExactly(Delivery.Kind.CHOICE, "l:ar");
    }

    @Test
    void mediaAreOnlyRecognisedAsMediaAndReactionsAreIgnored() {
        Delivery.Message image = read(Webhooks.image("47", "w4", AT)).messages().get(0);
        assertThat(image.kind()).isEqualTo(Delivery.Kind.MEDIA);
        assertThat(image.text()).isNull();
        JsonObject reaction = Webhooks.text("47", "w5", AT, "x");
        JsonObject m = reaction.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
                .getJsonObject("value").getJsonArray("messages").getJsonObject(0);
        m.remove("text");
        m.put("type", "reaction").put("reaction", new JsonObject().put("message_id", "w1").put("emoji", "👍"));
        assertThat(read(reaction).messages().get(0).kind()).isEqualTo(Delivery.Kind.IGNORED);
    }

    @Test
    void statusCallbacksAndMessagesToAnotherNumberAreCountedAndSkipped() {
        Delivery.Read status = read(Webhooks.status("4791234567"));
        assertThat(status.messages()).isEmpty();
        assertThat(status.statuses()).isEqualTo(1);
        Delivery.Read other = Delivery.read(Webhooks.text("47", "w6", AT, "hei").encode().getBytes(StandardCharsets.UTF_8),
                "another-number-id");
        assertThat(other.messages()).isEmpty();
        assertThat(other.foreign()).isEqualTo(1);
    }

    @Test
    void aMessageWithoutSenderOrIdIsSkippedAndCountedAndTheOthersAreRead() {
        JsonObject both = new JsonObject().put("entry", new JsonArray().add(new JsonObject().put("changes", new JsonArray()
                .add(new JsonObject().put("field", "messages").put("value", new JsonObject().put("messages", new JsonArray()
                        .add(new JsonObject().put("id", "w7").put("type", "text"))
                        .add(new JsonObject().put("from", "47").put("id", "w8").put("type", "text")
                                .put("text", new JsonObject().put("body", "he has a knife")))))))));
        Delivery.Read r = read(both);
        assertThat(r.unreadable()).isEqualTo(1);
        assertThat(r.messages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("he has a knife"));
    }

    @Test
    void aBodyThatIsNotAWebhookIsRefused() {
        assertThatThrownBy(() -> Delivery.read("{not json".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Delivery.read("[1]".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IllegalArgumentException.class);
        JsonObject noFrom = new JsonObject().put("entry", new JsonArray().add(new JsonObject().put("changes", new JsonArray()
                .add(new JsonObject().put("field", "messages").put("value", new JsonObject().put("messages",
                        new JsonArray().add(new JsonObject().put("id", "w7").put("type", "text"))))))));
        assertThatThrownBy(() -> Delivery.read("{\"entry\":\"x\"}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
