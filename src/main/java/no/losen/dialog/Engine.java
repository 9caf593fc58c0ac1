package no.losen.dialog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.losen.content.Language;
import no.losen.internal.Characters;

/**
 * The dialog engine: a deterministic state machine over an immutable {@link DialogSet}.
 * {@code (Session, Command) → (Session, Reply)}, no I/O, no clock, no Vert.x, so a dialog can
 * be tested without a server and any instance can continue any session.
 */
public final class Engine {

    /** Typed text longer than this is refused: nobody needs more, and it bounds the work per step. */
    public static final int MAX_TEXT = 1000;
    /**
     * Of typed text too long to answer, the characters still read for danger, half its first and half its
     * last: as much as a person pastes (a cry comes first or last in a story), not all that a frame or an SMS
     * body may carry.
     */
    public static final int READ_WHEN_TOO_LONG = 4 * MAX_TEXT;
    /** Of a long text read as danger, the characters its language is told from, half its first and half its last. */
    static final int LANGUAGE_READ = 400;
    /** The language of the official wording (the action card); shown beside bilingual text in any other. */
    static final String OFFICIAL = "nb";
    /** Chained and routed nodes followed in one step; more means a loop in the dialog. */
    private static final int MAX_HOPS = 32;

    /** A step's outcome: the session to keep and the reply to show, which says how many steps lie behind it. */
    public record Turn(Session session, Reply reply) {
        public Turn {
            reply = reply.behind(session.history().size());
        }
    }

    private final DialogSet set;
    private final Map<String, TextAction> actions;
    /**
     * The session variable holding topics offered as choices after typed text ("Did you mean …?", or the
     * best other topic beside emergency help). It lives until the next node is entered.
     */
    public static final String OFFERED = "_offered";

    private final TextMatcher matcher;
    private final Setup setup;
    private final Intents intents;
    private final String variant;
    /** Replies rendered before, for steps that render the same again (see {@link Rendered}). */
    private final Rendered rendered;
    /** Which topic covers a handbook passage, for the links on a search card. */
    private final Coverage coverage;

    public Engine(DialogSet set, Map<String, TextAction> actions) {
        this(set, actions, Intents.NONE, Setup.NONE);
    }

    public Engine(DialogSet set, Map<String, TextAction> actions, Intents intents) {
        this(set, actions, intents, Setup.NONE);
    }

    /**
     * @param intents what free text is about (see {@link Intents})
     * @param setup   how the server is set up, for conditions on {@code setup.*} (see {@link Setup})
     */
    public Engine(DialogSet set, Map<String, TextAction> actions, Intents intents, Setup setup) {
        this(set, Map.copyOf(actions), new TextMatcher(set.translations()), new Coverage(set), intents, setup, null);
    }

    private Engine(DialogSet set, Map<String, TextAction> actions, TextMatcher matcher, Coverage coverage, Intents intents,
                   Setup setup, String variant) {
        this.set = set;
        this.actions = actions;
        this.matcher = matcher;
        this.intents = intents;
        this.setup = setup;
        this.variant = variant;
        this.rendered = new Rendered(set);
        this.coverage = coverage;
    }

    /**
     * The same engine speaking in a channel's text variant: every key is shown in its
     * {@code key.variant} form where the language has one ({@code "sms"}: the SMS channel's short
     * forms). Sessions are the same, so a conversation may move between engines.
     *
     * <p>The variant is a property of the engine a channel holds, not of the session or the
     * reply, so the engine stays channel-neutral (it knows a variant name, not a channel) and
     * the web widget, holding the plain engine, can never show a short form. A node said in its
     * short form (any of its paragraphs came from a variant) keeps only the contacts one can
     * call: a fact card repeats the full text's wording with its source, and a web address
     * costs a line a basic phone cannot open, so the short form states what it needs of them
     * itself; phone numbers always stay (the validator makes a short form keep those it names).
     */
    public Engine withVariant(String variant) {
        return new Engine(set, actions, matcher, coverage, intents, setup, variant);
    }

