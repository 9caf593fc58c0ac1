package no.losen.channel.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.losen.dialog.Card;
import no.losen.dialog.Reply;

/**
 * How the model looks on the wire (docs/protocol.md): the {@code message} frame a {@link Reply}
 * becomes and the cards in it, as Jackson mix-ins, so the model ({@code no.losen.dialog}) knows
 * nothing of JSON and the protocol's shape is written down in one place. Absent fields are left
 * out; a card's kind is its {@code type}, written first; the search card's caution is its
 * {@code text}; the fallback keys a reply carries for tests are never sent.
 */
final class Wire {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addMixIn(Reply.class, ReplyJson.class)
            .addMixIn(Card.class, CardJson.class)
            .addMixIn(Card.Search.class, SearchJson.class)
            .addMixIn(Card.Hit.class, HitJson.class)
            .build();
    private static final ObjectWriter MESSAGE = JSON.writerFor(Message.class);

    private Wire() {
    }

    /**
     * The {@code message} frame for a reply; {@code talk}: whether "Talk to a person" is offered
     * with it ({@code open}, {@code closed}), or null when it is not offered.
     */
    static String message(Reply r, String talk) {
        try {
            return MESSAGE.writeValueAsString(new Message("message", talk, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply is always serializable", e);
        }
    }

    /** A card as a JSON object, for frames that carry one (the hand-off's contacts). */
    static ObjectNode card(Card c) {
        return JSON.valueToTree(c);
    }

    /** The frame's own fields in front of the reply's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(String type, String talk, @JsonUnwrapped Reply reply) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface ReplyJson {
        @JsonIgnore
        List<String> fallbacks();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Card.Contact.class, name = "contact"),
        @JsonSubTypes.Type(value = Card.Fact.class, name = "fact"),
        @JsonSubTypes.Type(value = Card.Print.class, name = "print"),
        @JsonSubTypes.Type(value = Card.Search.class, name = "search")})
    private interface CardJson {
    }

    private interface SearchJson {
        @JsonProperty("text")
        String caution();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface HitJson {
    }
}
