package no.losen.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.handoff.Event.Reason;
import no.losen.handoff.Event.Side;
import no.losen.handoff.HandoffException.Problem;
import no.losen.internal.Characters;
import no.losen.session.Tokens;

/**
 * One organisation's hand-off desk: the queue of people waiting for a counsellor and the
 * conversations counsellors have taken. Plain Java with an injected clock, so every rule (who
 * is next, who may answer, when a wait or a conversation ends) is tested without a server; the
 * channels are thin adapters that turn frames into calls here and {@link Outbox} events into frames.
 *
 * <p>A person is known by their session's key ({@code personKey}), which never leaves this
 * class; counsellors see a separate random ticket. Messages pass through and are not kept:
 * the desk holds only the latest activity time of each conversation. Everything about a
 * ticket is dropped when it ends, whoever ends it, or when {@link #sweep()} finds it idle.
 *
 * <p>Events are handed to the outbox after the desk's lock is released, in the order they
 * happened, so an adapter may call back into the desk from its outbox.
 */
public final class Desk {

    /** Where events go. Called on the thread that changed the desk, never under its lock. */
    public interface Outbox {
        /** To the person holding {@code e.ticket()}. */
        void toPerson(Event e);

        /** To every connection of counsellor {@code user}. */
        void toCounsellor(String user, Event e);

        /** To every connected counsellor (the queue changed). */
        void toCounsellors(Event e);
    }

    /** Whether "Talk to a person" is offered now, and if not, why not. */
    public enum Duty {
        /** Within hours and a counsellor is connected. */
        ON,
        /** Outside the opening hours (or a holiday). */
        CLOSED,
        /** Within hours, but no counsellor is connected. */
        NOBODY,
        /** Hand-off is not configured. */
        OFF
    }

    private static final class Ticket {
        /** Replaced on a language switch or when the person's connection goes or comes back. */
        Waiting waiting;
        final String personKey;
        /** The client address the person joined from (for {@link #MAX_WAITING_PER_ADDRESS}); never shown or logged. */
        final String address;
        /** Since when the person has had no connection; null while connected. */
        Instant goneSince;
        final MessageLimit fromPerson;
        final MessageLimit fromCounsellor;
        String counsellor;
        Instant lastActive;
        /** The counsellor's case note (see {@link #note}); dropped with the ticket. */
        String note;

        Ticket(Waiting waiting, String personKey, String address, int perMinute) {
            this.waiting = waiting;
            this.personKey = personKey;
            this.address = address;
            this.fromPerson = new MessageLimit(perMinute);
            this.fromCounsellor = new MessageLimit(perMinute);
            this.lastActive = waiting.since();
        }
    }

    /**
     * The longest message either side may send, in characters as a person counts them (code
     * points: an emoji is one), the same as a typed text in a dialog.
     */
    public static final int MAX_TEXT = 1000;
    /** The longest case note: a few lines for the counsellor's own follow-up, not a transcript. */
    public static final int MAX_NOTE = 500;
    /** The instance a single server (and a desk without a relay) is known by. */
    public static final String LOCAL = "local";
    /**
     * An instance not heard from this long is gone: four missed heartbeats (Talk sends one every
     * 2 s), so a slow Redis round trip does not drop a living instance's counsellors, and a
     * killed instance's people count as away (a counsellor's message to them refused, not lost)
     * within seconds. Were a living instance dropped all the same, its next beat brings its
     * counsellors back and their people are told so.
     */
    public static final Duration PRESENCE_TTL = Duration.ofSeconds(8);

    /**
     * How long a waiting person's place is kept after their connection closed. The widget
     * reconnects within seconds after a network change or a reload and resumes its place; a socket
     * that is opened, joins and closes for good (a tab closed, or someone filling the queue with
     * ghosts) would otherwise hold a place for the whole answer time (10 minutes) in front of real
     * people. Two minutes covers a phone switching networks or a page reloaded on a slow line.
     */
    public static final Duration GRACE = Duration.ofMinutes(2);

