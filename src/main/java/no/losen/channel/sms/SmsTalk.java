package no.losen.channel.sms;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.handoff.Call;
import no.losen.handoff.Desk;
import no.losen.handoff.Event;
import no.losen.handoff.HandoffException;
import no.losen.handoff.PathStep;
import no.losen.handoff.Switchboard;
import no.losen.handoff.Waiting;
import no.losen.session.Tokens;
import no.losen.step.Outcome;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Talk to a person" by SMS: the thin adapter between a phone and the {@link Desk}, as
 * {@code channel.ws.Talk} is for the widget. What a person texts becomes a desk call (join,
 * a message, leave); the desk's events for the people who joined through this instance become
 * SMS, sent through their gateway's {@link SmsSender}, because a counsellor writes when they
 * write, not in answer to a webhook.
 *
 * <p>To send, the number must be known. It is held here, in memory, from the join until the
 * wait or talk ends (whoever ends it), and nowhere else: not in the desk (which knows the
 * person by their session key, a keyed hash of the number), not in a {@link Call} (so not on
 * Redis), not in a log. That also makes sending exact with several instances: every instance
 * applies every event to its copy of the desk, and only the one the desk names as the person's
 * {@linkplain Desk#holderOf holder} sends. A person's later SMS may arrive at any instance:
 * each reads the same desk and relays the message. When the holder is gone (restarted, or
 * killed and its heartbeat expired) the person is away for the counsellor, as a widget person
 * between sockets is, until their next SMS: the instance that receives it holds the number
 * from then on.
 */
public final class SmsTalk implements Desk.Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(SmsTalk.class);

    /** What the phone is offered now. */
    public enum Offer {
        /** A counsellor answers: the menu line, the keyword and the number join the queue. */
        ON,
        /** Set up, but nobody answers now: the keyword gives who answers around the clock. */
        CLOSED,
        /** Not set up, or this gateway cannot send: nothing about it shows. */
        OFF
    }

    /** One person who joined through this instance: where their SMS go, and their latest place. */
    private static final class Held {
        final SmsSender sender;
        final SmsSender.Recipient to;
        final String personKey;
        final String lang;
        volatile Event.Queued queued;
        /** When they were last sent who answers around the clock because nobody reads (see {@link #RETELL}). */
        volatile Instant toldNobody;
        /**
         * Whether the last thing they were told is that a person reads: a counsellor whose console
         * reconnects (a reload, a network blip) is not announced again by SMS each time.
         */
        volatile boolean toldReading;
        /** Sends to one person go one after another, so they arrive in the order they happened. */
        CompletionStage<Void> tail = CompletableFuture.completedFuture(null);

        Held(SmsSender sender, SmsSender.Recipient to, String personKey, String lang) {
            this.sender = sender;
            this.to = to;
            this.personKey = personKey;
            this.lang = lang;
        }
    }

    private final Switchboard board;
    private final Desk desk;
    private final Clock clock;
    private final Steps steps;
    private final Engine engine;
    private final SmsTexts texts;
    private final Map<String, SmsSender> senders;
    /** A node as the SMS channel shows it. */
    private final Node node;

    /** How the SMS channel shows a node; {@code talk}: with "Talk to a person" as its last numbered line. */
    interface Node {
        List<String> blocks(Reply reply, boolean canGoBack, boolean talk);
    }
    /**
     * How long the around-the-clock contacts are not sent again to a person who was given them
     * because nobody reads: every SMS costs, and the same lines twice in a second (the notice,
     * then the answer to what they wrote meanwhile) read like a fault. Their message is still
     * answered: it was not delivered.
     */
    static final Duration RETELL = Duration.ofMinutes(10);

    /** By ticket: only the people who joined through this instance, only while they wait or talk. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /**
     * @param engine  the SMS channel's engine (its short {@code .sms} texts)
     * @param senders by gateway name ({@code twilio}, {@code json}); a gateway without one is not offered a person
     * @param node    renders a node for a phone, after a hand back
     */
    SmsTalk(Switchboard board, Clock clock, Steps steps, Engine engine, SmsTexts texts, Map<String, SmsSender> senders,
            Node node) {
        this.board = board;
        this.desk = board.desk();
        this.clock = clock;
        this.steps = steps;
        this.engine = engine;
        this.texts = texts;
        this.senders = Map.copyOf(senders);
        this.node = node;
        board.connect(this);
    }

    /** What a person who wrote through {@code gateway} is offered now. */
    public Offer offer(String gateway) {
        if (!senders.containsKey(gateway)) {
            return Offer.OFF;
        }
        return switch (board.duty()) {
            case ON -> Offer.ON;
            case CLOSED, NOBODY -> Offer.CLOSED;
            case OFF -> Offer.OFF;
        };
    }

    /** The ticket of the person with session {@code personKey}, if they wait or talk (on any instance). */
    public Optional<String> ticketOf(String personKey) {
        return desk.ticketOf(personKey);
    }

    /** Whether {@code ticket} is taken by a counsellor (not waiting in the queue). */
    public boolean talking(String ticket) {
        return desk.queue().stream().noneMatch(w -> w.ticket().equals(ticket));
    }

    /** How many people this instance holds a number for (tests check that none is left behind). */
    int held() {
        return held.size();
    }

    // --- the person ------------------------------------------------------------------------

    /**
     * The person asked for a person. Not on duty (or refused: blocked, Redis away): who answers
     * around the clock, never a dead end. Else they join the queue and are told their place, the
     * honest wait, who reads it in which language, that it is erased, and how to leave.
     */
    Future<List<String>> join(String gateway, Inbound in, String personKey, Session s) {
        SmsSender sender = senders.get(gateway);
        if (sender == null || board.duty() != Desk.Duty.ON) {
            return Future.succeededFuture(closed(s.dialog(), s.lang()));
        }
        Optional<String> already = desk.ticketOf(personKey);
        if (already.isPresent()) {
            return Future.succeededFuture(List.of(place(s.lang(), already.get())));
        }
        Dialog d = engine.dialogs().dialog(s.dialog()).orElseThrow();
        // The ticket is made here, once, so every instance's copy of the desk knows it by the same id.
        String ticket = Tokens.next();
        held.put(ticket, new Held(sender, new SmsSender.Recipient(in.from(), in.to()), personKey, s.lang()));
        return submit(new Call.Join(clock.instant(), ticket, personKey, null, s.lang(), s.dialog(), PathStep.of(d, s),
                Waiting.SMS))
                .map(v -> {
                    heldHere(ticket);
                    LOG.info("event=handoff.join channel=sms lang={} dialog={}", s.lang(), s.dialog());
                    return joined(ticket, s.lang());
                }).recover(e -> {
                    held.remove(ticket);
                    if (e instanceof HandoffException h) {
                        LOG.info("event=handoff.join.refused channel=sms code={}", h.code());
                        return Future.succeededFuture(closed(s.dialog(), s.lang()));
                    }
                    return Future.failedFuture(e);
                });
    }

    /**
     * A message from a person who waits or talks ({@code ticket}); empty when it is not for the
     * desk (they wait, and it is a step in the dialog). Leaving is the leave keyword; STOP and
     * quick exit are the conversation's, which calls {@link #exit}.
     */
    Optional<Future<List<String>>> message(String gateway, Inbound in, String personKey, String ticket, String lang,
                                           String text) {
        holdAgain(gateway, in, personKey, ticket, lang);
        boolean talking = talking(ticket);
        if (texts.listedIn(text, "sms.kw.leave", lang).isPresent()) {
            LOG.info("event=handoff.end channel=sms reason=person");
            return Optional.of(submit(new Call.Leave(clock.instant(), ticket)).map(v -> {
                forget(ticket);
                return List.of(Segments.plain(texts.text(lang, talking ? "sms.talk.ended" : "sms.talk.left")));
            }));
        }
        if (!talking) {
            if (texts.listedIn(text, "sms.kw.talk", lang).isPresent()) {
                return Optional.of(Future.succeededFuture(List.of(place(lang, ticket))));
            }
            return Optional.empty();
        }
        // First the danger check the dialog gives typed text (as the widget's talk does): danger now
        // is answered with the emergency numbers at once, whoever reads, and flagged to the counsellor.
        List<String> danger = danger(ticket, text);
        if (!danger.isEmpty()) {
            LOG.info("event=handoff.danger channel=sms");
        }
        return Optional.of(submit(new Call.Say(clock.instant(), ticket, Event.Side.PERSON, null, text, !danger.isEmpty()))
                .map(v -> danger)
                .recover(e -> {
                    if (e instanceof HandoffException h) {
                        if (h.problem() == HandoffException.Problem.AWAY) {
                            // Nobody reads now (the counsellor's connection is gone): not delivered, and
                            // who answers around the clock unless just sent — never "ended", which it is not.
                            List<String> out = new ArrayList<>(danger);
                            out.add(Segments.plain(texts.text(lang, "sms.talk.not-sent")));
                            String dialog = desk.waiting(ticket).map(w -> w.dialog()).orElse(null);
                            // Only the instance holding the number tells the contacts: it sent the notice
                            // when the counsellor went, and remembers it (another instance cannot).
                            Held mine = held.get(ticket);
                            if (dialog != null && mine != null && tellNobody(mine)) {
                                out.addAll(closed(dialog, lang));
                            }
                            return Future.succeededFuture(out);
                        }
                        String key = switch (h.problem()) {
                            case RATE_LIMITED -> "sms.talk.slow";
                            case TOO_LONG -> "sms.too-long";
                            default -> "sms.talk.ended";
                        };
                        return Future.succeededFuture(List.of(Segments.plain(texts.text(lang, key))));
                    }
                    return Future.failedFuture(e);
                }));
    }

    /**
     * A person whose holder is gone (see the class comment) wrote to this instance: it holds the
     * number from now on and tells every copy, so the counsellor sees them back.
     */
    private void holdAgain(String gateway, Inbound in, String personKey, String ticket, String lang) {
        SmsSender sender = senders.get(gateway);
        if (sender == null || held.containsKey(ticket) || desk.holderOf(ticket).isPresent()) {
            return;
        }
        held.put(ticket, new Held(sender, new SmsSender.Recipient(in.from(), in.to()), personKey, lang));
        heldHere(ticket);
    }

    /** Tells every copy of the desk that this instance holds {@code ticket}'s number (it is the one that sends). */
    private void heldHere(String ticket) {
        board.submit(new Call.PersonIn(clock.instant(), board.relay().instance(), ticket));
    }

    /**
     * The emergency node as SMS when {@code text} reads as danger now in the person's dialog and
     * language (as the desk knows them), else nothing. Never a reason not to pass the message on.
     */
    private List<String> danger(String ticket, String text) {
        return desk.waiting(ticket).flatMap(w -> {
            try {
                return engine.danger(new Session(w.dialog(), w.path().isEmpty() ? "" : w.path().get(w.path().size() - 1).node(),
                        w.lang(), Map.of(), List.of(), false), text);
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }).map(r -> node.blocks(r.toBuilder().choices(List.of()).input(false).end(false).build(), false, false))
                .orElse(List.of());   // without the node's numbered choices: in a talk, a number goes to the counsellor
    }

    /** Whether {@code h} should be sent the around-the-clock contacts now (not within {@link #RETELL}); marks it so. */
    private boolean tellNobody(Held h) {
        Instant now = clock.instant();
        Instant last = h.toldNobody;
        if (last != null && now.isBefore(last.plus(RETELL))) {
            return false;
        }
        h.toldNobody = now;
        h.toldReading = false;
        return true;
    }

    /** STOP or quick exit: the wait or talk ends with the session, on every instance; the number is dropped. */
    void exit(String personKey) {
        desk.ticketOf(personKey).ifPresent(t -> {
            forget(t);
            LOG.info("event=handoff.end channel=sms reason=exit");
            board.submit(new Call.Leave(clock.instant(), t));
        });
    }

    private void forget(String ticket) {
        held.remove(ticket);
    }

    /** Completes on the caller's Vert.x context once this instance's desk applied {@code call}; a refusal as the {@link HandoffException}. */
    private Future<Void> submit(Call call) {
        Context ctx = Vertx.currentContext();
        CompletionStage<Void> done = board.submit(call);
        Future<Void> f = ctx == null ? Future.fromCompletionStage(done) : Future.fromCompletionStage(done, ctx);
        return f.recover(e -> Future.failedFuture(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    // --- the desk's events -----------------------------------------------------------------

    @Override
    public void toPerson(Event e) {
        Held h = held.get(e.ticket());
        if (h == null) {
            return;   // someone on the widget, or who joined through another instance (that one sends)
        }
        if (desk.holderOf(e.ticket()).filter(i -> !i.equals(board.relay().instance())).isPresent()) {
            forget(e.ticket());   // the person wrote to another instance while this one was counted gone: that one sends
            return;
        }
        if (e instanceof Event.Queued q) {
            // Told at the join and when asked (the talk keyword); a text for every move in the queue would cost.
            h.queued = q;
        } else if (e instanceof Event.Accepted a) {
            if (!h.toldReading) {
                h.toldReading = true;
                send(h, List.of(texts.text(a.lang(), "sms.talk.talking", Map.of("organisation", a.organisation(),
                        "language", texts.name(a.lang())))));
            }
        } else if (e instanceof Event.Said s) {
            String them = texts.text(h.lang, "sms.talk.them");
            send(h, List.of((them.isBlank() ? "" : them + " ") + s.text()), s.id() == null ? null
                    : () -> board.submit(new Call.Delivered(clock.instant(), s.ticket(), s.id())));
        } else if (e instanceof Event.Card k) {
            String line = SmsRenderer.card(engine.contact(k.who().dialog(), k.fact(), k.who().lang()), "");
            send(h, List.of(line));
        } else if (e instanceof Event.Away a) {
            // The counsellor's last connection closed: said at once, with who answers around the clock.
            if (tellNobody(h)) {
                send(h, closed(a.who().dialog(), a.who().lang()));
            }
        } else if (e instanceof Event.HandedBack b) {
            forget(e.ticket());
            handBack(h, b);
        } else if (e instanceof Event.Ended end) {
            forget(e.ticket());
            String lang = end.who().lang();
            switch (end.reason()) {
                case PERSON, HANDED_BACK -> {
                    // The person ended it and was answered in the webhook's reply; a hand back sends the node.
                }
                case NO_ANSWER -> send(h, contacts(end.who().dialog(), lang, "sms.talk.no-answer"));
                default -> send(h, List.of(texts.text(lang, "sms.talk.ended")));
            }
        }
    }

    /** The counsellor sent the person back into the dialog at a node: the step runs here, the node goes by SMS. */
    private void handBack(Held h, Event.HandedBack b) {
        String phone = h.personKey.substring(h.personKey.indexOf(':') + 1);
        steps.run(h.personKey, new Steps.Caller("sms", phone), false, s -> {
            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION, "the session has ended"));
            Engine.Turn t = engine.handBack(session, b.node());
            List<String> blocks = new ArrayList<>();
            blocks.add(texts.text(session.lang(), "sms.talk.handed-back"));
            // Back in the dialog, asking again is offered as on any node.
            blocks.addAll(node.blocks(t.reply(), !t.session().history().isEmpty(), board.duty() == Desk.Duty.ON));
            return Outcome.keep(blocks, t.session());
        }).onSuccess(blocks -> send(h, blocks)).onFailure(err -> LOG.info("event=handoff.hand_back.failed channel=sms cause={}",
                err.getClass().getSimpleName()));
    }

    @Override
    public void toCounsellor(String user, Event e) {
        // Counsellors are on the widget's sockets (channel.ws.Talk).
    }

    @Override
    public void toCounsellors(Event e) {
        // As above.
    }

    // --- texts -----------------------------------------------------------------------------

    /**
     * The join's answer: the place (and the wait, when there is something to base it on), who reads
     * it, how to leave; three blocks, so that where it takes more than one SMS (UCS-2 languages:
     * 3 to 5 segments) it is split between them, never mid-sentence.
     */
    private List<String> joined(String ticket, String lang) {
        return List.of(place(lang, ticket),
                Segments.plain(texts.text(lang, "sms.talk.who", Map.of("organisation", desk.config().organisation(),
                        "language", texts.name(lang)))),
                Segments.plain(texts.text(lang, "sms.talk.waiting")));
    }

    /** "You are number 2 in the queue", with the expected wait only when the desk has one. */
    private String place(String lang, String ticket) {
        Held h = held.get(ticket);
        Event.Queued q = h == null ? null : h.queued;
        int place = q != null ? q.place() : placeOf(ticket);
        StringBuilder b = new StringBuilder(texts.text(lang, "sms.talk.queued", Map.of("place", String.valueOf(place))));
        Optional<Duration> wait = q != null ? q.estimate() : Optional.empty();
        wait.ifPresent(d -> b.append(' ').append(texts.text(lang, "sms.talk.wait",
                Map.of("minutes", String.valueOf(d.toMinutes())))));
        return Segments.plain(b.toString());
    }

    private int placeOf(String ticket) {
        List<Waiting> q = desk.queue();
        for (int i = 0; i < q.size(); i++) {
            if (q.get(i).ticket().equals(ticket)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Nobody answers now: one calm line, and who answers day and night, in the person's language. */
    List<String> closed(String dialog, String lang) {
        return contacts(dialog, lang, "sms.talk.closed");
    }

    private List<String> contacts(String dialog, String lang, String key) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.text(lang, key));
        for (String id : desk.config().contacts()) {
            String line = SmsRenderer.card(engine.contact(dialog, id, lang), "");
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return List.of(Segments.plain(String.join("\n", lines)));
    }

    /** Sends to one person, after what was sent to them before; a failure is logged by gateway and status only. */
    private void send(Held h, List<String> blocks) {
        send(h, blocks, null);
    }

    /** {@link #send(Held, List)}; {@code sent} runs once the gateway took the messages (null: nothing). */
    private void send(Held h, List<String> blocks, Runnable sent) {
        List<String> messages = Segments.pack(blocks.stream().map(Segments::plain).toList(), Segments.BUDGET);
        synchronized (h) {
            h.tail = h.tail.thenCompose(v -> h.sender.send(h.to, messages)).handle((v, err) -> {
                if (err != null) {
                    Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                    LOG.warn("event=sms.send.failed cause={}{}", c.getClass().getSimpleName(),
                            c instanceof JsonSender.SendFailed f ? " status=" + f.status : "");
                } else {
                    LOG.info("event=sms.send messages={} segments={}", messages.size(), SmsBudget.segments(messages));
                    if (sent != null) {
                        sent.run();
                    }
                }
                return null;
            });
        }
    }
}
