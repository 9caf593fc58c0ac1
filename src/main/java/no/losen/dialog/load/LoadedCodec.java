package no.losen.dialog.load;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.cache.DerivedCache;
import no.losen.content.Examples;
import no.losen.content.Fact;
import no.losen.content.Facts;
import no.losen.content.Language;
import no.losen.content.Origin;
import no.losen.content.Text;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.CardSpec;
import no.losen.dialog.Checklist;
import no.losen.dialog.Choice;
import no.losen.dialog.Condition;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.FreeText;
import no.losen.dialog.Node;
import no.losen.dialog.Route;
import no.losen.dialog.Say;
import no.losen.dialog.Topic;

/**
 * A loaded and validated content set ({@link Loaded}) as bytes, so a start with unchanged content
 * reads it from the {@link DerivedCache} instead of parsing 1.7 MB of YAML and validating it again
 * (most of a warm start's critical path before this). Written by hand, field by field, rather than
 * with Java serialization: no class of the model has to become {@code Serializable}, nothing
 * but strings, numbers and booleans is ever read back, and a cold JVM reads it in tens of milliseconds.
 *
 * <p>Every string goes through a table: written once, then by number. The content repeats itself
 * (file names in every {@link Origin}, the same keys in twelve languages), so the entry is smaller
 * and the strings read back are shared as the parsed ones mostly were not.
 *
 * <p>When a model record gains a field, this codec must learn it: {@code LoadedCodecTest} reads the
 * bundled content back and compares it with what the loader made, record by record. The entry's
 * key holds the build, so an entry written by an older codec is never read by a newer one.
 */
public final class LoadedCodec implements DerivedCache.Codec<Loaded> {

    public static final LoadedCodec INSTANCE = new LoadedCodec();

    private LoadedCodec() {
    }

    @Override
    public void write(Loaded l, DataOutputStream data) throws IOException {
        Out out = new Out(data);
        DialogSet set = l.set();
        out.size(set.dialogs().size());
        for (Dialog d : set.dialogs().values()) {
            dialog(out, d);
        }
        translations(out, set.translations());
        Facts facts = set.facts();
        out.size(facts.all().size());
        for (Fact f : facts.all().values()) {
            fact(out, f);
        }
        out.stringMap(facts.citations());
        examples(out, set.examples());
        out.size(l.problems().size());
        for (Problem p : l.problems()) {
            out.data.writeBoolean(p.isError());
            out.origin(p.at());
            out.string(p.message());
        }
        out.size(l.coverage().size());
        for (Coverage c : l.coverage()) {
            out.string(c.dialog());
            out.string(c.lang());
            out.data.writeInt(c.needed());
            out.data.writeInt(c.missing());
            out.data.writeInt(c.draft());
            out.strings(c.missingKeys());
        }
    }

