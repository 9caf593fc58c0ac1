package no.losen.dialog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test on session variables, written the way an author would say it: {@code minor},
 * {@code not minor}, {@code age = child}, {@code age != adult}, {@code indicators has fixer},
 * joined by {@code and} / {@code or} ({@code and} binds first). A name may have one dot:
 * {@code setup.sms} reads how the server is set up ({@link Setup}). Deliberately no brackets,
 * no arithmetic: a condition that needs more is a sign the dialog needs another node.
 */
public final class Condition {

    public static final Condition ALWAYS = new Condition("", List.of());

    private static final Pattern TERM = Pattern.compile(
            "(not\\s+)?([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)?)(?:\\s*(=|!=|\\bhas\\b)\\s*([A-Za-z0-9_.-]+))?");

    private record Term(boolean negated, String var, String op, String value) {
        boolean test(Map<String, Object> vars) {
            Object v = vars.get(var);
            boolean r;
            if (op == null) {
                r = truthy(v);
            } else if (op.equals("=")) {
                r = v != null && String.valueOf(v).equals(value);
            } else if (op.equals("!=")) {
                r = v == null || !String.valueOf(v).equals(value);
            } else {
                r = v instanceof Collection<?> c ? c.contains(value) : value.equals(v);
            }
            return negated != r;
        }
    }

    private final String source;
    /** Disjunction of conjunctions: the outer list is or-ed, each inner list and-ed. */
    private final List<List<Term>> anyOf;

    private Condition(String source, List<List<Term>> anyOf) {
        this.source = source;
        this.anyOf = anyOf;
    }

    /** Parses an author's condition; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            return ALWAYS;
        }
        List<List<Term>> any = new ArrayList<>();
        for (String disjunct : text.trim().split("\\s+or\\s+")) {
            List<Term> all = new ArrayList<>();
            for (String conjunct : disjunct.split("\\s+and\\s+")) {
                Matcher m = TERM.matcher(conjunct.trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException("cannot read condition '" + conjunct.trim()
                            + "' (write: name, not name, name = value, name != value, name has value)");
                }
                all.add(new Term(m.group(1) != null, m.group(2), m.group(3), m.group(4)));
            }
            any.add(List.copyOf(all));
        }
        return new Condition(text.trim(), List.copyOf(any));
    }

    public boolean test(Map<String, Object> vars) {
        if (anyOf.isEmpty()) {
            return true;
        }
        // Plain loops: every choice, option and paragraph of every step is tested (bench/step-cpu).
        for (List<Term> all : anyOf) {
            boolean holds = true;
            for (Term t : all) {
                if (!t.test(vars)) {
                    holds = false;
                    break;
                }
            }
            if (holds) {
                return true;
            }
        }
        return false;
    }

    /** The variables this condition reads, for the validator. */
    public List<String> variables() {
        return anyOf.stream().flatMap(List::stream).map(Term::var).distinct().toList();
    }

    static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        String s = String.valueOf(v);
        return !s.isEmpty() && !s.equals("false") && !s.equals("no");
    }

    @Override
    public String toString() {
        return source;
    }

    /** Conditions written alike are alike: the terms are parsed from the source and nothing else. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && source.equals(c.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
