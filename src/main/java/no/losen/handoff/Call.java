package no.losen.handoff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * One change to the desk, as data: what a {@link Relay} carries. With several instances every
 * instance keeps a copy of the desk and applies the same calls in the same order, each with the
 * time it was made ({@code at}) rather than the time it arrived, so every copy decides the same
 * way (who got a person first, whether a message is over the limit). Ids that must be the same
 * everywhere (a new ticket) are made by the caller and travel in the call.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "call")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Call.Join.class, name = "join"),
    @JsonSubTypes.Type(value = Call.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Call.Say.class, name = "say"),
    @JsonSubTypes.Type(value = Call.SendCard.class, name = "card"),
    @JsonSubTypes.Type(value = Call.Accept.class, name = "accept"),
    @JsonSubTypes.Type(value = Call.HandBack.class, name = "back"),
    @JsonSubTypes.Type(value = Call.End.class, name = "end"),
    @JsonSubTypes.Type(value = Call.Block.class, name = "block"),
    @JsonSubTypes.Type(value = Call.CounsellorIn.class, name = "in"),
    @JsonSubTypes.Type(value = Call.CounsellorOut.class, name = "out"),
    @JsonSubTypes.Type(value = Call.Present.class, name = "present"),
    @JsonSubTypes.Type(value = Call.Note.class, name = "note"),
    @JsonSubTypes.Type(value = Call.PersonIn.class, name = "person_in"),
    @JsonSubTypes.Type(value = Call.PersonOut.class, name = "person_out"),
    @JsonSubTypes.Type(value = Call.Closing.class, name = "closing"),
    @JsonSubTypes.Type(value = Call.Delivered.class, name = "delivered"),
    @JsonSubTypes.Type(value = Call.Lang.class, name = "lang")
})
public sealed interface Call {

    /** When the call was made, on the instance that made it. */
    Instant at();

    /** Applies this call to {@code desk}; a refusal is a {@link HandoffException}. */
    void apply(Desk desk);

    /**
     * {@code address}: the client address the person asks from (the per-address limit); never logged.
     * {@code channel}: {@link Waiting#WEB} or {@link Waiting#SMS} (null, from an older instance: web).
     */
    record Join(Instant at, String ticket, String personKey, String address, String lang, String dialog,
                List<PathStep> path, String channel) implements Call {
        @Override
        public void apply(Desk d) {
            d.join(ticket, personKey, address, lang, dialog, path, channel);
        }
    }

    record Leave(Instant at, String ticket) implements Call {
        @Override
        public void apply(Desk d) {
            d.leave(ticket);
        }
    }

    /**
     * {@code danger}: the person's message reads as danger now (checked where it arrived).
     * {@code id}: the counsellor's own id for their message, for {@link Delivered} (null: none asked).
     */
    record Say(Instant at, String ticket, Event.Side from, String user, String text, boolean danger, String id)
            implements Call {
        public Say(Instant at, String ticket, Event.Side from, String user, String text) {
            this(at, ticket, from, user, text, false, null);
        }

        public Say(Instant at, String ticket, Event.Side from, String user, String text, boolean danger) {
            this(at, ticket, from, user, text, danger, null);
        }

        @Override
        public void apply(Desk d) {
            d.say(ticket, from, user, text, danger, id);
        }
    }

    /** The counsellor's message {@code id} reached the person's connection, on the instance holding it. */
    record Delivered(Instant at, String ticket, String id) implements Call {
        @Override
        public void apply(Desk d) {
            d.delivered(ticket, id);
        }
    }

    /** The person switched language while waiting or talking. */
    record Lang(Instant at, String ticket, String lang) implements Call {
        @Override
        public void apply(Desk d) {
            d.lang(ticket, lang);
        }
    }

    record SendCard(Instant at, String ticket, String user, String fact) implements Call {
        @Override
        public void apply(Desk d) {
            d.card(ticket, user, fact);
        }
    }

    record Accept(Instant at, String ticket, String user) implements Call {
        @Override
        public void apply(Desk d) {
            d.accept(ticket, user);
        }
    }

    record HandBack(Instant at, String ticket, String user, String node) implements Call {
        @Override
        public void apply(Desk d) {
            d.handBack(ticket, user, node);
        }
    }

    record End(Instant at, String ticket, String user) implements Call {
        @Override
        public void apply(Desk d) {
            d.end(ticket, user);
        }
    }

    record Block(Instant at, String ticket, String user) implements Call {
        @Override
        public void apply(Desk d) {
            d.block(ticket, user);
        }
    }

    /** A counsellor's connection opened on {@code instance} (null: {@link Desk#LOCAL}). */
    record CounsellorIn(Instant at, String instance, String user) implements Call {
        @Override
        public void apply(Desk d) {
            d.counsellorIn(instance == null ? Desk.LOCAL : instance, user);
        }
    }

    record CounsellorOut(Instant at, String instance, String user) implements Call {
        @Override
        public void apply(Desk d) {
            d.counsellorOut(instance == null ? Desk.LOCAL : instance, user);
        }
    }

    /**
     * An instance's heartbeat: the counsellor connections it holds, and the tickets whose person
     * has a socket on it (see {@link Desk#present}).
     */
    record Present(Instant at, String instance, java.util.Map<String, Integer> users, List<String> persons)
            implements Call {
        @Override
        public void apply(Desk d) {
            d.present(instance, users, persons == null ? List.of() : persons);
        }
    }

    /** The person holding {@code ticket} has a socket on {@code instance} (joined, or resumed after a reconnect). */
    record PersonIn(Instant at, String instance, String ticket) implements Call {
        @Override
        public void apply(Desk d) {
            d.personIn(instance, ticket);
        }
    }

    /** The person's socket on {@code instance} closed: a counsellor's message now gets {@code away}. */
    record PersonOut(Instant at, String instance, String ticket) implements Call {
        @Override
        public void apply(Desk d) {
            d.personOut(instance, ticket);
        }
    }

    /**
     * {@code instance} shuts down: its counsellors and the people with a socket on it are gone at
     * once, not when its heartbeat expires. One call, because the sockets' own closes may still
     * be on their way when the instance lets go of Redis.
     */
    record Closing(Instant at, String instance) implements Call {
        @Override
        public void apply(Desk d) {
            d.instanceClosed(instance);
        }
    }

    /** The counsellor's case note, passed to every copy so a reconnect anywhere gets it back; never stored. */
    record Note(Instant at, String ticket, String user, String text) implements Call {
        @Override
        public void apply(Desk d) {
            d.note(ticket, user, text);
        }
    }
}
