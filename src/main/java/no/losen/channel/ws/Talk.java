package no.losen.channel.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.losen.content.Fact;
import no.losen.dialog.Card;
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
import no.losen.handoff.Relay;
import no.losen.handoff.Waiting;
import no.losen.session.Tokens;
import no.losen.staff.Role;
import no.losen.staff.StaffAuth;
import no.losen.staff.StaffSessions;
import no.losen.step.Outcome;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Talk to a person" on {@code /ws}: the thin adapter between sockets and the {@link Desk}. A
 * person's frames ({@code talk}, {@code talk.say}, {@code talk.leave}) and a counsellor's
 * ({@code inbox}, {@code inbox.accept} …) become desk calls; the desk's events become frames on
 * the sockets that hold the ticket or belong to the counsellor. The rules (who is next, who may
 * answer, limits, expiry) are the desk's; this class only finds sockets and writes JSON.
 *
 * <p>A person is in the desk under their session's key and reaches it from any socket that
 * resumes that session, so a reconnect (idle close, a restart of the widget) finds the wait or
 * the conversation again. Message text passes through here to the other socket and is never
 * logged: log lines name events only.
 */
final class Talk implements Desk.Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Talk.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Desk desk;
    /** The desk, its relay (at once, or through Redis to every instance's copy), and the other channels. */
    private final no.losen.handoff.Switchboard board;
    /** How calls reach the desk: at once, or through Redis to every instance's copy (the board's). */
    private final Relay relay;
    private final Clock clock;
    private final Steps steps;
    private final StaffAuth staff;
    /** The socket that holds each ticket now (the person's latest). */
    private final Map<String, Conversation> persons = new ConcurrentHashMap<>();
    /** Every open inbox socket of each counsellor. */
    private final Map<String, Set<Conversation>> counsellors = new ConcurrentHashMap<>();

    /** @param board this instance's desk and relay, shared with the SMS channel; the widget's events come here */
    Talk(no.losen.handoff.Switchboard board, Clock clock, Steps steps, StaffAuth staff) {
        this.board = board;
        this.desk = board.desk();
        this.relay = board.relay();
        board.connect(this);
        this.clock = clock;
        this.steps = steps;
        this.staff = staff;
    }

    /** Stops the relay (a shutdown). */
    Future<Void> close() {
        return Future.fromCompletionStage(board.close());
    }

    /**
     * Hands {@code call} to the relay; completes on the caller's Vert.x context once this
     * instance's desk applied it. A refusal is told to {@code c} as an error frame.
     */
    private Future<Void> submit(Conversation c, Call call) {
        return submit(c, call, h -> false);
    }

    /** {@link #submit(Conversation, Call)}; {@code answered} may tell a refusal its own way (true: told). */
    private Future<Void> submit(Conversation c, Call call, java.util.function.Predicate<HandoffException> answered) {
        return submit(c, call, answered, null);
    }

    /**
     * A call that ends a wait or a conversation: logged once, here on the instance that took the
     * caller's frame, with its reason, and only when the desk applied it (a refused end is no end).
     */
    private Future<Void> ending(Conversation c, Call call, Event.Reason reason) {
        return submit(c, call, h -> false, () -> LOG.info("event=handoff.end reason={}", reason.code()));
    }

    private Future<Void> submit(Conversation c, Call call, java.util.function.Predicate<HandoffException> answered,
                                Runnable applied) {
        io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
        java.util.concurrent.CompletionStage<Void> done = board.submit(call);
        Future<Void> f = ctx == null ? Future.fromCompletionStage(done) : Future.fromCompletionStage(done, ctx);
        if (applied != null) {
            f = f.onSuccess(v -> applied.run());
        }
        return f.recover(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof HandoffException h) {
                return answered.test(h) ? Future.succeededFuture() : refused(c, h);
            }
            return Future.failedFuture(cause);
        });
    }

    Desk desk() {
        return desk;
    }

    /**
     * Clears what has run out every few seconds ({@link Desk#sweep}). With several instances, also
     * this instance's heartbeat: every {@link #HEARTBEAT} it tells every copy which counsellors it
     * holds, so an instance that dies without saying goodbye stops counting as "a counsellor is
     * on duty" within {@link Desk#PRESENCE_TTL}.
     */
    void sweep(io.vertx.core.Vertx vertx) {
        // Every second: cheap (a pass over the tickets), and a silent instance is found within a
        // second of Desk.PRESENCE_TTL.
        vertx.setPeriodic(1_000, id -> {
            List<Event.Reason> ended = desk.sweep();
            // Every instance's copy sweeps alike; one of them logs it.
            if (desk.speaksFor(relay.instance())) {
                ended.forEach(r -> LOG.info("event=handoff.end reason={}", r.code()));
            }
        });
        if (!Desk.LOCAL.equals(relay.instance())) {
            beat();
            vertx.setPeriodic(HEARTBEAT.toMillis(), id -> beat());
        }
    }

    /** How often an instance says which counsellors and people it holds (a quarter of {@link Desk#PRESENCE_TTL}). */
    static final Duration HEARTBEAT = Desk.PRESENCE_TTL.dividedBy(4);

    private void beat() {
        Map<String, Integer> held = new java.util.HashMap<>();
        counsellors.forEach((user, open) -> {
            if (!open.isEmpty()) {
                held.put(user, open.size());
            }
        });
        relay.submit(new Call.Present(clock.instant(), relay.instance(), held, List.copyOf(persons.keySet())));
    }

    /**
     * What a person's message frame says about talking to a person: {@code "on"} (a counsellor
     * answers now), {@code "closed"} (hand-off is set up but nobody answers now: the contacts are
     * offered instead), or null (not set up: nothing to show).
     */
    String offer() {
        return offer(null);
    }

    /** {@link #offer()} for the person with session {@code token}: a blocked session is offered the contacts only. */
    String offer(String token) {
        if (token != null && duty() != Desk.Duty.OFF && desk.blocked(token)) {
            return "closed";
        }
        return switch (duty()) {
            case ON -> "on";
            case CLOSED, NOBODY -> "closed";
            case OFF -> null;
        };
    }

    /** The desk's duty, but nobody on duty while the relay cannot carry calls (Redis is away): {@link no.losen.handoff.Switchboard#duty}. */
    private Desk.Duty duty() {
        return board.duty();
    }

    // --- the person ------------------------------------------------------------------------

    Future<Void> person(Conversation c, Frame f) {
        if (c.login() != null) {
            return refused(c, new HandoffException(HandoffException.Problem.FORBIDDEN,
                    "a staff socket cannot ask for a person"));
        }
        String token = c.token();
        if (token == null) {
            return Future.failedFuture(new DialogException(ErrorCode.NO_SESSION, "start a dialog first"));
        }
        try {
            return switch (f.type()) {
                case "talk" -> join(c, token);
                case "talk.say" -> say(c, token, ticket(c, token), f.text());
                default -> {
                    c.ticket = null;
                    yield desk.ticketOf(token).map(t -> ending(c, new Call.Leave(clock.instant(), t), Event.Reason.PERSON))
                            .orElse(Future.succeededFuture());
                }
            };
        } catch (HandoffException e) {
            return refused(c, e);
        }
    }

    /** What the danger check found for one message, and where the person is (for the contacts). */
    private record Checked(Reply danger, String dialog, String lang) {
    }

    /**
     * A person's message: first the danger check the dialog gives typed text (on the text
     * workers, as a typed text; read at once while it waits or when they are full), so danger now
     * is answered with the emergency cards at once, whoever reads, and the counsellor sees the
     * message flagged; then to the counsellor. While the counsellor has no connection the message
     * is refused and the person told so, with the around-the-clock contacts. The text is not logged.
     */
    private Future<Void> say(Conversation c, String token, String ticket, String text) {
        return steps.typed(token, new Steps.Caller(Conversation.CHANNEL, c.address()), text, s -> {
            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                    "the session has ended or expired; start again"));
            return Outcome.answer(new Checked(steps.engine().danger(session, text).orElse(null), session.dialog(),
                    session.lang()));
        }, s -> s.flatMap(session -> steps.engine().danger(session, text)
                .map(danger -> Outcome.answer(new Checked(danger, session.dialog(), session.lang()))))).recover(e -> {
            // The check must never stand between the person and the counsellor: with the session
            // unreadable (the store restarted empty, or is away) the message still goes, unchecked.
            Waiting w = desk.waiting(ticket).orElse(null);
            return w == null ? Future.failedFuture(e) : Future.succeededFuture(new Checked(null, w.dialog(), w.lang()));
        }).compose(k -> {
            if (k.danger() != null) {
                LOG.info("event=handoff.danger");
                ObjectNode n = JSON.createObjectNode().put("type", "talk.danger").put("text", k.danger().text());
                ArrayNode cards = n.putArray("cards");
                k.danger().cards().forEach(card -> cards.add(Wire.card(card)));
                c.sendText(n.toString());
            }
            Call say = new Call.Say(clock.instant(), ticket, Event.Side.PERSON, null, text, k.danger() != null);
            return submit(c, say, refusal -> {
                if (refusal.problem() != HandoffException.Problem.AWAY) {
                    return false;
                }
                // Not delivered, and said so: nobody reads now; these answer day and night.
                c.sendText(withContacts("away", k.dialog(), k.lang()).put("reason", "not_sent").toString());
                return true;
            });
        });
    }

    private String ticket(Conversation c, String token) {
        return desk.ticketOf(token).orElseThrow(() -> new HandoffException(HandoffException.Problem.GONE,
                "not waiting for or talking to a person"));
    }

    private Future<Void> join(Conversation c, String token) {
        return session(token).compose(s -> {
            if (s.staff()) {
                throw new DialogException(ErrorCode.FORBIDDEN, "a staff dialog cannot ask for a person");
            }
            if (desk.blocked(token)) {
                // Blocked by a counsellor: not the queue again, but who answers around the clock.
                c.sendText(withContacts("blocked", s.dialog(), s.lang()).toString());
                return Future.succeededFuture();
            }
            if (duty() != Desk.Duty.ON) {
                // Outside hours, nobody connected, or the instances cannot reach each other:
                // who answers around the clock, in the person's language.
                c.sendText(withContacts("closed", s.dialog(), s.lang()).toString());
                return Future.succeededFuture();
            }
            Dialog d = steps.engine().dialogs().dialog(s.dialog()).orElseThrow();
            // The ticket is made here, once, so every instance's copy of the desk knows it by the same id.
            String ticket = Tokens.next();
            Call join = new Call.Join(clock.instant(), ticket, token, c.address(), s.lang(), s.dialog(), PathStep.of(d, s),
                    Waiting.WEB);
            return submit(c, join, refusal -> {
                        if (refusal.problem() == HandoffException.Problem.CROWDED) {
                            c.sendText(withContacts("crowded", s.dialog(), s.lang()).toString());
                            return true;
                        }
                        return false;
                    })
                    .map(v -> {
                        if (desk.ticketOf(token).filter(ticket::equals).isPresent()) {
                            attach(c, ticket);
                            LOG.info("event=handoff.join lang={} dialog={}", s.lang(), s.dialog());
                        }
                        return null;
                    });
        });
    }

    /** After {@code resume}: the socket takes over the person's wait or conversation, if there is one. */
    void resumed(Conversation c) {
        if (c.login() != null || c.token() == null) {
            return;
        }
        String token = c.token();
        // An instance that has just started (or resubscribed) may not have its copy of the desk yet:
        // a person reconnecting to it (1012 from a restarting one) is looked up once it has.
        io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
        relay.current().thenRun(() -> {
            Runnable find = () -> {
                if (token.equals(c.token())) {
                    desk.ticketOf(token).ifPresent(t -> attach(c, t));
                }
            };
            if (ctx == null || ctx == io.vertx.core.Vertx.currentContext()) {
                find.run();
            } else {
                ctx.runOnContext(v -> find.run());
            }
        });
    }

    /** The person switched language: the desk (and so the counsellor and the cards) follows. */
    void lang(Conversation c, String lang) {
        if (c.login() == null && c.token() != null && lang != null) {
            desk.ticketOf(c.token()).ifPresent(t -> relay.submit(new Call.Lang(clock.instant(), t, lang)));
        }
    }

    private void attach(Conversation c, String ticket) {
        c.ticket = ticket;
        persons.put(ticket, c);
        relay.submit(new Call.PersonIn(clock.instant(), relay.instance(), ticket));
        desk.repeat(ticket);
    }

    /** The person ended the conversation (quick exit too): the wait or talk ends with it. */
    void ended(String token) {
        if (token != null) {
            desk.ticketOf(token).ifPresent(t -> board.submit(new Call.Leave(clock.instant(), t))
                    .thenRun(() -> LOG.info("event=handoff.end reason=quick_exit")));
        }
    }

    private Future<Session> session(String token) {
        return steps.run(token, new Steps.Caller(Conversation.CHANNEL, "talk"), false,
                s -> Outcome.answer(s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                        "the session has ended or expired; start again"))));
    }

    // --- the counsellor --------------------------------------------------------------------

    Future<Void> counsellor(Conversation c, Frame f) {
        StaffSessions.Login l = c.login() == null ? null : staff.session(c.login()).orElse(null);
        if (l == null || !l.has(Role.COUNSELLOR)) {
            return Future.failedFuture(new DialogException(ErrorCode.FORBIDDEN, "log in as a counsellor"));
        }
        String user = l.user();
        try {
            return switch (f.type()) {
                case "inbox" -> {
                    if (c.counsellor != null) {
                        yield Future.succeededFuture();
                    }
                    c.counsellor = user;
                    c.counsellorLang = "en".equals(f.lang()) ? "en" : "nb";
                    counsellors.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(c);
                    LOG.info("event=handoff.counsellor.in");
                    // Refused (Redis is away): the socket is no inbox yet, so the console may say "inbox" again.
                    yield submit(c, new Call.CounsellorIn(clock.instant(), relay.instance(), user), refusal -> {
                        c.counsellor = null;
                        counsellors.computeIfPresent(user, (u, set) -> {
                            set.remove(c);
                            return set.isEmpty() ? null : set;
                        });
                        return false;
                    });
                }
                case "inbox.accept" -> submit(c, new Call.Accept(clock.instant(), f.ticket(), user))
                        .onSuccess(v -> LOG.info("event=handoff.accept"));
                case "inbox.say" -> submit(c, new Call.Say(clock.instant(), f.ticket(), Event.Side.COUNSELLOR, user, f.text(),
                        false, f.id()));
                case "inbox.card" -> {
                    Waiting w = mine(user, f.ticket());
                    if (steps.engine().dialogs().facts().find(f.fact()).filter(x -> "phone".equals(x.kind())
                            || x.url() != null).isEmpty()) {
                        throw new HandoffException(HandoffException.Problem.UNKNOWN_NODE, "no contact '" + f.fact() + "'");
                    }
                    yield submit(c, new Call.SendCard(clock.instant(), w.ticket(), user, f.fact()));
                }
                case "inbox.back" -> {
                    Waiting w = mine(user, f.ticket());
                    Dialog d = steps.engine().dialogs().dialog(w.dialog()).orElseThrow();
                    if (d.node(f.node()).isEmpty()) {
                        throw new HandoffException(HandoffException.Problem.UNKNOWN_NODE, "no node '" + f.node() + "'");
                    }
                    yield ending(c, new Call.HandBack(clock.instant(), f.ticket(), user, f.node()), Event.Reason.HANDED_BACK);
                }
                case "inbox.note" -> {
                    if (f.text().length() > Desk.MAX_NOTE) {
                        throw new HandoffException(HandoffException.Problem.TOO_LONG,
                                "a case note may be at most " + Desk.MAX_NOTE + " characters");
                    }
                    yield submit(c, new Call.Note(clock.instant(), mine(user, f.ticket()).ticket(), user, f.text()));
                }
                case "inbox.end" -> ending(c, new Call.End(clock.instant(), f.ticket(), user), Event.Reason.COUNSELLOR);
                default -> ending(c, new Call.Block(clock.instant(), f.ticket(), user), Event.Reason.BLOCKED);
            };
        } catch (HandoffException e) {
            return refused(c, e);
        }
    }

    private Waiting mine(String user, String ticket) {
        return desk.chatsOf(user).stream().filter(w -> w.ticket().equals(ticket)).findFirst()
                .orElseThrow(() -> new HandoffException(HandoffException.Problem.FORBIDDEN, "not your conversation"));
    }

    /** The socket is gone: a counsellor's conversations stay theirs (they get them back on reconnect). */
    void closed(Conversation c) {
        String ticket = c.ticket;
        if (ticket != null && persons.remove(ticket, c)) {
            // The counsellor sees them gone, and their messages are refused; a wait ends after Desk.GRACE.
            relay.submit(new Call.PersonOut(clock.instant(), relay.instance(), ticket));
        }
        if (c.counsellor != null) {
            String user = c.counsellor;
            counsellors.computeIfPresent(user, (u, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
            relay.submit(new Call.CounsellorOut(clock.instant(), relay.instance(), user));
        }
    }

    // --- the desk's events -----------------------------------------------------------------

    @Override
    public void toPerson(Event e) {
        Conversation c = persons.get(e.ticket());
        if (c == null) {
            return;   // the person is between sockets; a resume asks the desk again
        }
        if (e instanceof Event.Queued q) {
            ObjectNode n = talk("waiting").put("place", q.place());
            q.estimate().map(Duration::toMinutes).ifPresent(m -> n.put("minutes", m));
            c.sendText(n.toString());
        } else if (e instanceof Event.Accepted a) {
            c.sendText(talk("talking").put("organisation", a.organisation()).put("lang", a.lang()).toString());
        } else if (e instanceof Event.Away a) {
            // Nobody reads now (the counsellor may come back): said at once, with who answers day and night.
            c.sendText(withContacts("away", a.who().dialog(), a.who().lang()).toString());
        } else if (e instanceof Event.Said s) {
            c.sendText(JSON.createObjectNode().put("type", "talk.message").put("text", s.text()).toString());
            if (s.id() != null && c.connected()) {
                // Written to their socket: the counsellor's console marks it delivered.
                relay.submit(new Call.Delivered(clock.instant(), s.ticket(), s.id()));
            }
        } else if (e instanceof Event.Card k) {
            ObjectNode n = JSON.createObjectNode().put("type", "talk.card");
            n.set("card", Wire.card(steps.engine().contact(k.who().dialog(), k.fact(), k.who().lang())));
            c.sendText(n.toString());
        } else if (e instanceof Event.HandedBack h) {
            handBack(c, h);
        } else if (e instanceof Event.Ended end) {
            persons.remove(e.ticket(), c);
            c.ticket = null;
            ObjectNode n = talk("ended").put("reason", end.reason().code());
            if (end.reason() == Event.Reason.NO_ANSWER || end.reason() == Event.Reason.BLOCKED) {
                n.set("cards", contacts(end.who().dialog(), end.who().lang()));
            }
            c.sendText(n.toString());
        }
    }

    private void handBack(Conversation c, Event.HandedBack h) {
        persons.remove(h.ticket(), c);
        c.ticket = null;
        c.sendText(talk("ended").put("reason", Event.Reason.HANDED_BACK.code()).toString());
        String token = c.token();
        steps.run(token, new Steps.Caller(Conversation.CHANNEL, "talk"), false, s -> {
            Session session = s.orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION, "the session has ended"));
            Engine.Turn t = steps.engine().handBack(session, h.node());
            return Outcome.keep(t.reply(), t.session());
        }).onSuccess(c::sendReply).onFailure(err -> LOG.info("event=handoff.hand_back.failed cause={}",
                err.getClass().getSimpleName()));
    }

    @Override
    public void toCounsellor(String user, Event e) {
        Set<Conversation> open = counsellors.get(user);
        if (open == null || open.isEmpty()) {
            return;   // disconnected: the conversation comes back when they reconnect
        }
        String frame = null;
        if (e instanceof Event.Queue q) {
            frame = queue(q).toString();
        } else if (e instanceof Event.Accepted a) {
            // Each socket in its own console language: the dialog's words are shown beside the person's.
            open.forEach(c -> c.sendText(chat(a, c.counsellorLang == null ? "nb" : c.counsellorLang).toString()));
        } else if (e instanceof Event.Noted n) {
            frame = JSON.createObjectNode().put("type", "inbox.note").put("ticket", n.ticket()).put("note", n.note())
                    .toString();
        } else if (e instanceof Event.Said s) {
            ObjectNode n = JSON.createObjectNode().put("type", "inbox.message").put("ticket", s.ticket()).put("text", s.text());
            if (s.danger()) {
                n.put("danger", true);
            }
            frame = n.toString();
        } else if (e instanceof Event.Delivered d) {
            frame = JSON.createObjectNode().put("type", "inbox.delivered").put("ticket", d.ticket()).put("id", d.id())
                    .toString();
        } else if (e instanceof Event.Presence p) {
            frame = JSON.createObjectNode().put("type", "inbox.presence").put("ticket", p.ticket())
                    .put("connected", p.connected()).toString();
        } else if (e instanceof Event.Ended end) {
            frame = JSON.createObjectNode().put("type", "inbox.ended").put("ticket", end.ticket())
                    .put("reason", end.reason().code()).toString();
        }
        if (frame != null) {
            String f = frame;
            open.forEach(c -> c.sendText(f));
        }
    }

    @Override
    public void toCounsellors(Event e) {
        if (e instanceof Event.Queue q) {
            String frame = queue(q).toString();
            counsellors.values().forEach(set -> set.forEach(c -> c.sendText(frame)));
        }
    }

    // --- frames ----------------------------------------------------------------------------

    private static ObjectNode talk(String state) {
        return JSON.createObjectNode().put("type", "talk").put("state", state);
    }

    /** A talk frame in {@code state} with who answers around the clock, in the person's language. */
    private ObjectNode withContacts(String state, String dialog, String lang) {
        ObjectNode n = talk(state);
        n.set("cards", contacts(dialog, lang));
        return n;
    }

    private ArrayNode contacts(String dialog, String lang) {
        ArrayNode cards = JSON.createArrayNode();
        for (String id : desk.config().contacts()) {
            cards.add(Wire.card(steps.engine().contact(dialog, id, lang)));
        }
        return cards;
    }

    private ObjectNode queue(Event.Queue q) {
        ObjectNode n = JSON.createObjectNode().put("type", "inbox.queue");
        // Whether the desk is closed (outside the hours or a holiday), so an empty queue says why.
        n.put("desk", desk.duty() == Desk.Duty.CLOSED ? "closed" : "open");
        ArrayNode list = n.putArray("waiting");
        Clock clock = Clock.systemUTC();
        for (Waiting w : q.waiting()) {
            ObjectNode o = waiting(w);
            o.put("waited", Duration.between(w.since(), clock.instant()).toSeconds());
            list.add(o);
        }
        return n;
    }

    private ObjectNode chat(Event.Accepted a, String mine) {
        ObjectNode n = waiting(a.who()).put("type", "inbox.chat").put("organisation", a.organisation())
                .put("note", a.note());
        Dialog d = steps.engine().dialogs().dialog(a.who().dialog()).orElse(null);
        if (d != null) {
            ArrayNode path = (ArrayNode) n.get("path");
            for (int i = 0; i < a.who().path().size(); i++) {
                Reply r = shown(d, a.who().path().get(i).node(), mine);
                if (r != null && r.text() != null) {
                    ((ObjectNode) path.get(i)).put("title", firstLine(r.text()));
                }
            }
            if (!a.who().path().isEmpty()) {
                String node = a.who().path().get(a.who().path().size() - 1).node();
                ObjectNode seen = n.putObject("seen").put("node", node);
                side(seen, "theirs", shown(d, node, a.who().lang()));
                side(seen, "yours", shown(d, node, mine));
            }
        }
        // Where the person may be sent back: each node with a title in the console's language,
        // so a counsellor picks words, not ids like "np-health".
        ArrayNode nodes = n.putArray("nodes");
        if (d != null) {
            steps.engine().nodeTitles(d.id(), mine)
                    .forEach((id, title) -> nodes.addObject().put("id", id).put("title", title));
        }
        ArrayNode contacts = n.putArray("contacts");
        for (Fact f : steps.engine().dialogs().facts().all().values()) {
            if ("phone".equals(f.kind()) && f.name() != null) {
                Card card = steps.engine().contact(a.who().dialog(), f.id(), a.who().lang());
                contacts.add(JSON.createObjectNode().put("id", f.id()).put("title", card.title()).put("phone", f.value()));
            }
        }
        return n;
    }

    /**
     * What {@code node} shows in {@code lang}, rendered as the dialog would with no variables set;
     * null when it cannot be shown that way (a counsellor's view must never fail on it).
     */
    private Reply shown(Dialog d, String node, String lang) {
        try {
            return steps.engine().current(new Session(d.id(), node, lang, Map.of(), List.of(), false));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void side(ObjectNode seen, String field, Reply r) {
        if (r == null) {
            return;
        }
        ObjectNode o = seen.putObject(field).put("lang", r.lang()).put("dir", r.dir()).put("text", r.text());
        ArrayNode labels = o.putArray("choices");
        if (r.choices() != null) {
            r.choices().forEach(ch -> labels.add(ch.label()));
        }
    }

    /** A node's "title" for the path: the first line of what it says, cut at 80 characters. */
    static String firstLine(String text) {
        String line = text.strip().split("\\R", 2)[0].strip();
        return line.length() <= 80 ? line : line.substring(0, 79).strip() + "\u2026";
    }

    private static ObjectNode waiting(Waiting w) {
        ObjectNode o = JSON.createObjectNode().put("ticket", w.ticket()).put("lang", w.lang()).put("dialog", w.dialog());
        if (w.away()) {
            o.put("away", true);
        }
        if (!Waiting.WEB.equals(w.channel())) {
            o.put("channel", w.channel());
        }
        ArrayNode path = o.putArray("path");
        for (PathStep p : w.path()) {
            ObjectNode s = path.addObject().put("node", p.node());
            if (p.choice() != null) {
                s.put("choice", p.choice());
            }
        }
        return o;
    }

    private static Future<Void> refused(Conversation c, HandoffException e) {
        c.sendText(JSON.createObjectNode().put("type", "error").put("code", e.code()).put("message", e.getMessage())
                .toString());
        return Future.succeededFuture();
    }

    static List<String> personTypes() {
        return List.of("talk", "talk.say", "talk.leave");
    }

    static List<String> counsellorTypes() {
        return List.of("inbox", "inbox.accept", "inbox.say", "inbox.card", "inbox.back", "inbox.end", "inbox.block",
                "inbox.note");
    }
}