    /** The text variant this engine shows ({@code "sms"}), or null for full texts. */
    public String variant() {
        return variant;
    }

    public DialogSet dialogs() {
        return set;
    }

    public Setup setup() {
        return setup;
    }

    /** The same dialogs and actions on a server set up otherwise (conversation tests of each variant). */
    public Engine withSetup(Setup other) {
        return new Engine(set, actions, matcher, coverage, intents, other, variant);
    }

    /** What conditions read: the session's variables and the set-up (the latter never enters a session). */
    private Map<String, Object> env(Map<String, Object> vars) {
        return setup.over(vars);
    }

    /** Starts {@code dialogId}; {@code lang} null means the dialog's first language. */
    public Turn start(String dialogId, String lang, boolean staff) {
        Dialog d = set.dialog(dialogId)
                .orElseThrow(() -> new DialogException(ErrorCode.UNKNOWN_DIALOG, "no dialog '" + dialogId + "'"));
        if (d.audience() == Audience.STAFF && !staff) {
            throw new DialogException(ErrorCode.FORBIDDEN, "dialog '" + dialogId + "' is for logged-in staff");
        }
        String l = lang == null ? d.languages().get(0) : lang;
        requireLanguage(d, l);
        Session s = new Session(d.id(), d.start(), l, Map.of(), List.of(), staff);
        return enter(s, d, d.start());
    }

    public Turn apply(Session s, Command c) {
        Dialog d = dialogOf(s);
        if (c instanceof Command.Choose ch) {
            return choose(s, d, ch);
        }
        if (c instanceof Command.Type t) {
            return type(s, d, t.text());
        }
        if (c instanceof Command.Back) {
            return back(s, d);
        }
        if (c instanceof Command.Lang l) {
            requireLanguage(d, l.lang());
            Session moved = s.withLang(l.lang());
            return new Turn(moved, current(moved));
        }
        return enter(new Session(d.id(), d.start(), s.lang(), Map.of(), List.of(), s.staff()), d, d.start());
    }

    /**
     * Whether {@code text}, read as typed in {@code lang}, is about danger now. For a channel that
     * must answer danger before it knows the person's language (a first SMS): nothing is stored.
     */
    public boolean urgent(String dialogId, String text, String lang) {
        Optional<Dialog> d = set.dialog(dialogId);
        return d.isPresent() && !d.get().topics().isEmpty()
                && intents.read(d.get(), text, lang).filter(Reading::dangerous).isPresent();
    }

    /** The language {@code text} is surely written in, as the dialog's examples tell ({@link Intents#language}). */
    public Optional<String> language(String dialogId, String text) {
        return set.dialog(dialogId).flatMap(d -> intents.language(d, text));
    }

    /**
     * Emergency help for {@code text}, when it reads as danger now in session {@code s} (the same
     * check typed text gets in the dialog: the danger words and the danger model): the danger
     * topic's node rendered in the session's language, the session itself unchanged. For text
     * that does not go through the dialog (a message to a counsellor), so danger is still
     * answered at once. Empty when it is not danger, or the dialog has no danger topic.
     */
    public Optional<Reply> danger(Session s, String text) {
        Dialog d = dialogOf(s);
        if (d.topics().isEmpty() || text == null || text.isBlank()) {
            return Optional.empty();
        }
        return intents.read(d, text, s.lang()).filter(Reading::dangerous)
                .map(r -> current(s.at(r.danger(), s.vars())));
    }

    /**
     * Session {@code s} goes to its dialog's emergency help, as typed danger takes it there, without
     * reading anything: for text already known to be danger now (a word of danger, or the danger
     * model's read) at a moment when the whole step cannot run. Empty when the dialog has no danger topic.
     */
    public Optional<Turn> emergency(Session s) {
        Dialog d = dialogOf(s);
        return d.dangerTopic().map(t -> enter(s.remember(), d, t.target()));
    }

