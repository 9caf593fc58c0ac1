package no.losen.channel.whatsapp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.losen.channel.internal.Replies;
import no.losen.channel.internal.Serial;
import no.losen.channel.sms.PhoneKey;
import no.losen.channel.sms.PhoneTurns;
import no.losen.channel.sms.SmsTexts;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Card;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.step.Outcome;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation over WhatsApp: the dialog a person gets by SMS, read the same way (keywords in
 * every language, numbers, words; {@link PhoneTurns}), shown with WhatsApp's buttons and lists
 * ({@link WhatsAppRenderer}) and sent by the {@link Outbox}. On top of SMS:
 * <ul>
 *   <li>a tapped button or list row arrives as its id and picks that choice;</li>
 *   <li>the quick-exit words ({@code wa.kw.exit}, e.g. "x") erase the session at once and answer
 *       with one neutral word, so a glance at the phone shows nothing of what was asked;</li>
 *   <li>pictures, voice notes and other media are answered with "text only" and never fetched;</li>
 *   <li>a message older than WhatsApp's 24-hour customer-service window (a webhook Meta delivered
 *       late) gets no reply, since none is allowed, and its conversation ends.</li>
 * </ul>
 * The number is turned into a {@link PhoneKey} at once; it lives only in memory until the reply is
 * sent. A message id is handled once: Meta's retried delivery changes nothing and sends nothing.
 */