    /**
     * How many people from one client address may wait at once. Small, but more than one: a
     * reception centre or a shelter puts many residents behind one NAT address, and two or three
     * of them may well ask for a person in the same hour; more than that from one address is far
     * likelier one client filling the queue. Over it the person is told so and given who answers
     * around the clock.
     */
    public static final int MAX_WAITING_PER_ADDRESS = 3;

    private final HandoffConfig config;
    private final Clock clock;
    private final Outbox out;
    /** Insertion order is queue order. */
    private final LinkedHashMap<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, String> ticketOfPerson = new HashMap<>();
    /** Open counsellor connections, per instance, per counsellor (two tabs are one counsellor). */
    private final Map<String, Map<String, Integer>> online = new HashMap<>();
    /**
     * When each instance last said which counsellors it holds ({@link #present}). An instance that
     * falls silent for {@link #PRESENCE_TTL} has died without saying goodbye: its counsellors no
     * longer count. Instances that never sent a heartbeat (one instance, tests) never expire.
     */
    private final Map<String, Instant> heard = new HashMap<>();
    /**
     * Which instance holds each person's socket, as far as it said ({@link #personIn}). A person
     * whose socket closed, or whose instance closed or fell silent, is {@linkplain Waiting#away away}:
     * a counsellor's message to them is refused rather than lost. An SMS person's "socket" is the
     * instance holding their number. A ticket never reported (joined on an older version) is
     * taken as connected.
     */
    private final Map<String, String> holder = new HashMap<>();
    private final Map<String, Instant> blocked = new HashMap<>();
    private final WaitEstimate estimate = new WaitEstimate();
    private final List<Runnable> pending = new ArrayList<>();
    /** The time of the {@link Call} being applied on this thread (see {@link #apply}); null: the clock's. */
    private final ThreadLocal<Instant> callTime = new ThreadLocal<>();

    public Desk(HandoffConfig config, Clock clock, Outbox out) {
        this.config = config;
        this.clock = clock;
        this.out = out;
    }

    public HandoffConfig config() {
        return config;
    }

    /**
     * Applies a call as of the time it was made: every instance's copy of the desk then decides
     * alike, whenever the call reaches it (see {@link Call}).
     */
    public void apply(Call call) {
        callTime.set(call.at());
        try {
            call.apply(this);
        } finally {
            callTime.remove();
        }
    }

    /** Now: the applied call's time, else the clock's. */
    private Instant now() {
        Instant t = callTime.get();
        return t != null ? t : clock.instant();
    }

    // --- counsellors -----------------------------------------------------------------------

    /** A counsellor connection opened on this (the only) instance. */
    public void counsellorIn(String user) {
        counsellorIn(LOCAL, user);
    }

    /**
     * A counsellor connection opened on {@code instance}; the desk counts connections, so two tabs
     * are one counsellor.
     */
    public void counsellorIn(String instance, String user) {
        synchronized (this) {
            boolean back = !connected(user);
            online.computeIfAbsent(instance, i -> new HashMap<>()).merge(user, 1, Integer::sum);
            emitQueueTo(user);
            for (Ticket t : tickets.values()) {
                if (user.equals(t.counsellor)) {
                    // A counsellor who lost the connection gets their conversations back,
                    // and their people are told someone reads again.
                    Event.Accepted a = accepted(t);
                    emit(() -> out.toCounsellor(user, a));
                    if (t.waiting.away()) {
                        emit(() -> out.toCounsellor(user, new Event.Presence(a.ticket(), false)));
                    }
                }
            }
            if (back) {
                backFrom(user);
            }
        }
        flush();
    }

    /**
     * A counsellor connection closed. Their conversations stay theirs until they end or go idle;
     * when it was their last connection (on any instance), their people are told at once that
     * nobody reads now ({@link Event.Away}), and what they write meanwhile is refused
     * ({@link Problem#AWAY}), not lost in silence.
     */
    public void counsellorOut(String user) {
        counsellorOut(LOCAL, user);
    }

    /** A counsellor connection on {@code instance} closed. */
    public void counsellorOut(String instance, String user) {
        synchronized (this) {
            Map<String, Integer> users = online.get(instance);
            if (users != null) {
                users.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
                if (users.isEmpty()) {
                    online.remove(instance);
                }
            }
            if (!connected(user)) {
                awayFrom(user);
            }
        }
        flush();
    }

