package no.losen.channel.sms;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.channel.internal.Replies;
import no.losen.channel.internal.Serial;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Card;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.step.Steps;

/**
 * A conversation over SMS: the same engine and words as the widget, driven by keywords and
 * numbers. The first message from an unknown phone gets the language menu and nothing is
 * stored until a language is chosen; from then on the phone's session lives in the store
 * under its {@link PhoneKey}, for the same idle TTL as any other session. STOP erases it at once.
 */
public final class SmsConversation {

    private static final String PREFIX = "sms:";

    /**
     * What one inbound message does: the text to send, what becomes of the stored session, and
     * whether the person asked to talk to a person ({@code talk}: the conversation then joins them
     * to the queue, which is I/O, after the pure step).
     */
    record Outcome(List<String> blocks, Session keep, boolean erase, boolean talk) {
        Outcome(List<String> blocks, Session keep, boolean erase) {
            this(blocks, keep, erase, false);
        }

        static Outcome say(String text) {
            return new Outcome(List.of(text), null, false);
        }

        static Outcome say(List<String> blocks) {
            return new Outcome(blocks, null, false);
        }
    }

    private final Engine engine;
    private final Steps steps;
    private final PhoneKey keys;
    private final String dialogId;
    private final SmsTexts texts;
    private final SmsRenderer renderer;
    private final Replies<List<String>> replies;
    private final PhoneTurns<List<String>> turns;
    private final Serial serial = new Serial();
    /**
     * How long a message waits for the text workers before it is answered {@code busy} (503): a gateway need not
     * retry a 503 (Twilio does not by default), and then the person gets nothing, while an SMS answered a few
     * seconds late is as good as one answered at once. Under Twilio's 15 s timeout for a webhook.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(8);
    private final Duration patience;
    /** "Talk to a person" by SMS; null when hand-off is not set up. */
    private final SmsTalk talk;
    /**
     * What the step running on this thread offers (the node's extra numbered line). A step is
     * synchronous on one thread, and the offer depends on the gateway the message came through.
     */
    private final ThreadLocal<SmsTalk.Offer> offering = ThreadLocal.withInitial(() -> SmsTalk.Offer.OFF);

    /**
     * @param steps the server's step service; the conversation speaks through its engine's SMS
     *              variant ({@link Engine#withVariant}), so every text with a short {@code .sms} form is sent short
     */
    public SmsConversation(Steps steps, PhoneKey keys, String dialogId) {
        this(steps, keys, dialogId, null, Map.of());
    }

    /**
     * @param board   this instance's hand-off desk (null: not set up), shared with the widget
     * @param senders by gateway name, how SMS that are not a webhook's reply are sent; a person writing
     *                through a gateway without one is not offered a person
     */
    public SmsConversation(Steps steps, PhoneKey keys, String dialogId, no.losen.handoff.Switchboard board,
                           Map<String, SmsSender> senders) {
        this(steps, keys, dialogId, board, senders, PATIENCE);
    }

    /** As above, waiting at most {@code patience} for the text workers (tests). */
    SmsConversation(Steps steps, PhoneKey keys, String dialogId, no.losen.handoff.Switchboard board,
                    Map<String, SmsSender> senders, Duration patience) {
        this.patience = patience;
        this.engine = steps.engine().withVariant(Translations.SMS);
        this.steps = steps;
        this.keys = keys;
        this.dialogId = dialogId;
        this.texts = new SmsTexts(engine.dialogs().translations());
        this.renderer = new SmsRenderer(texts);
        // Bounded: at most this many remembered replies (a few hundred bytes each); the oldest go first.
        this.replies = new Replies<>(steps.ttl(), 50_000);
        this.turns = new PhoneTurns<>(engine, dialogId, texts, new PhoneTurns.Looks<>() {
            @Override
            public List<String> node(Reply reply, boolean canGoBack) {
                return SmsConversation.this.node(reply, canGoBack);
            }

            @Override
            public List<String> menu(List<String> langs, Map<String, String> emergency) {
                return List.of(renderer.menu(langs, emergency));
            }

            @Override
            public List<String> words(String text) {
                return List.of(text);
            }

            @Override
            public List<String> search(Card.Search card, String lang) {
                return List.of(renderer.search(card, lang));
            }
        }, "sms");
        this.talk = board == null || !board.config().enabled() ? null
                : new SmsTalk(board, java.time.Clock.systemUTC(), steps, engine, texts, senders,
                        (reply, canGoBack, offer) -> node(reply, canGoBack, offer));
    }

