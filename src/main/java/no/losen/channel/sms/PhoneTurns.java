package no.losen.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.dialog.Card;
import no.losen.dialog.Command;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.internal.Characters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one message typed on a phone does to its conversation, before any channel decides how
 * it looks: the language menu at first contact, the keywords (HELP, MENU, STOP, BACK, a
 * language) in every language at once, numbered choices, choices by their words, free text to
 * the dialog. SMS and WhatsApp both read messages this way, so a person gets the same dialog
 * and the same keywords on either; each channel only supplies its {@link Looks}. Pure: no store,
 * no I/O (the step service loads and saves around it).
 *
 * @param <T> what the channel sends for a turn (SMS text blocks, WhatsApp messages)
 */
public final class PhoneTurns<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneTurns.class);
    private static final Pattern NUMBERS = Pattern.compile("\\d{1,3}([\\s,;.]+\\d{1,3})*");

    /** How a channel shows each kind of answer. */
    public interface Looks<T> {
        /** A node (with its notice, if any); {@code canGoBack}: "0" would go back. */
        T node(Reply reply, boolean canGoBack);

        /**
         * The first-contact language menu, under the emergency numbers ({@code police},
         * {@code ambulance}; empty when the content lacks them): a person in danger may get no further.
         */
        T menu(List<String> langs, Map<String, String> emergency);

        /** One fixed line of the channel's words (help, stop, too long). */
        T words(String text);

        /** The best handbook passage for typed text. */
        T search(Card.Search card, String lang);
    }

    /** What one inbound message does: what to send, and what becomes of the stored session. */
    public record Turn<T>(T shown, Session keep, boolean erase) {
        static <T> Turn<T> say(T shown) {
            return new Turn<>(shown, null, false);
        }
    }

    private final Engine engine;
    private final String dialogId;
    private final SmsTexts texts;
    private final Looks<T> looks;
    private final String channel;

    /**
     * @param engine   the engine the channel speaks through (SMS: its short variant)
     * @param dialogId the dialog a new conversation starts
     * @param channel  the channel's name, for the one log line a start writes
     */
    public PhoneTurns(Engine engine, String dialogId, SmsTexts texts, Looks<T> looks, String channel) {
        this.engine = engine;
        this.dialogId = dialogId;
        this.texts = texts;
        this.looks = looks;
        this.channel = channel;
    }

    /**
     * One message against the phone's session (null: none yet). A session whose dialog or node is
     * gone (new content since) is dropped and the phone starts afresh.
     */
    public Turn<T> step(Session session, String raw) {
        try {
            return stepIn(session, raw);
        } catch (DialogException e) {
            if (session == null || e.code() != ErrorCode.NO_SESSION) {
                throw e;
            }
            LOG.info("event={}.session.stale", channel);
            Turn<T> fresh = stepIn(null, raw);
            return new Turn<>(fresh.shown(), fresh.keep(), fresh.keep() == null);
        }
    }

    /**
     * A choice picked by its id (a WhatsApp button or list row). An id that is not a choice of
     * the node the session is at (an old button tapped again) shows the node again with "choose
     * one of these"; the dialog does not move.
     */
    public Turn<T> choose(Session session, String choiceId) {
        Reply here = engine.current(session);
        boolean offered = here.choices() != null && here.choices().stream().anyMatch(o -> o.id().equals(choiceId));
        if (!offered || here.multi()) {
            return Turn.say(looks.node(here.withNotice(texts.text(session.lang(), "sms.choose")),
                    !session.history().isEmpty()));
        }
        return shown(engine.apply(session, new Command.Choose(List.of(choiceId), false)));
    }

    /** The dialog a new conversation starts, or {@code unavailable} when it is not loaded. */
    public Dialog start() {
        return engine.dialogs().dialog(dialogId).orElseThrow(() ->
                new DialogException(ErrorCode.UNAVAILABLE, "the dialog '" + dialogId + "' is not loaded"));
    }

    private Turn<T> stepIn(Session session, String raw) {
        Dialog start = start();
        // A session keeps its own dialog even if LOSEN_SMS_DIALOG changed since it began.
        Dialog d = session == null ? start : engine.dialogs().dialog(session.dialog()).orElseThrow(() ->
                new DialogException(ErrorCode.NO_SESSION, "the session's dialog is gone"));
        String text = asciiDigits(raw.strip());
        String lang = session != null ? session.lang() : null;
        if (Characters.count(text) > Engine.MAX_TEXT) {
            // Too long to answer, never to read for danger: a cry at the end of a long story gets the emergency help.
            // Else, in a conversation, "too long" in its language; as a first message, the language menu under
            // the numbers to call, as any first message that names no language gets (a Norwegian "too long, or
            // reply with a number" with no number to reply with was all an Arabic speaker got: an independent tester).
            return urgentHelp(session, d, Characters.ends(text, Engine.READ_WHEN_TOO_LONG)).map(this::shown).orElseGet(() ->
                    Turn.say(session == null ? looks.menu(d.languages(), emergency(engine.dialogs().facts()))
                            : looks.words(texts.text(lang, "sms.too-long"))));
        }
        Optional<SmsTexts.Match> kw = texts.keyword(text, lang);
        if (kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.STOP) {
            LOG.info("event={}.stop had_session={}", channel, session != null);
            return new Turn<>(looks.words(Segments.plain(texts.text(lang != null ? lang : kw.get().lang(), "sms.stop"))),
                    null, true);
        }
        if (kw.isPresent() && kw.get().keyword() == SmsTexts.Keyword.HELP) {
            return Turn.say(looks.words(Segments.plain(help(lang != null ? lang : kw.get().lang()))));
        }
        Optional<String> named = texts.language(text, d.languages());
        if (session == null) {
            Optional<String> chosen = named.or(() -> menuChoice(text, d.languages()));
            if (chosen.isEmpty()) {
                Optional<String> urgent = urgentIn(d, text);
                if (urgent.isPresent()) {
                    // Danger before a language was chosen: emergency help at once, in the language that read it.
                    logStart(d, urgent.get());
                    return shown(engine.apply(engine.start(d.id(), urgent.get(), false).session(), new Command.Type(text)));
                }
                return Turn.say(looks.menu(d.languages(), emergency(engine.dialogs().facts())));
            }
            Engine.Turn t = engine.start(d.id(), chosen.get(), false);
            logStart(d, chosen.get());
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
            Turn<T> wrong = checkNumbers(session, here, text);
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
            return Turn.say(looks.node(here.withNotice(texts.text(session.lang(), "sms.choose")),
                    !session.history().isEmpty()));
        }
        // The handbook's answer in place of the message where the conversation stayed; where it moved (to the
        // emergency help, which carries the answer below it on the web), the message: a text message is short.
        for (Card c : t.reply().cards()) {
            if (c instanceof Card.Search k && k.results() != null && !k.results().isEmpty()
                    && t.session().node().equals(session.node())) {
                return new Turn<>(looks.search(k, session.lang()), t.session(), false);
            }
        }
        return shown(t);
    }

    /**
     * The emergency help for {@code raw} when it reads as danger now, for a message that could not be answered
     * in its turn (the text workers were full, or it waited): in the session's language or, before one (null),
     * the one that read it, as {@link #step} answers it. Empty when it is not danger, or it is a keyword, a
     * language or a number, which {@link #step} reads as such and never as danger.
     */
    public Optional<Turn<T>> urgent(Session session, String raw) {
        String text = asciiDigits(raw.strip());
        String lang = session != null ? session.lang() : null;
        Optional<Dialog> d = session == null ? Optional.of(start()) : engine.dialogs().dialog(session.dialog());
        if (d.isEmpty() || texts.keyword(text, lang).isPresent() || texts.language(text, d.get().languages()).isPresent()
                || NUMBERS.matcher(text).matches()) {
            return Optional.empty();
        }
        return urgentHelp(session, d.get(), Characters.ends(text, Engine.READ_WHEN_TOO_LONG)).map(this::shown);
    }

    /**
     * One line per conversation started, the same whatever started it: a line saying a message was about
     * danger, timed to the millisecond, told anyone holding the SMS provider's records which number wrote
     * about danger (an independent tester).
     */
    private void logStart(Dialog d, String lang) {
        LOG.info("event=session.start channel={} dialog={} lang={}", channel, d.id(), lang);
    }

    /** The emergency help for {@code text} when it reads as danger now, in the session's language or, before one, the one that read it. */
    private Optional<Engine.Turn> urgentHelp(Session session, Dialog d, String text) {
        if (session != null) {
            return engine.urgent(session.dialog(), text, session.lang()) ? engine.emergency(session, text) : Optional.empty();
        }
        return urgentIn(d, text).flatMap(l -> {
            logStart(d, l);
            return engine.emergency(engine.start(d.id(), l, false).session());
        });
    }

    /**
     * The language in which a first message reads as danger now, if any. Languages are tried in the
     * order of a guess — the language the message is written in when the dialog's examples tell it surely
     * ({@link Engine#language}, learnt once beside the start for every channel), else one from its letters — then the rest: every reading also checks English words and
     * those of every non-Latin script, so the first language tried is the one the reply is in.
     */
    private Optional<String> urgentIn(Dialog d, String text) {
        List<String> guess = engine.language(d.id(), text).map(List::of).orElseGet(() -> byLetters(text));
        List<String> order = new ArrayList<>(d.languages());
        order.sort(java.util.Comparator.comparingInt(l -> guess.contains(l) ? guess.indexOf(l) : guess.size()));
        return order.stream().filter(l -> engine.urgent(d.id(), text, l)).findFirst();
    }

    /**
     * A guess from the message's letters alone: its script (Arabic, Cyrillic, Ethiopic), or for Latin
     * letters the ones only one language uses (å ø æ, ł ś ż, ș ț ă, é è ç), then English.
     */
    private static List<String> byLetters(String text) {
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

    /**
     * The numbers to call in danger now, from the facts ({@code {police}}, {@code {ambulance}} in the
     * channel's words); empty when the content lacks either fact (then no line names them).
     */
    public static Map<String, String> emergency(no.losen.content.Facts facts) {
        var police = facts.find("police-emergency");
        var ambulance = facts.find("ambulance");
        return police.isEmpty() || ambulance.isEmpty() ? Map.of()
                : Map.of("police", police.get().value(), "ambulance", ambulance.get().value());
    }

    /** The service's help, after the emergency numbers in the person's language. */
    private String help(String lang) {
        Map<String, String> numbers = emergency(engine.dialogs().facts());
        String help = texts.text(lang, "sms.help");
        return numbers.isEmpty() ? help : texts.text(lang, "sms.sos", numbers) + "\n" + help;
    }

    /** A number that is not one of the choices is asked again, politely, with the choices. */
    private Turn<T> checkNumbers(Session session, Reply here, String text) {
        int max = here.choices() == null ? 0 : here.choices().size();
        if (max == 0) {
            // Nothing to choose here; an input node takes the number as its answer.
            return here.input() ? null : Turn.say(looks.node(here, !session.history().isEmpty()));
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
        return Turn.say(looks.node(here.withNotice(notice), !session.history().isEmpty()));
    }

    private Turn<T> shown(Engine.Turn t) {
        return new Turn<>(looks.node(t.reply(), !t.session().history().isEmpty()), t.session(), false);
    }

    /**
     * Arabic-Indic and Persian digits ("٣", "۳") as ASCII: phones with an Arabic or Persian
     * keyboard send them, and "3" must mean 3 whatever keyboard typed it.
     */
    public static String asciiDigits(String s) {
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
