package no.losen.dialog.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.content.Examples;
import no.losen.content.Fact;
import no.losen.content.Origin;
import no.losen.content.PluralRules;
import no.losen.content.Text;
import no.losen.content.Translations;
import no.losen.dialog.CardSpec;
import no.losen.dialog.Choice;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Node;
import no.losen.dialog.Setup;
import no.losen.dialog.Say;

/**
 * The checks that span files: references between nodes, facts and translations; reachability;
 * dead ends; and how complete each language is. nb and en must be complete (they are the
 * fallback chain); other languages are counted, so a coordinator sees what is left.
 */
public final class Validator {

    /** Keys the engine itself shows (notices, search card, unanswered summary points). */
    public static final List<String> ENGINE_KEYS = List.of("common.choose-one", "common.no-results", "common.search.title",
            "common.search.caution", "common.not-answered", "common.none-ticked", "common.did-you-mean");
    private static final List<String> REQUIRED_LANGUAGES = List.of("nb", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(@?)([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_-]+))?}");
    // Compiled once: the checks below run for every text of every language (some 20,000) and every
    // example (some 7,000) at each start-up.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PLURAL_WRITTEN = Pattern.compile(",\\s*plural,");
    private static final Pattern OTHER_FORM = Pattern.compile("\\bother\\s*\\{");
    private static final Set<String> FACT_FIELDS = Set.of("value", "tel", "url", "name", "checked");

    record Result(List<Problem> problems, List<Coverage> coverage) {
    }

    private final DialogSet set;
    private final List<Problem> problems = new ArrayList<>();

    Validator(DialogSet set) {
        this.set = set;
    }

    Result validate() {
        List<Coverage> coverage = new ArrayList<>();
        for (Dialog d : set.dialogs().values()) {
            references(d);
            reachability(d);
            variables(d);
            coverage.addAll(languages(d));
        }
        placeholders();
        examples();
        return new Result(problems, coverage);
    }

    /** Fewest examples a topic should have in a language: the fallback languages carry the most weight. */
    public static int minimumExamples(String lang) {
        return REQUIRED_LANGUAGES.contains(lang) ? 30 : 12;
    }

    /**
     * Example files name topics of their dialog (or {@code none}); a message listed under two topics
     * teaches the classifier both, so it is an error; too few examples for a topic is a warning, and so
     * are examples of a dialog this content does not serve (they are simply not used).
     */
    private void examples() {
        for (var byDialog : set.examples().byDialog().entrySet()) {
            Dialog d = set.dialogs().get(byDialog.getKey());
            if (d == null) {
                // A warning: content put together from parts (tests, a site without that dialog) may carry them.
                byDialog.getValue().values().forEach(f -> problems.add(Problem.warning(f.at(),
                        "examples for dialog '" + byDialog.getKey() + "', which does not exist; they are not used")));
                continue;
            }
            Set<String> topics = new LinkedHashSet<>();
            d.topics().forEach(t -> topics.add(t.target()));
            Map<String, Examples.Example> firstUnder = new LinkedHashMap<>();
            Map<String, String> topicOf = new LinkedHashMap<>();
            for (Examples.ExampleFile f : byDialog.getValue().values()) {
                if (!d.offers(f.lang())) {
                    problems.add(Problem.warning(f.at(), "dialog '" + d.id() + "' is not offered in '" + f.lang() + "'"));
                }
                for (var e : f.topics().entrySet()) {
                    String topic = e.getKey();
                    if (!topic.equals(Examples.NONE) && !topics.contains(topic)) {
                        problems.add(Problem.error(e.getValue().isEmpty() ? f.at() : e.getValue().get(0).at(), "'" + topic
                                + "' is not a topic of dialog '" + d.id() + "' (topics go to " + topics + ", or use none)"));
                        continue;
                    }
                    for (Examples.Example ex : e.getValue()) {
                        String key = fold(ex.text());
                        String before = topicOf.putIfAbsent(key, topic);
                        if (before == null) {
                            firstUnder.put(key, ex);
                        } else if (!before.equals(topic)) {
                            problems.add(Problem.error(ex.at(), "example under '" + topic + "' is also under '" + before
                                    + "' at " + firstUnder.get(key).at() + ": an example belongs to one topic"));
                        } else if (firstUnder.get(key).at().file().equals(ex.at().file())) {
                            problems.add(Problem.warning(ex.at(), "example is listed twice under '" + topic + "' (also at "
                                    + firstUnder.get(key).at() + ")"));
                        }
                    }
                }
                for (String topic : topics) {
                    int n = f.count(topic);
                    if (n < minimumExamples(f.lang())) {
                        problems.add(Problem.warning(f.at(), f.lang() + ": " + n + " examples for topic '" + topic
                                + "' (at least " + minimumExamples(f.lang()) + ")"));
                    }
                }
            }
            if (!byDialog.getValue().isEmpty()) {
                d.languages().stream().filter(l -> !byDialog.getValue().containsKey(l)).forEach(l -> problems.add(
                        Problem.warning(d.at(), "dialog '" + d.id() + "' has no examples in '" + l + "' (translations/"
                                + d.id() + "/examples/" + l + ".yaml); typed text in it is recognised from the other languages")));
                d.topics().stream().filter(t -> t.label() == null).forEach(t -> problems.add(Problem.warning(t.at(),
                        "topic '" + t.target() + "' has no label, so it cannot be offered as a choice (\"Did you mean …?\")")));
            }
        }
    }

    /** Two examples are the same when they differ only in case, accents, spacing or punctuation. */
    static String fold(String s) {
        String n = java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD);
        return NOT_WORD.matcher(MARKS.matcher(n).replaceAll("")).replaceAll(" ").strip();
    }

    private void references(Dialog d) {
        if (d.topics().stream().filter(t -> t.danger() != null).count() > 1) {
            problems.add(Problem.error(d.at(), "dialog '" + d.id() + "' marks more than one topic as danger"));
        }
        if (d.node(d.start()).isEmpty()) {
            problems.add(Problem.error(d.at(), "start node '" + d.start() + "' does not exist"));
        }
        d.anywhere().forEach(c -> target(d, c.target(), c.targetAt()));
        d.topics().forEach(t -> target(d, t.target(), t.targetAt()));
        for (Node n : d.nodes().values()) {
            Set<String> ids = new HashSet<>();
            for (Choice c : n.choices()) {
                target(d, c.target(), c.targetAt());
                if (!ids.add(c.id())) {
                    problems.add(Problem.error(c.at(), "choice id '" + c.id() + "' is used twice in node '" + n.id() + "'"));
                }
            }
            if (n.checklist() != null) {
                target(d, n.checklist().next(), n.checklist().at());
                Set<String> opts = new HashSet<>();
                n.checklist().options().stream().filter(o -> !opts.add(o.id())).forEach(o -> problems.add(
                        Problem.error(o.at(), "option id '" + o.id() + "' is used twice in node '" + n.id() + "'")));
            }
            if (n.input() != null && n.input().next() != null) {
                target(d, n.input().next(), n.input().at());
            }
            n.route().forEach(r -> target(d, r.target(), r.targetAt()));
            if (!n.route().isEmpty() && !n.route().get(n.route().size() - 1).when().toString().isEmpty()) {
                problems.add(Problem.warning(n.route().get(n.route().size() - 1).at(),
                        "the last route of node '" + n.id() + "' has a condition; add a branch without 'if' so one is always taken"));
            }
            if (n.next() != null) {
                target(d, n.next(), n.at());
            }
            for (CardSpec c : n.cards()) {
                if (!c.type().equals("print")) {
                    fact(c.ref(), c.at());
                }
                c.contacts().forEach(id -> fact(id, c.at()));
            }
            boolean way = !n.choices().isEmpty() || n.checklist() != null || n.input() != null || !n.route().isEmpty()
                    || n.next() != null;
            if (!way && !n.end()) {
                problems.add(Problem.error(n.at(), "node '" + n.id() + "' is a dead end: give it choices, a next "
                        + "node, input, a route, or 'end: true'"));
            }
        }
    }

    private void target(Dialog d, String id, Origin at) {
        if (d.node(id).isEmpty()) {
            problems.add(Problem.error(at, "no node '" + id + "' in dialog '" + d.id() + "'"));
        }
    }

    private void fact(String id, Origin at) {
        if (set.facts().find(id).isEmpty()) {
            problems.add(Problem.error(at, "no fact '" + id + "' in facts/"));
        }
    }

    private void reachability(Dialog d) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(d.start());
        d.anywhere().forEach(c -> todo.add(c.target()));
        d.topics().forEach(t -> todo.add(t.target()));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (seen.add(id)) {
                d.node(id).ifPresent(n -> todo.addAll(n.targets()));
            }
        }
        d.nodes().values().stream().filter(n -> !seen.contains(n.id())).forEach(n -> problems.add(
                Problem.error(n.at(), "node '" + n.id() + "' cannot be reached from '" + d.start() + "'")));
    }

    private void variables(Dialog d) {
        Set<String> known = new HashSet<>(Set.of("resident_lang"));
        d.anywhere().forEach(c -> known.addAll(c.set().keySet()));
        for (Node n : d.nodes().values()) {
            known.addAll(n.set().keySet());
            n.choices().forEach(c -> known.addAll(c.set().keySet()));
            if (n.checklist() != null) {
                known.add(n.checklist().var());
            }
            if (n.input() != null && n.input().var() != null) {
                known.add(n.input().var());
            }
        }
        known.stream().filter(v -> v.startsWith(Setup.PREFIX)).forEach(v -> problems.add(Problem.error(d.at(),
                "a dialog cannot set '" + v + "': names starting with '" + Setup.PREFIX + "' are the server's set-up")));
        for (Node n : d.nodes().values()) {
            n.route().forEach(r -> unknownVars(r.when().variables(), known, r.at()));
            n.choices().forEach(c -> unknownVars(c.when().variables(), known, c.at()));
            n.say().forEach(s -> unknownVars(s.when().variables(), known, s.at()));
        }
    }

    private void unknownVars(List<String> used, Set<String> known, Origin at) {
        for (String v : used) {
            if (v.startsWith(Setup.PREFIX)) {
                // The server's set-up, not a variable: only the names the server sets exist.
                if (!Setup.known(v)) {
                    problems.add(Problem.error(at, "unknown set-up name '" + v + "' (known: "
                            + new java.util.TreeSet<>(Setup.KNOWN).stream().map(k -> Setup.PREFIX + k).toList() + ")"));
                }
            } else if (!known.contains(v)) {
                problems.add(Problem.warning(at, "variable '" + v + "' is never set in this dialog"));
            }
        }
    }

    private List<Coverage> languages(Dialog d) {
        Map<String, Origin> ui = new LinkedHashMap<>();
        Map<String, Origin> resident = new LinkedHashMap<>();
        ui.put(d.title(), d.at());
        ENGINE_KEYS.forEach(k -> ui.put(k, d.at()));
        d.anywhere().forEach(c -> ui.putIfAbsent(c.label(), c.at()));
        d.topics().stream().filter(t -> t.keywords() != null).forEach(t -> ui.putIfAbsent(t.keywords(), t.at()));
        d.topics().stream().filter(t -> t.label() != null).forEach(t -> ui.putIfAbsent(t.label(), t.at()));
        d.topics().stream().filter(t -> t.danger() != null).forEach(t -> ui.putIfAbsent(t.danger(), t.at()));
        for (Node n : d.nodes().values()) {
            n.say().forEach(s -> say(s, ui));
            n.say().stream().filter(s -> n.bilingual()).forEach(s -> say(s, resident));
            n.choices().forEach(c -> ui.putIfAbsent(c.label(), c.at()));
            if (n.checklist() != null) {
                n.checklist().options().forEach(o -> ui.putIfAbsent(o.label(), o.at()));
            }
            if (n.step() != null) {
                ui.putIfAbsent(n.step(), n.at());
            }
            for (CardSpec c : n.cards()) {
                if (c.type().equals("print")) {
                    ui.putIfAbsent(c.ref(), c.at());
                    if (n.bilingual()) {
                        resident.putIfAbsent(c.ref(), c.at());
                    }
                    c.say().forEach(s -> say(s, ui));
                    if (n.bilingual()) {
                        c.say().forEach(s -> say(s, resident));
                    }
                }
                for (String id : c.contacts()) {
                    // Contacts on a printable card print in every language the card prints in.
                    set.facts().find(id).map(Fact::name).filter(k -> k != null).ifPresent(k -> {
                        ui.putIfAbsent(k, c.at());
                        if (n.bilingual()) {
                            resident.putIfAbsent(k, c.at());
                        }
                    });
                }
                if (!c.type().equals("print")) {
                    set.facts().find(c.ref()).map(Fact::name).filter(k -> k != null).ifPresent(k -> ui.putIfAbsent(k, c.at()));
                }
            }
        }
        List<Coverage> out = new ArrayList<>();
        for (String lang : d.languages()) {
            out.add(coverage(d, lang, ui, REQUIRED_LANGUAGES.contains(lang)));
        }
        for (String lang : d.residentLanguages()) {
            if (!d.languages().contains(lang)) {
                out.add(coverage(d, lang, resident, false));
            }
        }
        for (String lang : REQUIRED_LANGUAGES) {
            if (!d.languages().contains(lang)) {
                problems.add(Problem.error(d.at(), "dialog '" + d.id() + "' must be offered in " + lang));
            }
        }
        return out;
    }

    private static void say(Say s, Map<String, Origin> into) {
        into.putIfAbsent(s.key(), s.at());
        s.params().values().forEach(k -> into.putIfAbsent(k, s.at()));
    }

    private Coverage coverage(Dialog d, String lang, Map<String, Origin> needed, boolean required) {
        Translations tr = set.translations();
        if (tr.language(lang).isEmpty()) {
            problems.add(Problem.error(d.at(), "dialog '" + d.id() + "' offers '" + lang + "' but there is no translations/"
                    + lang + ".yaml"));
        }
        List<String> missing = new ArrayList<>();
        int draft = 0;
        for (var e : needed.entrySet()) {
            Text t = tr.keys(lang).get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
                if (required) {
                    problems.add(Problem.error(e.getValue(), "no " + lang + " text for key '" + e.getKey() + "'"));
                }
            } else if (t.draft()) {
                draft++;
            }
        }
        if (!required && !missing.isEmpty()) {
            problems.add(Problem.warning(d.at(), lang + ": " + missing.size() + " of " + needed.size()
                    + " keys missing in dialog '" + d.id() + "' (shown from " + tr.chain(lang).subList(1, tr.chain(lang).size()) + ")"));
        }
        return new Coverage(d.id(), lang, needed.size(), missing.size(), draft, missing);
    }

    /** Every fact a text names must exist; a translation must keep the placeholders of its Norwegian source. */
    private void placeholders() {
        Translations tr = set.translations();
        Map<String, Text> source = tr.keys("nb");
        for (String lang : tr.codes()) {
            for (var e : tr.keys(lang).entrySet()) {
                Set<String> names = names(e.getValue());
                Text nb = source.get(e.getKey());
                if (tr.stale(lang, e.getKey())) {
                    problems.add(Problem.warning(e.getValue().origin(), lang + " '" + e.getKey() + "' is stale: the nb text "
                            + "changed after it was translated (translations export " + lang + " --only stale)"));
                }
                if (!lang.equals("nb") && nb != null && !names.equals(names(nb))) {
                    problems.add(Problem.warning(e.getValue().origin(), "placeholders of '" + e.getKey() + "' differ from nb: "
                            + names + " vs " + names(nb)));
                }
                plurals(e.getKey(), e.getValue());
                shortForm(lang, e.getKey(), e.getValue());
                Matcher m = PLACEHOLDER.matcher(e.getValue().text());
                while (m.find()) {
                    if (m.group(1).isEmpty()) {
                        continue;
                    }
                    if (set.facts().find(m.group(2)).isEmpty()) {
                        problems.add(Problem.error(e.getValue().origin(), "'" + e.getKey() + "' names fact '" + m.group(2)
                                + "', which is not in facts/"));
                    } else if (m.group(3) != null && !FACT_FIELDS.contains(m.group(3))) {
                        problems.add(Problem.error(e.getValue().origin(), "'" + e.getKey() + "': a fact has no field '"
                                + m.group(3) + "' (use " + FACT_FIELDS + ")"));
                    }
                }
            }
        }
    }

    /**
     * A short SMS form ({@code x.sms}) shortens a text that exists, and keeps what a reader on
     * SMS cannot do without: every phone number ({@code {@fact}} of kind {@code phone}) and every
     * parameter of its full text in the same language. It may leave out other facts (a date, a
     * price) along with the explanation around them, and name facts the full text leaves to its
     * cards; it cannot use a parameter its full text does not get.
     */
    private void shortForm(String lang, String key, Text t) {
        String full = Translations.variantOf(key);
        if (full == null) {
            return;
        }
        Translations tr = set.translations();
        if (!tr.has("nb", full)) {
            problems.add(Problem.error(t.origin(), "'" + key + "' is the SMS form of '" + full + "', which has no nb text"));
            return;
        }
        Text of = tr.keys(lang).get(full);
        if (of == null) {
            return;   // the full text falls back to another language; the nb check covers the placeholders
        }
        Set<String> have = names(t);
        List<String> dropped = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(of.text());
        while (m.find()) {
            boolean phone = !m.group(1).isEmpty()
                    && set.facts().find(m.group(2)).map(f -> "phone".equals(f.kind())).orElse(false);
            if ((m.group(1).isEmpty() || phone) && !have.contains(m.group())) {
                dropped.add(m.group());
            }
        }
        Set<String> params = names(of);
        for (String n : have) {
            if (!n.startsWith("{@") && !params.contains(n)) {
                extra.add(n);
            }
        }
        if (!dropped.isEmpty()) {
            problems.add(Problem.error(t.origin(), lang + " '" + key + "' leaves out " + String.join(" ", dropped)
                    + " of its full text: an SMS form keeps every phone number and parameter"));
        }
        if (!extra.isEmpty()) {
            problems.add(Problem.error(t.origin(), lang + " '" + key + "' uses " + String.join(" ", extra)
                    + ", which its full text '" + full + "' does not get"));
        }
    }

    /** A plural block must read as one and have an {@code other} form: the form any count falls back to. */
    private void plurals(String key, Text t) {
        String text = t.text();
        int blocks = 0;
        Matcher m = PluralRules.BLOCK.matcher(text);
        while (m.find()) {
            blocks++;
            if (!OTHER_FORM.matcher(m.group(2)).find()) {
                problems.add(Problem.error(t.origin(), "'" + key + "': the plural of {" + m.group(1)
                        + "} needs an 'other' form"));
            }
        }
        int written = (int) PLURAL_WRITTEN.matcher(text).results().count();
        if (written > blocks) {
            problems.add(Problem.error(t.origin(), "'" + key + "': cannot read the plural; write {n, plural, one {# day} "
                    + "other {# days}}"));
        }
    }

    private static Set<String> names(Text t) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(t.text());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