    /**
     * Tells the people of counsellor {@code user}, connected again (a new connection, or a
     * heartbeat after their instance was taken for gone), that someone reads again.
     */
    private void backFrom(String user) {
        for (Ticket t : tickets.values()) {
            if (user.equals(t.counsellor)) {
                Event.Accepted a = accepted(t);
                emit(() -> out.toPerson(a));
            }
        }
    }

    /** Tells the people of counsellor {@code user}, who has no connection left, that nobody reads now. */
    private void awayFrom(String user) {
        for (Ticket t : tickets.values()) {
            if (user.equals(t.counsellor)) {
                Event.Away e = new Event.Away(t.waiting.ticket(), t.waiting);
                emit(() -> out.toPerson(e));
            }
        }
    }

    /**
     * {@code instance}'s heartbeat: the counsellor connections it holds now, replacing what this
     * copy thought. Self-healing: a missed {@code in} or {@code out} is corrected by the next beat,
     * and an instance whose beats stop is dropped by {@link #sweep} after {@link #PRESENCE_TTL}.
     */
    public void present(String instance, Map<String, Integer> users) {
        present(instance, users, List.of());
    }

    /** {@link #present(String, Map)}, and the tickets whose person has a socket on {@code instance}. */
    public void present(String instance, Map<String, Integer> users, List<String> persons) {
        synchronized (this) {
            heard.put(instance, now());
            persons.forEach(ticket -> holds(instance, ticket));
            List<String> back = users.keySet().stream().filter(u -> !connected(u)).toList();
            if (users.isEmpty()) {
                online.remove(instance);
            } else {
                online.put(instance, new HashMap<>(users));
            }
            back.forEach(this::backFrom);
        }
        flush();
    }

    /** The person holding {@code ticket} has a socket on {@code instance} (joined, or resumed after a reconnect). */
    public void personIn(String instance, String ticket) {
        synchronized (this) {
            holds(instance, ticket);
        }
        flush();
    }

    /** {@code instance} holds the person's connection; under the lock. */
    private void holds(String instance, String ticket) {
        Ticket t = tickets.get(ticket);
        if (t != null) {
            holder.put(ticket, instance);
            connectedNow(t, true);
        }
    }

    /** The person's socket on {@code instance} closed; another instance's newer socket is not undone. */
    public void personOut(String instance, String ticket) {
        synchronized (this) {
            Ticket t = tickets.get(ticket);
            if (t != null && instance.equals(holder.get(ticket))) {
                holder.remove(ticket);
                connectedNow(t, false);
            }
        }
        flush();
    }

    /**
     * {@code instance} shuts down ({@link Call.Closing}): what {@link #sweep} does for an instance
     * that falls silent, at once.
     */
    public void instanceClosed(String instance) {
        synchronized (this) {
            drop(instance);
        }
        flush();
    }

    /**
     * Forgets {@code instance}: its counsellors no longer count (their people are told nobody
     * reads now) and the people whose socket it held are away.
     */
    private void drop(String instance) {
        heard.remove(instance);
        Map<String, Integer> users = online.remove(instance);
        if (users != null) {
            users.keySet().stream().filter(u -> !connected(u)).forEach(this::awayFrom);
        }
        List<String> held = holder.entrySet().stream().filter(h -> h.getValue().equals(instance)).map(Map.Entry::getKey)
                .toList();
        for (String ticket : held) {
            holder.remove(ticket);
            connectedNow(tickets.get(ticket), false);
        }
    }

    /**
     * The instance that holds the person's connection ({@link #personIn}); empty while they have
     * none (between sockets, their instance gone) or were never reported (an older instance's join).
     */
    public synchronized Optional<String> holderOf(String ticket) {
        return Optional.ofNullable(holder.get(ticket));
    }

    /**
     * Whether {@code instance} speaks for the desk where every copy does the same thing, such as
     * logging what {@link #sweep} ended: the first of the instances heard from, so each end is
     * logged once however many instances run (one instance, or none heard yet: it does).
     */
    public synchronized boolean speaksFor(String instance) {
        return heard.keySet().stream().min(String::compareTo).map(instance::equals).orElse(true);
    }

