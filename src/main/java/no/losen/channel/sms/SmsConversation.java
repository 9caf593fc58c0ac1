package no.losen.channel.sms;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.channel.sms.internal.Replies;
import no.losen.channel.sms.internal.Serial;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Card;
import no.losen.dialog.Command;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.step.Steps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation over SMS: the same engine and words as the widget, driven by keywords and
 * numbers. The first message from an unknown phone gets the language menu and nothing is
 * stored until a language is chosen; from then on the phone's session lives in the store
 * under its {@link PhoneKey}, for the same idle TTL as any other session. STOP erases it at once.
 */
public final class SmsConversation {

    private static final Logger LOG = LoggerFactory.getLogger(SmsConversation.class);
    private static final Pattern NUMBERS = Pattern.compile("\\d{1,3}([\\s,;.]+\\d{1,3})*");
    private static final String PREFIX = "sms:";

    /** What one inbound message does: the text to send, and what becomes of the stored session. */
    record Outcome(List<String> blocks, Session keep, boolean erase) {
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
    private final Replies replies;
    private final Serial serial = new Serial();

    /**
     * @param steps the server's step service; the conversation speaks through its engine's SMS
     *              variant ({@link Engine#withVariant}), so every text with a short {@code .sms} form is sent short
     */
    public SmsConversation(Steps steps, PhoneKey keys, String dialogId) {
        this.engine = steps.engine().withVariant(Translations.SMS);
        this.steps = steps;
        this.keys = keys;
        this.dialogId = dialogId;
        this.texts = new SmsTexts(engine.dialogs().translations());
        this.renderer = new SmsRenderer(texts);
        // Bounded: at most this many remembered replies (a few hundred bytes each); the oldest go first.
        this.replies = new Replies(steps.ttl(), 50_000);
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
        return replies.once(replay, () -> serial.run(phone, () -> steps.run(PREFIX + phone,
                new Steps.Caller("sms", phone), true, s -> {
                    Outcome o = step(s.orElse(null), text);
                    List<String> packed = Segments.pack(o.blocks(), Segments.BUDGET);
                    return new no.losen.step.Outcome<>(new Sent(packed, o.erase()), o.keep(), o.erase());
                }).map(sent -> {
                    if (sent.erased()) {
                        // STOP: the phone's past replies go too, now that its session is gone.
                        replies.forget(prefix, replay);
                    }
                    return sent.messages();
                })));
    }

    /** The packed messages of one step, and whether the step erased the session (STOP). */
    private record Sent(List<String> messages, boolean erased) {
    }

    /**
     * One message against the phone's session (null: none yet). Pure: no store, no I/O. A session
     * whose dialog or node is gone (new content since) is dropped and the phone starts afresh.
     */
    Outcome step(Session session, String raw) {
        try {
            return stepIn(session, raw);
        } catch (DialogException e) {
            if (session == null || e.code() != ErrorCode.NO_SESSION) {
                throw e;
            }
            LOG.info("event=sms.session.stale");
            Outcome fresh = stepIn(null, raw);
            return new Outcome(fresh.blocks(), fresh.keep(), fresh.keep() == null);
        }
    }

    private Outcome stepIn(Session session, String raw) {
        Dialog start = engine.dialogs().dialog(dialogId).orElseThrow(() ->
                new DialogException(ErrorCode.UNAVAILABLE, "the SMS dialog '" + dialogId + "' is not loaded"));
        // A session keeps its own dialog even if LOSEN_SMS_DIALOG changed since it began.
        Dialog d = session == null ? start : engine.dialogs().dialog(session.dialog()).orElseThrow(() ->
                new DialogException(ErrorCode.NO_SESSION, "the session's dialog is gone"));
        String text = asciiDigits(raw.strip());
        String lang = session != null ? session.lang() : null;
        if (text.length() > Engine.MAX_TEXT) {
            return Outcome.say(texts.text(lang != null ? lang : d.languages().get(0), "sms.too-long"));
        }
        Optional<SmsTexts.Match> kw = texts.keyword(text, lang);
        if (kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.STOP) {
            LOG.info("event=sms.stop had_session={}", session != null);
            return new Outcome(List.of(Segments.plain(texts.text(lang != null ? lang : kw.get().lang(), "sms.stop"))), null, true);
        }
        if (kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.HELP) {
            return Outcome.say(Segments.plain(help(lang != null ? lang : kw.get().lang())));
        }
        Optional<String> named = texts.language(text, d.languages());
        if (session == null) {
            Optional<String> chosen = named.or(() -> menuChoice(text, d.languages()));
            if (chosen.isEmpty()) {
                Optional<String> urgent = urgentIn(d, text);
                if (urgent.isPresent()) {
                    // Danger before a language was chosen: emergency help at once, in the language that read it.
                    LOG.info("event=session.start channel=sms dialog={} lang={} reason=danger", d.id(), urgent.get());
                    return shown(engine.apply(engine.start(d.id(), urgent.get(), false).session(), new Command.Type(text)));
                }
                return Outcome.say(renderer.menu(d.languages(), SmsRenderer.emergency(engine.dialogs().facts())));
            }
            Engine.Turn t = engine.start(d.id(), chosen.get(), false);
            LOG.info("event=session.start channel=sms dialog={} lang={}", d.id(), chosen.get());
            return shown(t);
        }
        if (kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.MENU) {
            return shown(engine.apply(session, new Command.Restart()));
        }
        Reply here = engine.current(session);
        boolean checklist = here.multi();
        if ((kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.BACK) || (text.equals("0") && !checklist)) {
            return shown(engine.apply(session, new Command.Back()));
        }
        if (named.isPresent()) {
            return shown(engine.apply(session, new Command.Lang(named.get())));
        }
        if (NUMBERS.matcher(text).matches()) {
            Outcome wrong = checkNumbers(session, here, text);
            if (wrong != null) {
                return wrong;
            }
        }
        Engine.Turn t;
        try {
            t = engine.apply(session, new Command.Type(text));
        } catch (DialogException e) {
            if (e.code() != ErrorCode.UNKNOWN_CHOICE) {
                throw e;
            }
            return Outcome.say(renderer.blocks(here.withNotice(texts.text(session.lang(), "sms.choose")),
                    !session.history().isEmpty()));
        }
        Optional<Card> search = t.reply().cards().stream().filter(c -> "search".equals(c.type())
                && c.results() != null && !c.results().isEmpty()).findFirst();
        if (search.isPresent()) {
            return new Outcome(List.of(renderer.search(search.get(), session.lang())), t.session(), false);
        }
        return shown(t);
    }