    /** A node for a phone: with "Talk to a person" as the last numbered choice while a counsellor answers. */
    private List<String> node(Reply reply, boolean canGoBack) {
        return node(reply, canGoBack, offering.get() == SmsTalk.Offer.ON);
    }

    private List<String> node(Reply reply, boolean canGoBack, boolean talk) {
        return renderer.blocks(reply, canGoBack, talk ? texts.text(reply.lang(), "sms.talk.menu") : null);
    }

    /** The hand-off adapter, when set up (tests). */
    SmsTalk talk() {
        return talk;
    }

    /** Whether the dialog SMS starts is loaded and public; without it the endpoints refuse (503). */
    public boolean ready() {
        return engine.dialogs().dialog(dialogId).filter(d -> d.audience() == Audience.PUBLIC).isPresent();
    }

    public String dialogId() {
        return dialogId;
    }

    /**
     * The messages to send back for one inbound SMS; the same ones again for a retried {@code id}.
     * The step goes through {@link Steps} (any text may reach the handbook search, so on the text
     * workers, with the phone as the client whose share it uses); a failure arrives as the step
     * service's {@link DialogException}.
     */
    public Future<List<String>> handle(String gateway, Inbound in) {
        String phone = keys.of(in.from());
        String prefix = phone + "/";
        String replay = prefix + gateway + "/" + in.id();
        String text = in.text() == null ? "" : in.text();
        // Behind the phone's earlier messages, a cry is read now and answered at once, its own turn dropped.
        return replies.once(replay, () -> serial.run(phone, () -> inTurn(gateway, in, phone, replay, text),
                () -> early(gateway, phone, text), List.of()));
    }

    /**
     * The emergency help for a message read as danger now while it waits behind the same phone's earlier
     * messages ({@link Steps#urgent(String, String, java.util.function.Function)}): messages of one phone are taken
     * one after another, and a cry sent right after a question waited for its answer (an independent tester).
     * Not while the phone waits for or talks to a person: that has its own read for danger.
     */
    private Future<Optional<List<String>>> early(String gateway, String phone, String text) {
        if (talk != null && talk.ticketOf(PREFIX + phone).isPresent()) {
            return Future.succeededFuture(Optional.empty());
        }
        SmsTalk.Offer offer = talk == null ? SmsTalk.Offer.OFF : talk.offer(gateway);
        return steps.urgent(PREFIX + phone, text, s -> urgent(s.orElse(null), text, offer)
                .map(o -> Segments.pack(o.blocks(), Segments.BUDGET)));
    }

    /** The message's step in its turn, after the phone's earlier messages. */
    private Future<List<String>> inTurn(String gateway, Inbound in, String phone, String replay, String text) {
        Optional<String> ticket = talk == null ? Optional.empty() : talk.ticketOf(PREFIX + phone);
        if (ticket.isEmpty()) {
            return dialog(gateway, in, phone, replay, text, false);
        }
        if (quits(text)) {
            // STOP and quick exit end the wait or talk on every instance, then erase the session as always.
            talk.exit(PREFIX + phone);
            return dialog(gateway, in, phone, replay, text, true);
        }
        return steps.run(PREFIX + phone, new Steps.Caller("sms", phone), false, s -> {
            // Read, and written back unchanged: a long talk keeps the session (for a hand back) alive.
            String lang = s.map(Session::lang).orElse(engine.dialogs().dialog(dialogId)
                    .map(d -> d.languages().get(0)).orElse("en"));
            return new no.losen.step.Outcome<>(lang, s.orElse(null), false);
        }).compose(lang -> talk.message(gateway, in, PREFIX + phone, ticket.get(), lang, text)
                .orElseGet(() -> dialog(gateway, in, phone, replay, text, true)));
    }

    /** Whether {@code text} is STOP or quick exit, in any language. */
    private boolean quits(String text) {
        String t = PhoneTurns.asciiDigits(text.strip());
        return texts.keyword(t, null).filter(m -> m.keyword() == SmsTexts.Keyword.STOP).isPresent()
                || texts.listedIn(t, "sms.kw.exit", "en").isPresent();
    }