    /**
     * As {@link #emergency(Session)} for {@code text} read as danger outside a step (refused while the workers
     * were full, or too long to answer): in the language it was typed in, as a step answers a cry
     * ({@link #inTypedLanguage}); an Arabic cry at the end of a long story in a chat set to Norwegian got the
     * help in Norwegian, the same cry under 1,000 characters in Arabic (an independent tester). The language is
     * told from the text's ends ({@link #LANGUAGE_READ} characters), as much as tells a language.
     */
    public Optional<Turn> emergency(Session s, String text) {
        Dialog d = dialogOf(s);
        return d.dangerTopic().map(t -> enter(inTypedLanguage(s.remember(), d, Characters.ends(text, LANGUAGE_READ)), d,
                t.target()));
    }

    /**
     * Whether {@code text} holds a word of danger now in session {@code s}'s dialog: the word list
     * alone, no model (under a millisecond for 1,000 characters, {@code bench/jmh DangerWordsBench}),
     * for when the full check of {@link #danger} cannot be afforded.
     * Text for which this is true is danger: {@link #danger} and a typed step say so too.
     */
    public boolean dangerWord(Session s, String text) {
        Dialog d = dialogOf(s);
        return !d.topics().isEmpty() && text != null && !text.isBlank() && intents.dangerWord(d, text, s.lang());
    }

    /**
     * A counsellor sends the person back into the dialog at {@code node}: entered as if a choice
     * had led there, so {@code back} returns to where the person was when they asked for a person.
     */
    public Turn handBack(Session s, String node) {
        Dialog d = dialogOf(s);
        node(d, node);
        return enter(s.remember(), d, node);
    }