    /** Whether counsellor {@code user} has a connection open on any instance. */
    private boolean connected(String user) {
        return online.values().stream().anyMatch(u -> u.containsKey(user));
    }

    /** Whether the person would be offered "Talk to a person" now. */
    public synchronized Duty duty() {
        if (!config.enabled()) {
            return Duty.OFF;
        }
        if (!config.hours().open(now())) {
            return Duty.CLOSED;
        }
        return online.values().stream().anyMatch(u -> !u.isEmpty()) ? Duty.ON : Duty.NOBODY;
    }

    // --- the person's side -----------------------------------------------------------------

    /**
     * Puts the person with session {@code personKey} in the queue; answers their ticket. Refused
     * when nobody is on duty, the session is blocked, or it is already waiting or talking
     * (then its existing ticket is in {@link #ticketOf}).
     */
    public String join(String personKey, String lang, String dialog, List<PathStep> path) {
        String id = Tokens.next();
        join(id, personKey, null, lang, dialog, path);
        return id;
    }

    /**
     * {@link #join(String, String, String, List)} with the ticket's id given (made once, for every
     * copy of the desk) and the client {@code address} (null: not known); refused as
     * {@link Problem#CROWDED} when {@link #MAX_WAITING_PER_ADDRESS} people from it wait already.
     */
    public void join(String id, String personKey, String address, String lang, String dialog, List<PathStep> path) {
        join(id, personKey, address, lang, dialog, path, Waiting.WEB);
    }

    /** {@link #join(String, String, String, String, String, List)} from {@code channel} ({@link Waiting#SMS}, say). */
    public void join(String id, String personKey, String address, String lang, String dialog, List<PathStep> path,
                     String channel) {
        synchronized (this) {
            Instant now = now();
            Instant until = blocked.get(personKey);
            if (until != null && now.isBefore(until)) {
                throw new HandoffException(Problem.BLOCKED, "this conversation cannot reach a person now");
            }
            if (ticketOfPerson.containsKey(personKey)) {
                throw new HandoffException(Problem.ALREADY, "already waiting or talking to a person");
            }
            if (duty() != Duty.ON) {
                throw new HandoffException(Problem.NOT_ON_DUTY, "nobody is answering now");
            }
            if (address != null && tickets.values().stream()
                    .filter(x -> x.counsellor == null && address.equals(x.address)).count() >= MAX_WAITING_PER_ADDRESS) {
                throw new HandoffException(Problem.CROWDED, "too many people from your network are waiting now");
            }
            Ticket t = new Ticket(new Waiting(id, lang, dialog, path, now, false, channel), personKey, address,
                    config.messagesPerMinute());
            tickets.put(id, t);
            ticketOfPerson.put(personKey, id);
            queueChanged();
        }
        flush();
    }

    /** Whether the session {@code personKey} is blocked now (it is then not offered a person, only the contacts). */
    public synchronized boolean blocked(String personKey) {
        Instant until = personKey == null ? null : blocked.get(personKey);
        return until != null && now().isBefore(until);
    }

    /** The ticket the person with {@code personKey} holds, if waiting or talking (after a reconnect). */
    public synchronized Optional<String> ticketOf(String personKey) {
        return Optional.ofNullable(ticketOfPerson.get(personKey));
    }

    /** Sends the person their state again (place, or the conversation), e.g. after a reconnect. */
    public void repeat(String ticket) {
        synchronized (this) {
            Ticket t = tickets.get(ticket);
            if (t == null) {
                throw gone();
            }
            if (t.counsellor == null) {
                int place = placeOf(ticket);
                Instant now = now();
                emit(() -> out.toPerson(new Event.Queued(ticket, place, estimate.at(place, now))));
            } else if (!connected(t.counsellor)) {
                Event e = new Event.Away(ticket, t.waiting);
                emit(() -> out.toPerson(e));
            } else {
                Event e = accepted(t);
                emit(() -> out.toPerson(e));
            }
        }
        flush();
    }