    @Override
    public Loaded read(DataInputStream data) throws IOException {
        In in = new In(data);
        Map<String, Dialog> dialogs = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            Dialog d = dialog(in);
            dialogs.put(d.id(), d);
        }
        Translations translations = translations(in);
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            Fact f = fact(in);
            facts.put(f.id(), f);
        }
        Facts factTable = new Facts(facts, in.stringMap());
        Examples examples = examples(in);
        List<Problem> problems = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            boolean error = in.data.readBoolean();
            problems.add(new Problem(error ? Problem.Severity.ERROR : Problem.Severity.WARNING, in.origin(), in.string()));
        }
        List<Coverage> coverage = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            coverage.add(new Coverage(in.string(), in.string(), in.data.readInt(), in.data.readInt(), in.data.readInt(),
                    in.strings()));
        }
        return new Loaded(new DialogSet(dialogs, translations, factTable, examples), List.copyOf(problems),
                List.copyOf(coverage));
    }

    // ---- dialogs

    private static void dialog(Out out, Dialog d) throws IOException {
        out.string(d.id());
        out.string(d.title());
        out.string(d.audience().name());
        out.strings(d.languages());
        out.strings(d.residentLanguages());
        out.string(d.start());
        out.string(d.textAction());
        out.size(d.anywhere().size());
        for (Choice c : d.anywhere()) {
            choice(out, c);
        }
        out.size(d.topics().size());
        for (Topic t : d.topics()) {
            out.string(t.keywords());
            out.string(t.target());
            out.string(t.label());
            out.string(t.danger());
            out.origin(t.at());
            out.origin(t.targetAt());
        }
        out.size(d.nodes().size());
        for (Node n : d.nodes().values()) {
            node(out, n);
        }
        out.origin(d.at());
    }

    private static Dialog dialog(In in) throws IOException {
        String id = in.string();
        String title = in.string();
        Audience audience = Audience.valueOf(in.string());
        List<String> languages = in.strings();
        List<String> resident = in.strings();
        String start = in.string();
        String textAction = in.string();
        List<Choice> anywhere = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            anywhere.add(choice(in));
        }
        List<Topic> topics = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            topics.add(new Topic(in.string(), in.string(), in.string(), in.string(), in.origin(), in.origin()));
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            Node n = node(in);
            nodes.put(n.id(), n);
        }
        return new Dialog(id, title, audience, languages, resident, start, textAction,
                List.copyOf(anywhere), List.copyOf(topics), Collections.unmodifiableMap(nodes), in.origin());
    }

    private static void node(Out out, Node n) throws IOException {
        out.string(n.id());
        says(out, n.say());
        out.size(n.choices().size());
        for (Choice c : n.choices()) {
            choice(out, c);
        }
        Checklist cl = n.checklist();
        out.data.writeBoolean(cl != null);
        if (cl != null) {
            out.string(cl.var());
            out.size(cl.options().size());
            for (Checklist.Option o : cl.options()) {
                out.string(o.id());
                out.string(o.label());
                out.condition(o.when());
                out.origin(o.at());
            }
            out.string(cl.next());
            out.origin(cl.at());
        }
        FreeText input = n.input();
        out.data.writeBoolean(input != null);
        if (input != null) {
            out.string(input.action());
            out.string(input.var());
            out.string(input.next());
            out.origin(input.at());
        }
        out.size(n.route().size());
        for (Route r : n.route()) {
            out.condition(r.when());
            out.string(r.target());
            out.origin(r.at());
            out.origin(r.targetAt());
        }
        out.string(n.next());
        out.size(n.cards().size());
        for (CardSpec c : n.cards()) {
            out.string(c.type());
            out.string(c.ref());
            says(out, c.say());
            out.strings(c.contacts());
            out.origin(c.at());
        }
        out.data.writeBoolean(n.bilingual());
        out.string(n.step());
        out.vars(n.set());
        out.data.writeBoolean(n.end());
        out.origin(n.at());
    }

    private static Node node(In in) throws IOException {
        String id = in.string();
        List<Say> say = says(in);
        List<Choice> choices = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            choices.add(choice(in));
        }
        Checklist checklist = null;
        if (in.data.readBoolean()) {
            String var = in.string();
            List<Checklist.Option> options = new ArrayList<>();
            for (int i = in.size(); i > 0; i--) {
                options.add(new Checklist.Option(in.string(), in.string(), in.condition(), in.origin()));
            }
            checklist = new Checklist(var, List.copyOf(options), in.string(), in.origin());
        }
        FreeText input = in.data.readBoolean() ? new FreeText(in.string(), in.string(), in.string(), in.origin()) : null;
        List<Route> route = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            route.add(new Route(in.condition(), in.string(), in.origin(), in.origin()));
        }
        String next = in.string();
        List<CardSpec> cards = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            cards.add(new CardSpec(in.string(), in.string(), says(in), in.strings(), in.origin()));
        }
        return new Node(id, say, List.copyOf(choices), checklist, input, List.copyOf(route), next, List.copyOf(cards),
                in.data.readBoolean(), in.string(), in.vars(), in.data.readBoolean(), in.origin());
    }

    private static void choice(Out out, Choice c) throws IOException {
        out.string(c.id());
        out.string(c.label());
        out.string(c.target());
        out.vars(c.set());
        out.condition(c.when());
        out.origin(c.at());
        out.origin(c.targetAt());
    }

    private static Choice choice(In in) throws IOException {
        return new Choice(in.string(), in.string(), in.string(), in.vars(), in.condition(), in.origin(), in.origin());
    }

    private static void says(Out out, List<Say> says) throws IOException {
        out.size(says.size());
        for (Say s : says) {
            out.string(s.key());
            out.stringMap(s.params());
            out.condition(s.when());
            out.origin(s.at());
        }
    }

    private static List<Say> says(In in) throws IOException {
        List<Say> out = new ArrayList<>();
        for (int i = in.size(); i > 0; i--) {
            out.add(new Say(in.string(), in.stringMap(), in.condition(), in.origin()));
        }
        return List.copyOf(out);
    }

    // ---- translations, facts, examples

    private static void translations(Out out, Translations t) throws IOException {
        out.size(t.languages().size());
        for (Language l : t.languages().values()) {
            out.string(l.code());
            out.string(l.name());
            out.string(l.dir());
            out.string(l.status());
        }
        out.size(t.codes().size());
        for (String lang : t.codes()) {
            out.string(lang);
            Map<String, Text> keys = t.keys(lang);
            out.size(keys.size());
            for (Map.Entry<String, Text> e : keys.entrySet()) {
                out.string(e.getKey());
                Text x = e.getValue();
                out.string(x.text());
                out.string(x.status());
                out.string(x.source());
                out.string(x.reviewer());
                out.string(x.reviewed());
                out.origin(x.origin());
            }
        }
        out.strings(t.fallback());
        out.data.writeBoolean(t.staleFallback());
    }

    private static Translations translations(In in) throws IOException {
        Map<String, Language> languages = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            Language l = new Language(in.string(), in.string(), in.string(), in.string());
            languages.put(l.code(), l);
        }
        Map<String, Map<String, Text>> texts = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            String lang = in.string();
            int n = in.size();
            Map<String, Text> keys = new HashMap<>(n * 2);
            for (int k = n; k > 0; k--) {
                keys.put(in.string(), new Text(in.string(), in.string(), in.string(), in.string(), in.string(), in.origin()));
            }
            texts.put(lang, keys);
        }
        return new Translations(languages, texts, in.strings(), in.data.readBoolean());
    }

    private static void fact(Out out, Fact f) throws IOException {
        out.string(f.id());
        out.string(f.kind());
        out.string(f.name());
        out.string(f.value());
        out.string(f.tel());
        out.string(f.url());
        out.data.writeBoolean(f.sources() != null);
        if (f.sources() != null) {
            out.size(f.sources().size());
            for (Fact.Source s : f.sources()) {
                out.string(s.doc());
                out.string(s.quote());
                out.string(s.where());
            }
        }
        out.string(f.basis());
        out.string(f.checked() == null ? null : f.checked().toString());
        out.string(f.note());
        out.origin(f.origin());
    }

    private static Fact fact(In in) throws IOException {
        String id = in.string();
        String kind = in.string();
        String name = in.string();
        String value = in.string();
        String tel = in.string();
        String url = in.string();
        List<Fact.Source> sources = null;
        if (in.data.readBoolean()) {
            List<Fact.Source> list = new ArrayList<>();
            for (int i = in.size(); i > 0; i--) {
                list.add(new Fact.Source(in.string(), in.string(), in.string()));
            }
            sources = List.copyOf(list);
        }
        String basis = in.string();
        String checked = in.string();
        return new Fact(id, kind, name, value, tel, url, sources, basis, checked == null ? null : LocalDate.parse(checked),
                in.string(), in.origin());
    }

    private static void examples(Out out, Examples examples) throws IOException {
        out.size(examples.byDialog().size());
        for (Map.Entry<String, Map<String, Examples.ExampleFile>> d : examples.byDialog().entrySet()) {
            out.string(d.getKey());
            out.size(d.getValue().size());
            for (Map.Entry<String, Examples.ExampleFile> e : d.getValue().entrySet()) {
                out.string(e.getKey());
                Examples.ExampleFile f = e.getValue();
                out.string(f.dialog());
                out.string(f.lang());
                out.string(f.status());
                out.size(f.topics().size());
                for (Map.Entry<String, List<Examples.Example>> t : f.topics().entrySet()) {
                    out.string(t.getKey());
                    out.size(t.getValue().size());
                    for (Examples.Example x : t.getValue()) {
                        out.string(x.text());
                        out.origin(x.at());
                    }
                }
                out.origin(f.at());
            }
        }
    }

    private static Examples examples(In in) throws IOException {
        Map<String, Map<String, Examples.ExampleFile>> byDialog = new LinkedHashMap<>();
        for (int i = in.size(); i > 0; i--) {
            String dialog = in.string();
            Map<String, Examples.ExampleFile> files = new LinkedHashMap<>();
            for (int j = in.size(); j > 0; j--) {
                String lang = in.string();
                String fileDialog = in.string();
                String fileLang = in.string();
                String status = in.string();
                Map<String, List<Examples.Example>> topics = new LinkedHashMap<>();
                for (int k = in.size(); k > 0; k--) {
                    String topic = in.string();
                    int n = in.size();
                    List<Examples.Example> list = new ArrayList<>(n);
                    for (int x = n; x > 0; x--) {
                        list.add(new Examples.Example(in.string(), in.origin()));
                    }
                    topics.put(topic, list);
                }
                files.put(lang, new Examples.ExampleFile(fileDialog, fileLang, status, topics, in.origin()));
            }
            byDialog.put(dialog, files);
        }
        return new Examples(byDialog);
    }

    // ---- the primitives, with the string table

    private static final class Out {
        final DataOutputStream data;
        private final Map<String, Integer> seen = new HashMap<>();

        Out(DataOutputStream data) {
            this.data = data;
        }

        void size(int n) throws IOException {
            data.writeInt(n);
        }

        /** -1 for null; the string's number when written before; else -2 and the string, which gets the next number. */
        void string(String s) throws IOException {
            if (s == null) {
                data.writeInt(-1);
                return;
            }
            Integer n = seen.get(s);
            if (n != null) {
                data.writeInt(n);
                return;
            }
            seen.put(s, seen.size());
            data.writeInt(-2);
            DerivedCache.writeString(data, s);
        }

        void strings(List<String> list) throws IOException {
            data.writeBoolean(list != null);
            if (list != null) {
                size(list.size());
                for (String s : list) {
                    string(s);
                }
            }
        }

        void stringMap(Map<String, String> map) throws IOException {
            size(map.size());
            for (Map.Entry<String, String> e : map.entrySet()) {
                string(e.getKey());
                string(e.getValue());
            }
        }

        /** A node's or choice's variables: YAML gave each a boolean or a string. */
        void vars(Map<String, Object> map) throws IOException {
            size(map.size());
            for (Map.Entry<String, Object> e : map.entrySet()) {
                string(e.getKey());
                if (e.getValue() instanceof Boolean b) {
                    data.writeByte(b ? 1 : 0);
                } else if (e.getValue() instanceof String s) {
                    data.writeByte(2);
                    string(s);
                } else {
                    throw new IOException("a variable of a kind the loader never makes");
                }
            }
        }

        /** A condition as its author wrote it; it is parsed again when read (it parsed once, so it parses). */
        void condition(Condition c) throws IOException {
            string(c == null ? null : c.toString());
        }

        void origin(Origin o) throws IOException {
            string(o == null ? null : o.file());
            if (o != null) {
                data.writeInt(o.line());
                data.writeInt(o.column());
            }
        }
    }

    private static final class In {
        final DataInputStream data;
        private final List<String> table = new ArrayList<>();

        In(DataInputStream data) {
            this.data = data;
        }

        int size() throws IOException {
            int n = data.readInt();
            if (n < 0 || n > data.available()) {
                throw new IOException("a count larger than the entry");
            }
            return n;
        }

        String string() throws IOException {
            int n = data.readInt();
            if (n == -1) {
                return null;
            }
            if (n == -2) {
                String s = DerivedCache.readString(data);
                table.add(s);
                return s;
            }
            if (n < 0 || n >= table.size()) {
                throw new IOException("a string the entry never wrote");
            }
            return table.get(n);
        }

        List<String> strings() throws IOException {
            if (!data.readBoolean()) {
                return null;
            }
            int n = size();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return Collections.unmodifiableList(out);
        }

        Map<String, String> stringMap() throws IOException {
            int n = size();
            if (n == 0) {
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(string(), string());
            }
            return Collections.unmodifiableMap(out);
        }

        Map<String, Object> vars() throws IOException {
            int n = size();
            if (n == 0) {
                return Map.of();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String key = string();
                byte kind = data.readByte();
                out.put(key, switch (kind) {
                    case 0 -> Boolean.FALSE;
                    case 1 -> Boolean.TRUE;
                    case 2 -> string();
                    default -> throw new IOException("a variable of an unknown kind");
                });
            }
            return Collections.unmodifiableMap(out);
        }

        Condition condition() throws IOException {
            String source = string();
            if (source == null) {
                return null;
            }
            try {
                return Condition.parse(source);
            } catch (IllegalArgumentException e) {
                throw new IOException("a condition that does not parse");
            }
        }

        Origin origin() throws IOException {
            String file = string();
            return file == null ? null : new Origin(file, data.readInt(), data.readInt());
        }
    }
}