    /**
     * A short title for each node of {@code dialogId} in {@code lang}, for a counsellor choosing
     * where to send a person back: the node's step name when it has one, else the start of what it
     * says (its first sentence, at most 80 characters), else its id. In the dialog's order.
     */
    public Map<String, String> nodeTitles(String dialogId, String lang) {
        Dialog d = set.dialog(dialogId).orElseThrow(() -> new DialogException(ErrorCode.UNKNOWN_DIALOG,
                "no dialog '" + dialogId + "'"));
        Renderer r = new Renderer(set, d, lang, Map.of(), variant);
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : d.nodes().values()) {
            String title = n.step() != null ? r.text(n.step()) : n.say().isEmpty() ? "" : r.text(n.say().get(0).key());
            title = title.strip().replaceAll("\\s+", " ");
            int stop = title.indexOf(". ");
            if (stop > 0) {
                title = title.substring(0, stop + 1);
            }
            if (title.codePointCount(0, title.length()) > 80) {
                title = new String(title.codePoints().limit(79).toArray(), 0, 79) + "\u2026";
            }
            out.put(n.id(), title.isEmpty() ? n.id() : title);
        }
        return out;
    }

    /** A contact card for fact {@code factId} in {@code lang}, as a node of {@code dialogId} would show it. */
    public Card.Contact contact(String dialogId, String factId, String lang) {
        Dialog d = set.dialog(dialogId).orElseThrow(() -> new DialogException(ErrorCode.UNKNOWN_DIALOG,
                "no dialog '" + dialogId + "'"));
        Renderer r = new Renderer(set, d, lang, Map.of(), variant);
        return new CardRenderer(set, r).contact(factId);
    }

    /** The current node shown again, as after a reconnect or a language switch. */
    public Reply current(Session s) {
        Dialog d = dialogOf(s);
        return render(s, d, List.of(node(d, s.node())), List.of(), null).behind(s.history().size());
    }

    private Turn choose(Session s, Dialog d, Command.Choose c) {
        Node n = node(d, s.node());
        if (c.multi()) {
            if (n.checklist() == null) {
                throw new DialogException(ErrorCode.UNKNOWN_CHOICE, "node '" + n.id() + "' is not a check list");
            }
            List<String> offered = options(n, env(s.vars())).stream().map(Checklist.Option::id).toList();
            for (String id : c.ids()) {
                if (!offered.contains(id)) {
                    throw new DialogException(ErrorCode.UNKNOWN_CHOICE, "no option '" + id + "' at node '" + n.id() + "'");
                }
            }
            List<String> ticked = offered.stream().filter(c.ids()::contains).toList();
            return enter(s.remember().withVar(n.checklist().var(), ticked), d, n.checklist().next());
        }
        String id = c.ids().isEmpty() ? "" : c.ids().get(0);
        Choice ch = choices(d, n, env(s.vars())).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new DialogException(ErrorCode.UNKNOWN_CHOICE,
                        "no choice '" + id + "' at node '" + n.id() + "'"));
        Session before = s.remember();
        Map<String, Object> vars = new LinkedHashMap<>(before.vars());
        vars.putAll(ch.set());
        return enter(before.at(before.node(), vars), d, ch.target());
    }

    /** Typed text of at most {@link #MAX_TEXT} characters as read ({@link Characters}: an emoji is one, a ligature its letters). */
    public static void requireLength(String text) {
        if (text != null && Characters.count(text) > MAX_TEXT) {
            throw new DialogException(ErrorCode.TOO_LONG, "text over " + MAX_TEXT + " characters");
        }
    }

    private Turn type(Session s, Dialog d, String raw) {
        String text = raw == null ? "" : raw.strip();
        requireLength(text);
        Node n = node(d, s.node());
        if (n.checklist() != null) {
            Optional<List<String>> ticked = matcher.ticks(text, options(n, env(s.vars())));
            if (ticked.isPresent()) {
                return choose(s, d, new Command.Choose(ticked.get(), true));
            }
        }
        List<Choice> offered = n.checklist() != null ? d.anywhere() : choices(d, n, env(s.vars()));
        Optional<Choice> picked = matcher.choice(text, offered, new Renderer(set, d, s.lang(), s.vars(), variant));
        if (picked.isPresent()) {
            return choose(s, d, Command.Choose.one(picked.get().id()));
        }
        Optional<Reading> reading = text.isEmpty() || d.topics().isEmpty() ? Optional.empty()
                : intents.read(d, text, s.lang());
        if (reading.isPresent()) {
            Turn t = recognised(s, d, n, reading.get(), text);
            if (t != null) {
                return t;
            }
        } else {
            Optional<Topic> topic = matcher.topic(text, d.topics(), s.lang());
            if (topic.isPresent() && !topic.get().target().equals(n.id())) {
                return enter(s.remember(), d, topic.get().target());
            }
        }
        if (n.input() != null && n.input().var() != null) {
            return enter(s.remember().withVar(n.input().var(), text), d, n.input().next());
        }
        Renderer r = new Renderer(set, d, s.lang(), s.vars(), variant);
        // Text surely about no topic ("good morning", "how do I cook rice") is not searched: the handbook's
        // nearest passages are about something else (an independent tester), and questions the handbook
        // answers are almost never read so (1 of the 115 public handbook questions, 586 of 1,793 off-topic lines).
        boolean noTopic = reading.filter(x -> x.kind() == Reading.Kind.NO_TOPIC).isPresent();
        if (textAction(d, n) == null || text.isEmpty() || noTopic) {
            return new Turn(s, current(s).withNotice(r.text("common.choose-one")));
        }
        Handbook answer = handbook(s, d, n, text, r, List.of(), false);
        if (answer.cards().isEmpty()) {
            return new Turn(s, current(s).withNotice(r.text("common.no-results")));
        }
        return new Turn(answer.session(), render(answer.session(), d, List.of(n), answer.cards(), null)
                .answering(answer.cards()));
    }

    /**
     * Danger first: emergency help, whatever else scored, with the best other topic offered beside it.
     * Then a sure topic is entered, and unsure ones are offered as choices. Null: the text goes on to
     * the node's input or the dialog's text action (the handbook), as text about no topic does.
     */
    private Turn recognised(Session s, Dialog d, Node n, Reading r, String text) {
        if (r.dangerous()) {
            List<String> other = r.guesses().stream().map(Reading.Guess::target)
                    .filter(t -> !t.equals(r.danger())).limit(1).toList();
            // Below the help, the handbook's answer: a question read as danger gets it too ("my sister's
            // husband beats her, can she stay if she leaves him?": 25 of the 115 public handbook questions
            // read as danger, and got the numbers alone).
            Session from = inTypedLanguage(s.remember(), d, text);
            Handbook answer = handbook(from, d, n, text, new Renderer(set, d, from.lang(), from.vars(), variant), other, true);
            List<String> offered = answer.offered().stream().filter(t -> !t.equals(r.danger())).toList();
            return enter(from, d, r.danger(), offered, answer.cards());
        }
        List<String> targets = r.guesses().stream().map(Reading.Guess::target).toList();
        if (r.kind() == Reading.Kind.SURE && !targets.isEmpty()) {
            return targets.get(0).equals(n.id()) ? null : enter(s.remember(), d, targets.get(0));
        }
        if (r.kind() == Reading.Kind.NO_TOPIC) {
            return null;
        }
        // Not sure: a topic keyword, written by a person for exactly this, decides before the offer.
        Optional<Topic> keyword = matcher.topic(text, d.topics(), s.lang());
        if (keyword.isPresent() && !keyword.get().target().equals(n.id())) {
            return enter(s.remember(), d, keyword.get().target());
        }
        boolean keepsText = n.checklist() != null || n.input() != null && n.input().var() != null;
        List<String> offer = targets.stream().filter(t -> !t.equals(n.id())).toList();
        if (r.kind() == Reading.Kind.UNSURE && !keepsText && !offer.isEmpty()) {
            Renderer words = new Renderer(set, d, s.lang(), s.vars(), variant);
            Handbook answer = handbook(s, d, n, text, words, offer, false);
            return new Turn(answer.session(), render(answer.session(), d, List.of(n), answer.cards(), null)
                    .answering(answer.cards()).withNotice(words.text("common.did-you-mean")));
        }
        return null;
    }

    /**
     * The session in the language a cry was typed in, when that is written in another script than the
     * session's language and the dialog's examples surely tell which language it is: an Arabic cry in a widget
     * set to Norwegian got the emergency help in Norwegian (an independent tester), as a first SMS already
     * gets it in the language that read it. Another script is near-certain evidence; within one script
     * (French and Somali, Russian and Ukrainian) a guess can be wrong, and the session's language stays.
     */
    private Session inTypedLanguage(Session s, Dialog d, String text) {
        Character.UnicodeScript typed = Language.script(text);
        if (typed == null || typed == script(s.lang())) {
            return s;
        }
        return intents.language(d, text).filter(l -> !l.equals(s.lang()) && d.offers(l) && typed == script(l))
                .map(s::withLang).orElse(s);
    }

    private Character.UnicodeScript script(String lang) {
        return set.translations().language(lang).map(Language::script).orElse(null);
    }

    /** What the handbook answered: its card (none when it found nothing), the topics offered, and the session offering them. */
    private record Handbook(Session session, List<String> offered, List<Card> cards) {
    }

    /**
     * The handbook's answer to typed text, each passage linked to the topic that covers it ({@link Coverage});
     * the session offers {@code offer} and those topics as choices, so a link is a choice like any other.
     * {@code atOnce}: beside the emergency help, found without waiting on a model endpoint.
     */
    private Handbook handbook(Session s, Dialog d, Node n, String text, Renderer r, List<String> offer, boolean atOnce) {
        TextAction a = textAction(d, n);
        List<Card.Hit> hits = a == null ? List.of() : atOnce ? a.answerAtOnce(text, s.lang()) : a.answer(text, s.lang());
        List<String> offered = new ArrayList<>(offer);
        List<Card.Hit> linked = new ArrayList<>(hits.size());
        for (Card.Hit h : hits) {
            Optional<Topic> t = coverage.of(d, h).filter(x -> !x.target().equals(n.id()));
            if (t.isPresent() && !offered.contains(t.get().target())) {
                offered.add(t.get().target());
            }
            linked.add(t.map(x -> h.withTopic(new Card.Link(x.target(), r.text(x.label())))).orElse(h));
        }
        Session held = offered.isEmpty() ? s : s.withVar(OFFERED, List.copyOf(offered));
        return new Handbook(held, List.copyOf(offered), hits.isEmpty() ? List.of()
                : List.of(new Card.Search(r.text("common.search.title"), r.text("common.search.caution"), linked)));
    }

    /** The action typed text goes to at {@code n}: the node's own, else the dialog's (the handbook); null when none. */
    private TextAction textAction(Dialog d, Node n) {
        String action = n.input() != null ? n.input().action() : d.textAction();
        return action == null ? null : actions.get(action);
    }

    private Turn back(Session s, Dialog d) {
        if (s.history().isEmpty()) {
            return new Turn(s, current(s));
        }
        List<Session.Step> h = s.history().subList(0, s.history().size() - 1);   // copied once, by the session
        Session.Step last = s.history().get(s.history().size() - 1);
        Session prev = new Session(s.dialog(), last.node(), s.lang(), last.vars(), h, s.staff());
        Node n = node(d, prev.node());
        // Back to a check list: its variable is undone, but the ticks are offered again so a change is one tap.
        Object ticked = n.checklist() == null ? null : s.vars().get(n.checklist().var());
        return new Turn(prev, render(prev, d, List.of(n), List.of(), ticked));
    }

    /** Moves to {@code target}, following routers and {@code next} chains, and renders what was passed. */
    private Turn enter(Session s, Dialog d, String target) {
        return enter(s, d, target, List.of());
    }

    /** … with {@code offered} topics shown as choices at the node reached. */
    private Turn enter(Session s, Dialog d, String target, List<String> offered) {
        return enter(s, d, target, offered, List.of());
    }

    /** … and {@code extra} cards (the handbook's answer) after the node's own. */
    private Turn enter(Session s, Dialog d, String target, List<String> offered, List<Card> extra) {
        Map<String, Object> vars = new LinkedHashMap<>(s.vars());
        vars.remove(OFFERED);
        List<Node> shown = new ArrayList<>();
        String id = target;
        for (int hop = 0; ; hop++) {
            if (hop > MAX_HOPS) {
                throw new DialogException(ErrorCode.INTERNAL, "dialog '" + d.id() + "' loops at node '" + id + "'");
            }
            Node n = node(d, id);
            vars.putAll(n.set());
            if (!n.route().isEmpty()) {
                String from = id;
                Map<String, Object> now = env(vars);
                id = n.route().stream().filter(r -> r.when().test(now)).map(Route::target).findFirst()
                        .orElseThrow(() -> new DialogException(ErrorCode.INTERNAL,
                                "no route taken at node '" + from + "' of dialog '" + d.id() + "'"));
                continue;
            }
            shown.add(n);
            if (n.next() == null) {
                break;
            }
            id = n.next();
        }
        if (!offered.isEmpty()) {
            vars.put(OFFERED, offered);
        }
        Session moved = s.at(id, vars);
        return new Turn(moved, render(moved, d, shown, extra, null));
    }

    private Reply render(Session s, Dialog d, List<Node> shown, List<Card> extra, Object ticked) {
        if (!extra.isEmpty()) {
            return draw(s, d, shown, extra, ticked);
        }
        return rendered.get(d, shown, s, ticked, () -> draw(s, d, shown, extra, ticked));
    }

    /** Renders a reply: what {@link #render} does when it has not been rendered before. */
    private Reply draw(Session s, Dialog d, List<Node> shown, List<Card> extra, Object ticked) {
        Node last = shown.get(shown.size() - 1);
        Map<String, Object> env = env(s.vars());
        Renderer r = new Renderer(set, d, s.lang(), s.vars(), variant);
        CardRenderer cards = new CardRenderer(set, r);
        List<String> paragraphs = new ArrayList<>();
        List<Card> cardList = new ArrayList<>();
        List<List<CardSpec>> specs = new ArrayList<>();
        for (Node n : shown) {
            int before = r.variants();
            paragraphs.addAll(say(r, n.say(), env));
            boolean shortForm = r.variants() > before;
            List<CardSpec> kept = new ArrayList<>(n.cards().size());
            for (CardSpec c : n.cards()) {
                if (!shortForm || keptWhenShort(c)) {
                    kept.add(c);
                    cardList.add(cards.card(c, env));
                }
            }
            specs.add(kept);
        }
        cardList.addAll(extra);
        List<Reply.Option> opts;
        List<String> selected = null;
        // Plain loops rather than streams: this runs at every step (bench/step-cpu).
        if (last.checklist() != null) {
            List<Checklist.Option> offered = options(last, env);
            Reply.Option[] o = new Reply.Option[offered.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = new Reply.Option(offered.get(i).id(), r.text(offered.get(i).label()));
            }
            opts = List.of(o);
            Object v = s.vars().get(last.checklist().var());
            Object shownTicks = v != null ? v : ticked;
            if (shownTicks instanceof List<?> l) {
                String[] ids = new String[l.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = String.valueOf(l.get(i));
                }
                selected = List.of(ids);
            } else {
                selected = List.of();
            }
        } else {
            List<Choice> offered = choices(d, last, env);
            Reply.Option[] o = new Reply.Option[offered.size()];
            List<String> answered = null;
            for (int i = 0; i < o.length; i++) {
                Choice c = offered.get(i);
                o[i] = new Reply.Option(c.id(), r.text(c.label()));
                if (holds(c.set(), s.vars())) {
                    if (answered == null) {
                        answered = new ArrayList<>(1);
                    }
                    answered.add(c.id());
                }
            }
            opts = List.of(o);
            selected = answered == null ? null : List.copyOf(answered);
        }
        Reply.Alt alt = null;
        Reply.Alt official = null;
        boolean bilingual = false;
        for (Node n : shown) {
            bilingual |= n.bilingual();
        }
        if (bilingual) {
            Object resident = s.vars().get("resident_lang");
            if (resident != null && !resident.equals(s.lang())) {
                alt = alt(s, d, shown, specs, String.valueOf(resident), cardList);
            }
            if (!s.lang().equals(OFFICIAL) && !OFFICIAL.equals(resident)) {
                official = alt(s, d, shown, specs, OFFICIAL, cardList);
            }
        }
        Reply.Builder reply = Reply.at(d.id(), last.id(), s.lang(), dir(s.lang()))
                .text(String.join("\n\n", paragraphs))
                .choices(opts)
                .input(last.input() != null)
                .cards(List.copyOf(cardList))   // a reply may be shared between conversations: nothing in it changes
                .end(last.end())
                .draft(r.draft() || (alt != null && alt.draft()))
                .alts(alt, official)
                .step(last.step() == null ? null : r.text(last.step()))
                .fallbacks(r.fallbacks());
        return last.checklist() != null ? reply.checklist(selected).build() : reply.answered(selected).build();
    }

    /**
     * Whether the session holds every value {@code set} would set: the choice is the answer given
     * here before (a node revisited from an overview). A choice that sets nothing is never one.
     */
    private static boolean holds(Map<String, Object> set, Map<String, Object> vars) {
        if (set.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            Object v = vars.get(e.getKey());
            if (v == null || !String.valueOf(v).equals(String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bilingual nodes' paragraphs in another language; their printable cards in {@code cards}
     * (shown from {@code specs}, per node) get the same language attached, so a slip prints in both.
     */
    private Reply.Alt alt(Session s, Dialog d, List<Node> shown, List<List<CardSpec>> specs, String lang,
                          List<Card> cards) {
        Renderer r = new Renderer(set, d, lang, s.vars(), variant);
        CardRenderer cr = new CardRenderer(set, r);
        Map<String, Object> env = env(s.vars());
        List<String> paragraphs = new ArrayList<>();
        int i = 0;
        for (int k = 0; k < shown.size(); k++) {
            Node n = shown.get(k);
            if (n.bilingual()) {
                paragraphs.addAll(say(r, n.say(), env));
            }
            for (CardSpec spec : specs.get(k)) {
                if (n.bilingual() && cards.get(i) instanceof Card.Print c) {
                    Card.Print other = cr.print(spec, env);
                    Card.Alt a = new Card.Alt(lang, dir(lang), other.title(), other.items());
                    cards.set(i, lang.equals(OFFICIAL) ? c.withAlts(c.alt(), a) : c.withAlts(a, c.official()));
                }
                i++;
            }
        }
        return new Reply.Alt(lang, dir(lang), String.join("\n\n", paragraphs), r.draft() || !r.fallbacks().isEmpty());
    }

    /** In a node said short, the cards that stay: printable cards and the contacts one can call. */
    private boolean keptWhenShort(CardSpec c) {
        if (c.type().equals("print")) {
            return true;
        }
        return c.type().equals("contact") && set.facts().find(c.ref()).map(f -> "phone".equals(f.kind())).orElse(true);
    }

    private String dir(String lang) {
        return set.translations().language(lang).map(l -> l.dir()).orElse("ltr");
    }

    static List<String> say(Renderer r, List<Say> items, Map<String, Object> vars) {
        List<String> out = new ArrayList<>();
        for (Say item : items) {
            if (item.when().test(vars)) {
                String t = r.text(item.key(), item.params());
                if (!t.isBlank()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The node's choices that hold now, then the dialog's everywhere-choices (not the one leading here). */
    private static List<Choice> choices(Dialog d, Node n, Map<String, Object> vars) {
        // Plain loops: this runs at every step, and its streams were 40 % of the bytes a step allocated (JFR of bench/jmh).
        List<Choice> out = new ArrayList<>(n.choices().size() + d.anywhere().size() + 3);
        Set<String> ids = new HashSet<>();
        if (vars.get(OFFERED) instanceof List<?> offered) {
            for (Object target : offered) {
                for (Topic t : d.topics()) {
                    if (t.target().equals(target) && t.label() != null) {
                        if (ids.add(t.target())) {
                            out.add(new Choice(t.target(), t.label(), t.target(), Map.of(), Condition.ALWAYS, t.at(),
                                    t.targetAt()));
                        }
                        break;
                    }
                }
            }
        }
        for (Choice c : n.choices()) {
            if (c.when().test(vars) && ids.add(c.id())) {
                out.add(c);
            }
        }
        for (Choice c : d.anywhere()) {
            if (c.when().test(vars) && !c.target().equals(n.id()) && ids.add(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Checklist.Option> options(Node n, Map<String, Object> vars) {
        List<Checklist.Option> out = new ArrayList<>(n.checklist().options().size());
        for (Checklist.Option o : n.checklist().options()) {
            if (o.when().test(vars)) {
                out.add(o);
            }
        }
        return out;
    }

    private Dialog dialogOf(Session s) {
        return set.dialog(s.dialog())
                .orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION, "the session's dialog is gone"));
    }

    private static Node node(Dialog d, String id) {
        return d.node(id).orElseThrow(() -> new DialogException(ErrorCode.NO_SESSION,
                "node '" + id + "' is no longer in dialog '" + d.id() + "'"));
    }

    private static void requireLanguage(Dialog d, String lang) {
        if (!d.offers(lang)) {
            throw new DialogException(ErrorCode.UNKNOWN_LANGUAGE,
                    "dialog '" + d.id() + "' is not offered in '" + lang + "'; it is in " + d.languages());
        }
    }
}