    /**
     * The person's connection closed (or came back, {@code connected}). A waiting person who stays
     * away longer than {@link #GRACE} leaves the queue ({@link #sweep}); the counsellor sees it.
     */
    private void connectedNow(Ticket t, boolean connected) {
        if (t.waiting.away() != connected) {
            return;   // nothing changed
        }
        t.goneSince = connected ? null : now();
        t.waiting = t.waiting.withAway(!connected);
        if (t.counsellor == null) {
            queueChanged();
        } else {
            String c = t.counsellor;
            Event.Presence e = new Event.Presence(t.waiting.ticket(), connected);
            emit(() -> out.toCounsellor(c, e));
        }
    }

    /** The counsellor's message {@code id} reached the person's connection: the counsellor sees it marked. */
    public void delivered(String ticket, String id) {
        synchronized (this) {
            Ticket t = tickets.get(ticket);
            if (t == null || t.counsellor == null || id == null) {
                return;   // ended meanwhile: nothing to mark
            }
            String c = t.counsellor;
            Event.Delivered e = new Event.Delivered(ticket, id);
            emit(() -> out.toCounsellor(c, e));
        }
        flush();
    }

    /**
     * The person switched language: the counsellor sees the new one, and contact cards come in it.
     * The person's session is switched by the dialog step; this only tells the desk.
     */
    public void lang(String ticket, String lang) {
        synchronized (this) {
            Ticket t = tickets.get(ticket);
            if (t == null) {
                throw gone();
            }
            if (t.waiting.lang().equals(lang)) {
                return;
            }
            t.waiting = t.waiting.withLang(lang);
            if (t.counsellor == null) {
                queueChanged();
            } else {
                String c = t.counsellor;
                Event.Accepted a = accepted(t);
                emit(() -> out.toCounsellor(c, a));
            }
        }
        flush();
    }

    /** The person leaves the queue or ends the conversation: everything about it is dropped. */
    public void leave(String ticket) {
        finish(ticket, Reason.PERSON, null);
    }

    // --- both sides ------------------------------------------------------------------------

    /**
     * A message from {@code from}. For a counsellor, {@code user} must be the one who accepted.
     * Refused over the length or rate limit; the text is passed on and not kept.
     */
    public void say(String ticket, Side from, String user, String text) {
        say(ticket, from, user, text, false);
    }

    /**
     * {@link #say(String, Side, String, String)}; {@code danger}: the person's message reads as
     * danger now (checked by the caller), passed on so the counsellor's console flags it. A
     * person's message while their counsellor has no connection is refused as {@link Problem#AWAY}.
     */
    public void say(String ticket, Side from, String user, String text, boolean danger) {
        say(ticket, from, user, text, danger, null);
    }

    /** {@link #say(String, Side, String, String, boolean)}; {@code id}: the counsellor's, for {@link Event.Delivered}. */
    public void say(String ticket, Side from, String user, String text, boolean danger, String id) {
        synchronized (this) {
            if (text == null || text.isBlank()) {
                talking(ticket, from, user);
                return;
            }
            if (Characters.count(text) > MAX_TEXT) {
                throw new HandoffException(Problem.TOO_LONG, "a message may be at most " + MAX_TEXT + " characters");
            }
            Ticket pre = talking(ticket, from, user);
            if (from == Side.PERSON ? !connected(pre.counsellor) : pre.waiting.away()) {
                throw new HandoffException(Problem.AWAY, from == Side.PERSON
                        ? "nobody reads this conversation right now"
                        : "the person is not connected right now; the message was not delivered");
            }
            Ticket t = counted(ticket, from, user);
            Event.Said e = new Event.Said(ticket, from, text, danger && from == Side.PERSON, from == Side.COUNSELLOR ? id : null);
            String c = t.counsellor;
            emit(() -> {
                if (from == Side.PERSON) {
                    out.toCounsellor(c, e);
                } else {
                    out.toPerson(e);
                }
            });
        }
        flush();
    }

    /**
     * The counsellor sends a contact card ({@code fact}, a fact id the caller checked); counted
     * like a message, because a card is one.
     */
    public void card(String ticket, String user, String fact) {
        synchronized (this) {
            Ticket t = counted(ticket, Side.COUNSELLOR, user);
            Event.Card e = new Event.Card(ticket, fact, t.waiting);
            emit(() -> out.toPerson(e));
        }
        flush();
    }

