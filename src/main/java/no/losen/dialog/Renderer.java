package no.losen.dialog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.content.Fact;
import no.losen.content.PluralRules;
import no.losen.content.Translations;

/**
 * Turns keys into the words one user sees, filling placeholders from facts, parameters and
 * variables. One instance renders one reply in one language and remembers whether any text
 * was a draft or came from a fallback language, so the reply can say so. With a variant
 * ({@code sms}) it takes each key's short form where the language has one
 * ({@link Translations#find(String, String, String)}) and counts how many it took.
 */
final class Renderer {

    static final String NOT_ANSWERED = "common.not-answered";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(@?)([A-Za-z0-9_.-]+)}");
    private static final int MAX_DEPTH = 3;

    private final DialogSet set;
    private final Dialog dialog;
    private final String lang;
    private final Map<String, Object> vars;
    private final String variant;
    private boolean draft;
    private int variants;
    private final List<String> fallbacks = new ArrayList<>();

    Renderer(DialogSet set, Dialog dialog, String lang, Map<String, Object> vars) {
        this(set, dialog, lang, vars, null);
    }

    Renderer(DialogSet set, Dialog dialog, String lang, Map<String, Object> vars, String variant) {
        this.set = set;
        this.dialog = dialog;
        this.lang = lang;
        this.vars = vars;
        this.variant = variant;
    }

    /** How many texts so far came from their variant (short) form. */
    int variants() {
        return variants;
    }

    boolean draft() {
        return draft;
    }

    List<String> fallbacks() {
        return List.copyOf(fallbacks);
    }

    String text(String key) {
        return text(key, Map.of(), 0);
    }

    /** Whether this reply's language itself defines {@code key} (not through the fallback chain). */
    boolean has(String key) {
        return set.translations().has(lang, key);
    }

    /**
     * A card's source line ({@code fact.<id>.basis}): where a fact comes from, not the answer's wording, so a
     * draft one does not mark the reply as not yet checked. It did, under the emergency numbers in English and
     * Norwegian, for the source lines of 113 and 110 alone (an independent tester): doubt about the numbers to
     * call, at the worst moment, for a note of provenance.
     */
    String sourceLine(String key) {
        boolean was = draft;
        String line = text(key);
        draft = was;
        return line;
    }

    String text(String key, Map<String, String> params) {
        return text(key, params, 0);
    }

    private String text(String key, Map<String, String> params, int depth) {
        Translations tr = set.translations();
        var found = tr.find(lang, key, variant);
        if (found.isEmpty()) {
            // The validator refuses content like this; if it is served anyway, show nothing rather than a raw key.
            fallbacks.add(key);
            return "";
        }
        // A stale text served anyway (stale fallback off) is marked like a draft: no person vouches for it now.
        draft |= found.get().text().draft() || found.get().stale();
        if (found.get().variant()) {
            variants++;
        }
        String text = fill(found.get().text().text(), params, depth);
        if (!found.get().lang().equals(lang)) {
            fallbacks.add(key + "@" + found.get().lang());
            if (!dir(found.get().lang()).equals(dir(lang))) {
                // Isolated, a left-to-right fallback keeps its own order inside a right-to-left message.
                return "\u2068" + text + "\u2069";
            }
        }
        return text;
    }

    private String dir(String code) {
        return set.translations().language(code).map(l -> l.dir()).orElse("ltr");
    }

    private String fill(String template, Map<String, String> params, int depth) {
        String resolved = plurals(template, params);
        if (resolved.indexOf('{') < 0) {
            return resolved;   // most texts have no placeholder: no matcher, no copy (a hot path per step)
        }
        // Only the content's own texts are kept cut; one a plural block was resolved into is cut for this time.
        Template t = resolved == template ? Template.of(template) : Template.cut(resolved);
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < t.names.length; i++) {
            out.append(t.literals[i]);
            out.append(t.facts[i] ? fact(t.names[i], depth) : variable(t.names[i], params, depth));
        }
        out.append(t.literals[t.names.length]);
        return out.toString();
    }

    /**
     * A text cut at its placeholders once: the literal pieces and, between them, which placeholder
     * (a fact or a variable) goes there. Matching the placeholder pattern anew for every text of
     * every step was a tenth of a step's CPU (bench/step-cpu with JFR); the content's texts are a
     * bounded set, so each is cut once. Texts a plural block was resolved into are cut each time.
     */
    private record Template(String[] literals, boolean[] facts, String[] names) {

        /** Bounds the cache whatever happens (a reload keeps adding texts): beyond it, texts are cut each time. */
        private static final int MAX_CACHED = 20_000;
        private static final java.util.concurrent.ConcurrentHashMap<String, Template> CUT =
                new java.util.concurrent.ConcurrentHashMap<>();

        static Template of(String text) {
            Template t = CUT.get(text);
            if (t == null) {
                t = cut(text);
                if (CUT.size() < MAX_CACHED) {
                    CUT.put(text, t);
                }
            }
            return t;
        }

        static Template cut(String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            List<String> literals = new ArrayList<>();
            List<Boolean> facts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int at = 0;
            while (m.find()) {
                literals.add(text.substring(at, m.start()));
                facts.add(!m.group(1).isEmpty());
                names.add(m.group(2));
                at = m.end();
            }
            literals.add(text.substring(at));
            boolean[] f = new boolean[facts.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = facts.get(i);
            }
            return new Template(literals.toArray(String[]::new), f, names.toArray(String[]::new));
        }
    }

    /** Each plural block becomes the form its count takes in this language, with {@code #} as the number. */
    private String plurals(String template, Map<String, String> params) {
        if (template.indexOf(", plural,") < 0 && template.indexOf(",plural,") < 0) {
            return template;
        }
        Matcher m = PluralRules.BLOCK.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long n = count(m.group(1), params);
            Map<String, String> forms = new java.util.HashMap<>();
            Matcher f = PluralRules.FORM.matcher(m.group(2));
            while (f.find()) {
                forms.put(f.group(1), f.group(2));
            }
            String form = forms.getOrDefault(PluralRules.category(lang, n), forms.getOrDefault("other", ""));
            m.appendReplacement(out, Matcher.quoteReplacement(form.replace("#", Long.toString(n))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The number a plural counts: a number, the size of a list (ticked items), or 0 when unset. */
    private long count(String name, Map<String, String> params) {
        Object v = params.containsKey(name) ? params.get(name) : vars.get(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        try {
            return v == null ? 0 : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String fact(String ref, int depth) {
        int dot = ref.indexOf('.');
        String id = dot < 0 ? ref : ref.substring(0, dot);
        String field = dot < 0 ? "value" : ref.substring(dot + 1);
        Fact f = set.facts().find(id).orElse(null);
        if (f == null) {
            fallbacks.add("@" + ref);
            return "";
        }
        if (field.equals("name")) {
            return f.name() == null || depth >= MAX_DEPTH ? f.value() : text(f.name(), Map.of(), depth + 1);
        }
        String v = f.field(field);
        if (v != null && v.chars().anyMatch(Character::isWhitespace) && dir(lang).equals("rtl")) {
            // Numbers with spaces inside right-to-left text are isolated, or "22 33 11 60" reads "60 11 33 22".
            return "\u2068" + v + "\u2069";
        }
        return v == null ? "" : v;
    }

    private String variable(String name, Map<String, String> params, int depth) {
        if (depth >= MAX_DEPTH) {
            return "";
        }
        String param = params.get(name);
        if (param != null) {
            return text(param, Map.of(), depth + 1);
        }
        return value(name, vars.get(name), depth);
    }

    /** A variable as a reader should see it: labels for ticked ids, words for keys, the text for typed notes. */
    String value(String name, Object v, int depth) {
        if (v == null || (v instanceof Collection<?> c && c.isEmpty() && dialog.checklistFor(name).isEmpty())) {
            return text(NOT_ANSWERED, Map.of(), depth + 1);
        }
        if (v instanceof Collection<?> ids) {
            var list = dialog.checklistFor(name).orElse(null);
            if (ids.isEmpty()) {
                return text("common.none-ticked", Map.of(), depth + 1);
            }
            List<String> labels = new ArrayList<>();
            for (Object id : ids) {
                String label = list == null ? null : list.options().stream().filter(o -> o.id().equals(id))
                        .map(Checklist.Option::label).findFirst().orElse(null);
                labels.add(label == null ? String.valueOf(id) : text(label, Map.of(), depth + 1));
            }
            return String.join("; ", labels);
        }
        String s = String.valueOf(v);
        return set.translations().isKey(s) ? text(s, Map.of(), depth + 1) : s;
    }
}