    /**
     * The language in which a first message reads as danger now, if any. Languages are tried in the
     * order of a guess from the message's letters — its script (Arabic, Cyrillic, Ethiopic), or for
     * Latin letters the ones only one language uses (å ø æ, ł ś ż, ș ț ă, é è ç) — then English,
     * then the rest: every reading also checks English words and those of every non-Latin script,
     * so the first language tried is the one the reply is in.
     */
    private Optional<String> urgentIn(Dialog d, String text) {
        List<String> guess = guess(text);
        List<String> order = new ArrayList<>(d.languages());
        order.sort(java.util.Comparator.comparingInt(l -> guess.contains(l) ? guess.indexOf(l) : guess.size()));
        return order.stream().filter(l -> engine.urgent(d.id(), text, l)).findFirst();
    }

    private static List<String> guess(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        for (int c : t.codePoints().filter(Character::isLetter).toArray()) {
            switch (Character.UnicodeScript.of(c)) {
                case ARABIC: return List.of("ar", "fa");
                case CYRILLIC: return t.matches("(?s).*[іїєґ].*") ? List.of("uk", "ru") : List.of("ru", "uk");
                case ETHIOPIC: return List.of("ti", "am");
                default: break;
            }
        }
        for (var marks : List.of(Map.entry("nb", "åøæ"), Map.entry("pl", "łśżźąęćń"), Map.entry("ro", "șțăşţ"),
                Map.entry("fr", "éèçêàùœ"))) {
            if (t.chars().anyMatch(c -> marks.getValue().indexOf(c) >= 0)) {
                return List.of(marks.getKey(), "en");
            }
        }
        return List.of("en");
    }

    /** The service's help, after the emergency numbers in the person's language. */
    private String help(String lang) {
        Map<String, String> numbers = SmsRenderer.emergency(engine.dialogs().facts());
        String help = texts.text(lang, "sms.help");
        return numbers.isEmpty() ? help : texts.text(lang, "sms.sos", numbers) + "\n" + help;
    }

    /** A number that is not one of the choices is asked again, politely, with the choices. */
    private Outcome checkNumbers(Session session, Reply here, String text) {
        int max = here.choices() == null ? 0 : here.choices().size();
        if (max == 0) {
            // Nothing to choose here; an input node takes the number as its answer.
            return here.input() ? null : Outcome.say(renderer.blocks(here, !session.history().isEmpty()));
        }
        List<Integer> picked = new ArrayList<>();
        for (String part : text.split("[\\s,;.]+")) {
            picked.add(Integer.parseInt(part));
        }
        int min = here.multi() ? 0 : 1;
        boolean ok = picked.stream().allMatch(n -> n >= min && n <= max) && (here.multi() || picked.size() == 1);
        if (ok) {
            return null;
        }
        String notice = texts.text(session.lang(), "sms.bad-number", Map.of("max", String.valueOf(max)));
        return Outcome.say(renderer.blocks(here.withNotice(notice), !session.history().isEmpty()));
    }

    private Outcome shown(Engine.Turn t) {
        return new Outcome(renderer.blocks(t.reply(), !t.session().history().isEmpty()), t.session(), false);
    }

    /**
     * Arabic-Indic and Persian digits ("٣", "۳") as ASCII: phones with an Arabic or Persian
     * keyboard send them, and "3" must mean 3 whatever keyboard typed it.
     */
    static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isDigit(c) && c > '9' ? (char) ('0' + Character.digit(c, 10)) : c);
        }
        return b.toString();
    }

    private static Optional<String> menuChoice(String text, List<String> langs) {
        if (!text.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int i = Integer.parseInt(text);
        return i >= 1 && i <= langs.size() ? Optional.of(langs.get(i - 1)) : Optional.empty();
    }
}