    /** The conversation, if {@code from} (and for a counsellor, {@code user}) may write in it now. */
    private Ticket talking(String ticket, Side from, String user) {
        Ticket t = tickets.get(ticket);
        if (t == null) {
            throw gone();
        }
        if (t.counsellor == null) {
            throw new HandoffException(Problem.FORBIDDEN, "no counsellor has taken this conversation yet");
        }
        if (from == Side.COUNSELLOR && !t.counsellor.equals(user)) {
            throw new HandoffException(Problem.FORBIDDEN, "another counsellor has this conversation");
        }
        return t;
    }

    /** {@link #talking}, and one message counted against the sender's limit. */
    private Ticket counted(String ticket, Side from, String user) {
        Ticket t = talking(ticket, from, user);
        Instant now = now();
        if (!(from == Side.PERSON ? t.fromPerson : t.fromCounsellor).take(now)) {
            throw new HandoffException(Problem.RATE_LIMITED, "too many messages; wait a moment");
        }
        t.lastActive = now;
        return t;
    }

    // --- the counsellor's side -------------------------------------------------------------

    /** The queue now, first in line first. */
    public synchronized List<Waiting> queue() {
        return tickets.values().stream().filter(t -> t.counsellor == null).map(t -> t.waiting).toList();
    }

    /** The conversations {@code user} has taken. */
    /** Who holds {@code ticket}: their language, dialog and path, as the desk knows them. */
    public synchronized Optional<Waiting> waiting(String ticket) {
        return Optional.ofNullable(tickets.get(ticket)).map(t -> t.waiting);
    }

    public synchronized List<Waiting> chatsOf(String user) {
        return tickets.values().stream().filter(t -> user.equals(t.counsellor)).map(t -> t.waiting).toList();
    }

    /** {@code user} takes the person with {@code ticket}. Exactly one counsellor gets it; others hear {@code taken}. */
    public void accept(String ticket, String user) {
        synchronized (this) {
            Ticket t = tickets.get(ticket);
            if (t == null) {
                throw gone();
            }
            if (t.counsellor != null) {
                throw new HandoffException(Problem.TAKEN, "another counsellor has taken this conversation");
            }
            Instant now = now();
            t.counsellor = user;
            t.lastActive = now;
            estimate.accepted(now);
            Event e = accepted(t);
            emit(() -> out.toPerson(e));
            emit(() -> out.toCounsellor(user, e));
            queueChanged();
        }
        flush();
    }

    /** Sends the person back into their dialog at {@code node} (checked by the caller against the dialog) and ends this. */
    public void handBack(String ticket, String user, String node) {
        synchronized (this) {
            Ticket t = owned(ticket, user);
            Event e = new Event.HandedBack(ticket, t.waiting.dialog(), node);
            emit(() -> out.toPerson(e));
        }
        finish(ticket, Reason.HANDED_BACK, user);
    }

    /** The counsellor ends the conversation; both sides are told, nothing is kept. */
    public void end(String ticket, String user) {
        synchronized (this) {
            owned(ticket, user);
        }
        finish(ticket, Reason.COUNSELLOR, user);
    }

    /**
     * The counsellor ends the conversation and the session may not join again for the configured
     * time (abuse). A person can start a new session; blocking is a brake, not an identification.
     */
    public void block(String ticket, String user) {
        synchronized (this) {
            Ticket t = owned(ticket, user);
            blocked.put(t.personKey, now().plus(config.blockFor()));
        }
        finish(ticket, Reason.BLOCKED, user);
    }

    /**
     * The counsellor's case note on this conversation, replacing the last one: a few lines for
     * their own follow-up that hold no personal data (the console warns the way it warns for a
     * staff member's note). It is never shown to the person, lives only beside the ticket in each
     * instance's memory (so a reconnecting counsellor gets it back), and is dropped with the
     * ticket; the console shows it once more at the end, for the counsellor to carry into their
     * organisation's own records if its policy says so. Blank clears it.
     */
    public void note(String ticket, String user, String text) {
        synchronized (this) {
            Ticket t = owned(ticket, user);
            String n = text == null || text.isBlank() ? null : text.strip();
            if (n != null && n.length() > MAX_NOTE) {
                throw new HandoffException(Problem.TOO_LONG, "a case note may be at most " + MAX_NOTE + " characters");
            }
            t.note = n;
            Event.Noted e = new Event.Noted(ticket, n == null ? "" : n);
            emit(() -> out.toCounsellor(user, e));
        }
        flush();
    }