    /** One step of the dialog; {@code inTalk}: the phone waits for or talks to a person (quick exit is read). */
    private Future<List<String>> dialog(String gateway, Inbound in, String phone, String replay, String text, boolean inTalk) {
        String prefix = phone + "/";
        SmsTalk.Offer offer = talk == null ? SmsTalk.Offer.OFF : talk.offer(gateway);
        return steps.typed(PREFIX + phone, new Steps.Caller("sms", phone), text,
                s -> sent(s, step(s.orElse(null), text, offer, inTalk)),
                s -> urgent(s.orElse(null), text, offer).map(o -> sent(s, o)), patience).compose(sent -> {
            if (sent.erased()) {
                // STOP: the phone's past replies go too, now that its session is gone.
                replies.forget(prefix, replay, List.of());
            }
            if (sent.join() != null) {
                return talk.join(gateway, in, PREFIX + phone, sent.join()).map(m -> Segments.pack(m, Segments.BUDGET));
            }
            return Future.succeededFuture(sent.messages());
        });
    }

    /** The packed messages of one step, whether it erased the session (STOP), and the session that asked for a person. */
    private record Sent(List<String> messages, boolean erased, Session join) {
    }

    /** Step {@code o} against the phone's session {@code s}, as {@link Steps} stores it and the gateway sends it. */
    private static no.losen.step.Outcome<Sent> sent(Optional<Session> s, Outcome o) {
        List<String> packed = Segments.pack(o.blocks(), Segments.BUDGET);
        return new no.losen.step.Outcome<>(new Sent(packed, o.erase(), o.talk() ? s.orElse(null) : null), o.keep(),
                o.erase());
    }

    /**
     * The emergency help for a message read as danger now outside its turn (waiting behind a flood, or refused
     * by the full text workers: {@link Steps#typed}), as {@link #step} would have answered it. Empty: not danger.
     */
    private Optional<Outcome> urgent(Session session, String raw, SmsTalk.Offer offer) {
        offering.set(offer);
        try {
            return turns.urgent(session, raw).map(t -> new Outcome(t.shown(), t.keep(), t.erase()));
        } finally {
            offering.remove();
        }
    }

    /**
     * One message against the phone's session (null: none yet). Pure: no store, no I/O. A session
     * whose dialog or node is gone (new content since) is dropped and the phone starts afresh.
     */
    Outcome step(Session session, String raw) {
        return step(session, raw, SmsTalk.Offer.OFF, false);
    }

    /**
     * As above, with "Talk to a person" as {@code offer}ed: while a counsellor answers, the node's
     * choices end with it as one more number, and its keyword (e.g. PERSON) asks for a person
     * whenever hand-off is set up (outside hours it gives who answers around the clock);
     * {@code inTalk}: the phone waits for or talks to a person, and quick exit (X) erases as STOP does.
     */
    Outcome step(Session session, String raw, SmsTalk.Offer offer, boolean inTalk) {
        String text = PhoneTurns.asciiDigits(raw.strip());
        if (session != null && offer != SmsTalk.Offer.OFF && asks(session, text, offer)) {
            return new Outcome(List.of(), null, false, true);
        }
        if (inTalk && texts.listedIn(text, "sms.kw.exit", session != null ? session.lang() : "en").isPresent()) {
            String lang = session != null ? session.lang() : "en";
            return new Outcome(List.of(Segments.plain(texts.text(lang, "sms.stop"))), null, true);
        }
        offering.set(offer);
        try {
            PhoneTurns.Turn<List<String>> t = turns.step(session, raw);
            return new Outcome(t.shown(), t.keep(), t.erase());
        } finally {
            offering.remove();
        }
    }

    /** Whether {@code text} asks for a person: the keyword, or (while on) the number after the node's choices. */
    private boolean asks(Session session, String text, SmsTalk.Offer offer) {
        if (texts.listedIn(text, "sms.kw.talk", session.lang()).isPresent()) {
            return true;
        }
        if (offer != SmsTalk.Offer.ON || !text.matches("\\d{1,3}")) {
            return false;
        }
        Reply here;
        try {
            here = engine.current(session);
        } catch (no.losen.dialog.DialogException e) {
            return false;   // a stale session: the dialog starts afresh
        }
        int n = here.choices() == null ? 0 : here.choices().size();
        return n > 0 && !here.multi() && Integer.parseInt(text) == n + 1;
    }
}
