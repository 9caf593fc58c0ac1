package no.losen.handoff;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the {@link Desk} tells a person or a counsellor. Channels render these; none of them is logged with its text. */
public sealed interface Event {

    /** Who wrote a message. */
    enum Side { PERSON, COUNSELLOR }

    /** Why a conversation or a wait ended. */
    enum Reason {
        /** The person left the queue or ended the conversation. */
        PERSON,
        /** The counsellor ended it. */
        COUNSELLOR,
        /** Nobody accepted within the configured time: the person is offered the contacts. */
        NO_ANSWER,
        /** No message for the idle time. */
        IDLE,
        /** The counsellor blocked the session. */
        BLOCKED,
        /** The counsellor handed the person back to the dialog. */
        HANDED_BACK,
        /** The person's connection closed while waiting and did not come back within {@link Desk#GRACE}. */
        GONE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    String ticket();

    /** To the person: their place (1 = next) and the likely wait, when there is enough to go on. */
    record Queued(String ticket, int place, Optional<Duration> estimate) implements Event {
    }

    /**
     * To the person and the counsellor: a counsellor of {@code organisation} reads this now, in
     * {@code lang}. {@code note} is the counsellor's case note so far ("" for none); never sent to the person.
     */
    record Accepted(String ticket, String organisation, String lang, Waiting who, String counsellor, String note)
            implements Event {
    }

    /** To the counsellor (every tab): the case note as saved now ("" when cleared). */
    record Noted(String ticket, String note) implements Event {
    }

    /**
     * A message, to the other side. {@code danger}: the person's message reads as danger now (the
     * check the dialogs use for typed text), flagged in the counsellor's console.
     */
    record Said(String ticket, Side from, String text, boolean danger, String id) implements Event {
        public Said(String ticket, Side from, String text) {
            this(ticket, from, text, false, null);
        }
    }

    /**
     * To the counsellor: their message {@code id} reached the person's connection (the widget's
     * socket, or the SMS gateway took it). A message without this within seconds may not have
     * reached them: their instance may have died, which the desk learns only from its silence.
     */
    record Delivered(String ticket, String id) implements Event {
    }

    /**
     * To the person: the counsellor who has this conversation has no connection now; nobody reads
     * what they write until the counsellor is back (then {@link Accepted} is sent again).
     */
    record Away(String ticket, Waiting who) implements Event {
    }

    /** To the counsellor: the person's connection is gone ({@code connected} false) or back. */
    record Presence(String ticket, boolean connected) implements Event {
    }

    /** To the person: go back to the dialog at {@code node}. */
    record HandedBack(String ticket, String dialog, String node) implements Event {
    }

    /** To the person: a contact card from the facts, which the counsellor picked (rendered in the person's language). */
    record Card(String ticket, String fact, Waiting who) implements Event {
    }

    /** To both sides: it is over and erased; {@code who} says in which dialog and language it was. */
    record Ended(String ticket, Reason reason, Waiting who) implements Event {
    }

    /** To every counsellor: the queue as it is now. */
    record Queue(List<Waiting> waiting) implements Event {
        public Queue {
            waiting = List.copyOf(waiting);
        }

        @Override
        public String ticket() {
            return null;
        }
    }
}