    // --- time ------------------------------------------------------------------------------

    /**
     * Ends what has run out: a wait longer than the answer time (the person is told and offered
     * the contacts), a conversation silent for the idle time, a block past its time. Run every
     * few seconds by the server. Answers why each thing it ended ended (for the log).
     */
    public List<Reason> sweep() {
        List<String> noAnswer = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        synchronized (this) {
            Instant now = now();
            for (Ticket t : tickets.values()) {
                if (t.counsellor == null && t.goneSince != null && !now.isBefore(t.goneSince.plus(GRACE))) {
                    gone.add(t.waiting.ticket());
                } else if (t.counsellor == null && !now.isBefore(t.waiting.since().plus(config.answerWithin()))) {
                    noAnswer.add(t.waiting.ticket());
                } else if (t.counsellor != null && !now.isBefore(t.lastActive.plus(config.idle()))) {
                    idle.add(t.waiting.ticket());
                }
            }
            blocked.values().removeIf(until -> !now.isBefore(until));
            heard.entrySet().stream().filter(h -> !now.isBefore(h.getValue().plus(PRESENCE_TTL))).map(Map.Entry::getKey)
                    .toList().forEach(this::drop);
        }
        flush();
        List<Reason> ended = new ArrayList<>();
        gone.forEach(t -> {
            if (finish(t, Reason.GONE, null)) {
                ended.add(Reason.GONE);
            }
        });
        noAnswer.forEach(t -> {
            if (finish(t, Reason.NO_ANSWER, null)) {
                ended.add(Reason.NO_ANSWER);
            }
        });
        idle.forEach(t -> {
            if (finish(t, Reason.IDLE, null)) {
                ended.add(Reason.IDLE);
            }
        });
        return ended;
    }

    /** How many are waiting or talking (for metrics and tests). */
    public synchronized int size() {
        return tickets.size();
    }

    // --- a copy for a new instance ----------------------------------------------------------

    /**
     * Everything this copy knows, for an instance that starts (or reconnects to Redis) while
     * people wait or talk: it asks on the relay's channel and a running instance answers with
     * this. It travels through pub/sub only and is never stored.
     */
    public synchronized State snapshot() {
        List<State.Held> held = new ArrayList<>();
        for (Ticket t : tickets.values()) {
            held.add(new State.Held(t.waiting, t.personKey, t.address, t.goneSince, t.counsellor, t.lastActive, t.note,
                    t.fromPerson.times(), t.fromCounsellor.times()));
        }
        Map<String, Map<String, Integer>> on = new HashMap<>();
        online.forEach((i, u) -> on.put(i, Map.copyOf(u)));
        return new State(held, Map.copyOf(blocked), on, Map.copyOf(heard), estimate.times(), Map.copyOf(holder));
    }

    /** {@link #restore(State, String)} for a copy that holds no connections of its own. */
    public void restore(State s) {
        restore(s, null);
    }

    /**
     * Replaces this copy with {@code s} (see {@link #snapshot}), except for what instance
     * {@code self} itself holds (its counsellors' connections), which it knows better than any
     * copy. Counsellors on this instance are sent the queue and their conversations again, since
     * what they saw may have been stale.
     */
    public void restore(State s, String self) {
        synchronized (this) {
            tickets.clear();
            ticketOfPerson.clear();
            for (State.Held h : s.held()) {
                Ticket t = new Ticket(h.waiting(), h.personKey(), h.address(), config.messagesPerMinute());
                t.goneSince = h.goneSince();
                t.counsellor = h.counsellor();
                t.lastActive = h.lastActive();
                t.note = h.note();
                t.fromPerson.restore(h.fromPerson());
                t.fromCounsellor.restore(h.fromCounsellor());
                tickets.put(h.waiting().ticket(), t);
                ticketOfPerson.put(h.personKey(), h.waiting().ticket());
            }
            blocked.clear();
            blocked.putAll(s.blocked());
            // This instance's own counsellors are its own truth; the others' come from the snapshot.
            Map<String, Integer> mine = self == null ? null : online.get(self);
            online.clear();
            s.online().forEach((i, u) -> online.put(i, new HashMap<>(u)));
            heard.clear();
            heard.putAll(s.heard());
            if (mine != null) {
                online.put(self, mine);
            }
            estimate.restore(s.accepts());
            holder.clear();
            if (s.holder() != null) {
                holder.putAll(s.holder());
            }
            queueChanged();
            for (Ticket t : tickets.values()) {
                if (t.counsellor != null) {
                    Event e = accepted(t);
                    String c = t.counsellor;
                    emit(() -> out.toCounsellor(c, e));
                }
            }
        }
        flush();
    }