public final class WhatsAppConversation {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppConversation.class);
    private static final String PREFIX = "wa:";
    /** WhatsApp's customer-service window: free-form replies only this long after the person's message. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** What a turn shows, before it is rendered (the rendering needs the session it ends at). */
    sealed interface Said permits NodeSaid, MenuSaid, WordsSaid, SearchSaid {
    }

    record NodeSaid(Reply reply, boolean canGoBack) implements Said {
    }

    record MenuSaid(List<String> langs, Map<String, String> emergency) implements Said {
    }

    record WordsSaid(String text) implements Said {
    }

    record SearchSaid(Card.Search card, String lang) implements Said {
    }

    private final Steps steps;
    private final Duration patience;
    private final Engine shortForms;
    private final PhoneKey keys;
    private final String dialogId;
    private final SmsTexts texts;
    private final WhatsAppRenderer renderer;
    private final PhoneTurns<Said> turns;
    private final Outbox outbox;
    private final Clock clock;
    private final Replies<Void> handled;
    private final Serial serial = new Serial();
    /**
     * When each phone last erased its conversation (quick exit, STOP), for an hour: Meta does not
     * promise order, and a message written before the exit but delivered after it must not bring
     * the conversation back. Keyed by the phone key, like everything else here.
     */
    private final Cache<String, Instant> exits = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000).build();

    public WhatsAppConversation(Steps steps, PhoneKey keys, String dialogId, Outbox outbox, Clock clock) {
        this(steps, keys, dialogId, outbox, clock, null, Duration.ZERO);
    }

    /**
     * @param renderer null: the Cloud API's (buttons and lists)
     * @param patience how long a message waits for the text workers before it is refused {@code busy}: none for the
     *                 Cloud API, which delivers a failed delivery again (and holding one delivery of many messages for
     *                 seconds each would outlast its timeout); through Twilio, as SMS, which a 503 loses
     *                 ({@code SmsConversation.PATIENCE})
     */
    WhatsAppConversation(Steps steps, PhoneKey keys, String dialogId, Outbox outbox, Clock clock, WhatsAppRenderer renderer,
                         Duration patience) {
        this.patience = patience;
        this.steps = steps;
        Engine engine = steps.engine();
        this.shortForms = engine.withVariant(Translations.SMS);
        this.keys = keys;
        this.dialogId = dialogId;
        this.texts = new SmsTexts(engine.dialogs().translations());
        this.renderer = renderer != null ? renderer : new WhatsAppRenderer(texts);
        this.outbox = outbox;
        this.clock = clock;
        // Ids are remembered for the window (or the TTL, if longer): a redelivery within it does nothing.
        // One later than that is outside the window anyway, so it is not answered either.
        Duration remember = steps.ttl().compareTo(WINDOW) > 0 ? steps.ttl() : WINDOW.plusHours(1);
        this.handled = new Replies<>(remember, 100_000);
        this.turns = new PhoneTurns<>(engine, dialogId, texts, new PhoneTurns.Looks<>() {
            @Override
            public Said node(Reply reply, boolean canGoBack) {
                return new NodeSaid(reply, canGoBack);
            }

            @Override
            public Said menu(List<String> langs, Map<String, String> emergency) {
                return new MenuSaid(langs, emergency);
            }

            @Override
            public Said words(String text) {
                return new WordsSaid(text);
            }

            @Override
            public Said search(Card.Search card, String lang) {
                return new SearchSaid(card, lang);
            }
        }, "whatsapp");
    }

    /** Whether the start dialog is loaded and public; without it the webhook refuses (503). */
    public boolean ready() {
        return steps.engine().dialogs().dialog(dialogId).filter(d -> d.audience() == Audience.PUBLIC).isPresent();
    }

    public String dialogId() {
        return dialogId;
    }

    /**
     * Handles one message: the step through {@link Steps} (typed text on the text workers), then
     * the reply queued on the {@link Outbox}. Completes when the step is stored, not when the reply
     * is sent; fails only with the step service's error, and then a redelivery is handled afresh.
     */
    public Future<Void> handle(Delivery.Message m) {
        if (m.kind() == Delivery.Kind.IGNORED) {
            return Future.succeededFuture();
        }
        String phone = keys.of(m.from());
        // The id is held hashed: a "wamid." id carries the sender's number inside it.
        return handled.once(phone + "/" + keys.opaque(m.id()), () -> serial.run(phone, () -> {
            Instant sent = sentAt(m);
            Instant exit = exits.getIfPresent(phone);
            if (exit != null && sent.isBefore(exit)) {
                LOG.info("event=whatsapp.ignored reason=before_exit");
                return Future.succeededFuture();
            }
            Instant deadline = sent.plus(WINDOW);
            return run(phone, m, deadline).map(messages -> {
                if (!messages.isEmpty()) {
                    outbox.send(phone, m.from(), messages, deadline);
                }
                return null;
            });
        }));
    }

    /**
     * The step for one message, through {@link Steps} (typed text on the text workers), and the
     * messages that answer it; none when the window had closed (the session is then erased).
     * Callers run it once per message id and one at a time per phone.
     */
    Future<List<JsonObject>> run(String phone, Delivery.Message m, Instant deadline) {
        return run(phone, m, deadline, () -> { });
    }

    /** As above; {@code erased} is called when the step erases the conversation (quick exit, STOP, the window closed). */
    Future<List<JsonObject>> run(String phone, Delivery.Message m, Instant deadline, Runnable erased) {
        boolean closed = !clock.instant().isBefore(deadline);
        Function<Optional<Session>, Outcome<List<JsonObject>>> step = s -> {
            if (closed) {
                LOG.info("event=whatsapp.window.closed had_session={}", s.isPresent());
                dropQueued(phone);
                erased.run();
                return Outcome.<List<JsonObject>>erase(List.of());
            }
            Outcome<List<JsonObject>> o = step(s.orElse(null), m);
            if (o.erase()) {
                // Quick exit or STOP: nothing still queued may reach the phone after it, and nothing
                // written before it may start the conversation again.
                dropQueued(phone);
                exits.put(phone, sentAt(m));
                erased.run();
            }
            return o;
        };
        Steps.Caller caller = new Steps.Caller("whatsapp", phone);
        if (m.kind() != Delivery.Kind.TEXT || closed) {
            return steps.run(PREFIX + phone, caller, false, step);
        }
        String text = m.text() == null ? "" : m.text();
        return steps.typed(PREFIX + phone, caller, text, step, s -> urgent(s.orElse(null), text), patience);
    }

    /**
     * Typed {@code text} read for danger now, before its turn ({@link Steps#urgent(String, String, Function)}): the
     * emergency help, rendered, not stored; empty when it is not danger. For a channel that takes a phone's messages
     * one after another: a message behind the same phone's earlier ones is no step anywhere yet.
     */
    Future<Optional<List<JsonObject>>> early(String phone, String text) {
        return steps.urgent(PREFIX + phone, text, s -> urgent(s.orElse(null), text).map(o -> o.answer()));
    }

    /**
     * The emergency help for a typed message read as danger now outside its turn (waiting behind a flood, or
     * refused by the full text workers: {@link Steps#typed}), rendered as {@link #step} renders it. Empty: not
     * danger, or the exit word.
     */
    private Optional<Outcome<List<JsonObject>>> urgent(Session session, String text) {
        if (texts.listedIn(text, "wa.kw.exit", session != null ? session.lang() : "en").isPresent()) {
            return Optional.empty();
        }
        return turns.urgent(session, text).map(t -> new Outcome<>(render(t.shown(), t.keep()), t.keep(), false));
    }

    /** When the person sent {@code m}; a time in the future (a wrong clock, a forged body) would stretch the window: now. */
    private Instant sentAt(Delivery.Message m) {
        Instant now = clock.instant();
        return m.sent() == null || m.sent().isAfter(now) ? now : m.sent();
    }

    /** Nothing still queued for this phone goes out (no outbox: tests of the step alone). */
    private void dropQueued(String phone) {
        if (outbox != null) {
            outbox.cancel(phone);
        }
    }

    PhoneKey keys() {
        return keys;
    }

    /** One message against the person's session (null: none yet), rendered. Pure: no store, no I/O. */
    Outcome<List<JsonObject>> step(Session session, Delivery.Message m) {
        String lang = session == null ? null : session.lang();
        PhoneTurns.Turn<Said> t;
        switch (m.kind()) {
            case MEDIA -> {
                return Outcome.answer(renderer.text(textOnly(lang)));
            }
            case CHOICE -> t = chosen(session, m.choice());
            default -> {
                // With no conversation, "x" (every language's word) is answered in English, not in the
                // first language that happens to list it.
                Optional<String> exit = texts.listedIn(m.text(), "wa.kw.exit", lang != null ? lang : "en");
                if (exit.isPresent()) {
                    LOG.info("event=whatsapp.exit had_session={}", session != null);
                    return Outcome.erase(renderer.text(texts.text(lang != null ? lang : exit.get(), "wa.exit")));
                }
                t = turns.step(session, m.text() == null ? "" : m.text());
            }
        }
        Session at = t.keep() != null ? t.keep() : t.erase() ? null : session;
        List<JsonObject> out = render(t.shown(), at);
        return new Outcome<>(out, t.keep(), t.erase());
    }

    private PhoneTurns.Turn<Said> chosen(Session session, String id) {
        if (id.startsWith(WhatsAppRenderer.LANG)) {
            // A language row of the menu: the same as writing the language's code.
            return turns.step(session, id.substring(WhatsAppRenderer.LANG.length()));
        }
        if (session == null) {
            // A button of a conversation that has ended since: start with the menu.
            return turns.step(null, "");
        }
        String choice = id.startsWith(WhatsAppRenderer.CHOICE) ? id.substring(WhatsAppRenderer.CHOICE.length()) : id;
        return turns.choose(session, choice);
    }

    private List<JsonObject> render(Said said, Session at) {
        if (said instanceof NodeSaid n) {
            return renderer.node(n.reply(), shortened(n.reply(), at), n.canGoBack());
        }
        if (said instanceof MenuSaid menu) {
            return renderer.menu(menu.langs(), menu.emergency());
        }
        if (said instanceof SearchSaid s) {
            return renderer.search(s.card(), s.lang());
        }
        return renderer.text(((WordsSaid) said).text());
    }

    /** The node again from the SMS-variant engine: its choice labels are the short forms buttons may need. */
    private Reply shortened(Reply full, Session at) {
        if (at == null || !at.node().equals(full.node())) {
            return null;
        }
        try {
            return shortForms.current(at);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * "Text only", in the person's language, or with no conversation yet in the start dialog's first
     * two; either way after the numbers to call in danger, since a voice note may be a cry for help.
     */
    private String textOnly(String lang) {
        Map<String, String> emergency = PhoneTurns.emergency(steps.engine().dialogs().facts());
        if (lang != null) {
            String media = texts.text(lang, "wa.media");
            return emergency.isEmpty() ? media : texts.text(lang, "sms.sos", emergency) + "\n\n" + media;
        }
        List<String> langs = steps.engine().dialogs().dialog(dialogId).map(d -> d.languages()).orElse(List.of("en"));
        List<String> lines = new ArrayList<>();
        if (!emergency.isEmpty()) {
            lines.add(texts.text(langs.get(0), "sms.menu.sos", emergency));
        }
        for (String l : langs.subList(0, Math.min(2, langs.size()))) {
            String t = texts.text(l, "wa.media");
            if (!t.isBlank() && !lines.contains(t)) {
                lines.add(t);
            }
        }
        return String.join("\n\n", lines);
    }
}