    /** A copy of the desk as data (see {@link #snapshot}). */
    public record State(List<Held> held, Map<String, Instant> blocked, Map<String, Map<String, Integer>> online,
                        Map<String, Instant> heard, List<Instant> accepts, Map<String, String> holder) {

        /** One ticket: who waits or talks, with whom, and the times the limits count. */
        public record Held(Waiting waiting, String personKey, String address, Instant goneSince, String counsellor,
                           Instant lastActive, String note, List<Instant> fromPerson, List<Instant> fromCounsellor) {
        }
    }

    // --- inside ----------------------------------------------------------------------------

    /** Ends {@code ticket}; false when it had ended already (a second leave, a sweep racing an end). */
    private boolean finish(String ticket, Reason reason, String user) {
        synchronized (this) {
            Ticket t = tickets.remove(ticket);
            if (t == null) {
                if (user == null) {
                    return false;   // leaving twice is fine, and so is a sweep finding it ended meanwhile
                }
                throw gone();
            }
            ticketOfPerson.remove(t.personKey);
            holder.remove(ticket);
            Event.Ended e = new Event.Ended(ticket, reason, t.waiting);
            if (reason != Reason.HANDED_BACK) {
                emit(() -> out.toPerson(e));
            }
            if (t.counsellor != null) {
                String c = t.counsellor;
                emit(() -> out.toCounsellor(c, e));
            } else {
                queueChanged();
            }
        }
        flush();
        return true;
    }

    private Ticket owned(String ticket, String user) {
        Ticket t = tickets.get(ticket);
        if (t == null) {
            throw gone();
        }
        if (t.counsellor == null || !t.counsellor.equals(user)) {
            throw new HandoffException(Problem.FORBIDDEN, "not your conversation");
        }
        return t;
    }

    private int placeOf(String ticket) {
        int place = 0;
        for (Ticket t : tickets.values()) {
            if (t.counsellor == null) {
                place++;
                if (t.waiting.ticket().equals(ticket)) {
                    return place;
                }
            }
        }
        return 0;
    }

    private Event.Accepted accepted(Ticket t) {
        return new Event.Accepted(t.waiting.ticket(), config.organisation(), t.waiting.lang(), t.waiting, t.counsellor,
                t.note == null ? "" : t.note);
    }

    /** Tells every counsellor the queue, and everyone waiting their place (places move when someone goes). */
    private void queueChanged() {
        Event.Queue q = new Event.Queue(queue());
        emit(() -> out.toCounsellors(q));
        Instant now = now();
        int place = 0;
        for (Ticket t : tickets.values()) {
            if (t.counsellor == null) {
                int p = ++place;
                String id = t.waiting.ticket();
                Optional<Duration> est = estimate.at(p, now);
                emit(() -> out.toPerson(new Event.Queued(id, p, est)));
            }
        }
    }

    private void emitQueueTo(String user) {
        Event.Queue q = new Event.Queue(queue());
        emit(() -> out.toCounsellor(user, q));
    }

    private void emit(Runnable r) {
        pending.add(r);
    }

    /** Hands the events collected under the lock to the outbox, outside it, in order. */
    private void flush() {
        List<Runnable> now;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            now = new ArrayList<>(pending);
            pending.clear();
        }
        now.forEach(Runnable::run);
    }

    private static HandoffException gone() {
        return new HandoffException(Problem.GONE, "this conversation has ended");
    }
}
