package no.losen.dialog;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Replies the engine has rendered, kept per what a reply depends on: the dialog, the nodes shown,
 * the language, the session's variables and the ticks offered again after {@code back}. Rendering
 * is a pure function of these (the content does not change under an engine), and most steps of
 * most conversations render a reply some other conversation has had: looking it up instead cut
 * rendering out of a step's CPU (bench/step-path, bench/step-cpu).
 *
 * <p>Only replies whose variables hold nothing but what the content itself defines (choice and
 * option ids, values a choice or node sets, node ids, languages, booleans and numbers) are kept, so
 * nothing a person typed (a staff member's note) ever outlives its session here; such a reply is
 * rendered each time. The table is bounded: once full, further replies are rendered each time.
 */
final class Rendered {

    /**
     * Distinct replies kept at most (each some hundreds of bytes to a few KB, so a few MB at most);
     * the first ones rendered are the common ones (each dialog's first nodes in each language).
     * bench/ws-load's heap per idle session did not follow the bound (20,000: 4,201 B; 2,000:
     * 4,094 B; 1,000: 4,264 B, one run each), so it is set for memory, not for that number.
     */
    static final int MAX = 2_000;

    /** What a reply depends on. */
    private record Key(String dialog, List<String> shown, String lang, Map<String, Object> vars, Object ticked) {
    }

    private final DialogSet set;
    /** Made at the first reply (an engine made for one look-up never needs it). */
    private volatile Set<Object> known;
    private final Map<Key, Reply> replies = new ConcurrentHashMap<>();

    Rendered(DialogSet set) {
        this.set = set;
    }

    /** The reply for these inputs, rendered by {@code render} unless an equal one was rendered before. */
    Reply get(Dialog d, List<Node> shown, Session s, Object ticked, Supplier<Reply> render) {
        if (!varsFromContent(s.vars()) || !fromContent(ticked)) {
            return render.get();
        }
        String[] ids = new String[shown.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = shown.get(i).id();
        }
        Key k = new Key(d.id(), List.of(ids), s.lang(), s.vars(), ticked);
        Reply r = replies.get(k);
        if (r == null) {
            r = render.get();
            if (replies.size() < MAX) {
                replies.putIfAbsent(k, r);
            }
        }
        return r;
    }

    int size() {
        return replies.size();
    }

    /**
     * Every variable's value comes from the content. Read with {@code forEach}, not {@code values()}: an
     * immutable map keeps the view {@code values()} makes, and the map outlives the step in the session's
     * history, so the view cost 16 bytes per history step of every idle session (bench/ws-load
     * {@code --histogram}: 9.8 views, 158 B per session).
     */
    private boolean varsFromContent(Map<String, Object> vars) {
        boolean[] all = {true};
        vars.forEach((name, value) -> all[0] &= fromContent(value));
        return all[0];
    }

    private boolean fromContent(Object v) {
        if (known == null) {
            known = known(set);
        }
        if (v == null || v instanceof Boolean || v instanceof Number) {
            return true;
        }
        if (v instanceof String str) {
            return known.contains(str);
        }
        if (v instanceof java.util.Collection<?> c) {
            for (Object o : c) {
                if (!fromContent(o)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Every string the content can put into a session's variables by itself. */
    private static Set<Object> known(DialogSet set) {
        Set<Object> out = new HashSet<>();
        for (Dialog d : set.dialogs().values()) {
            out.add(d.id());
            out.addAll(d.languages());
            for (Choice c : d.anywhere()) {
                choice(c, out);
            }
            for (Topic t : d.topics()) {
                out.add(t.target());
            }
            for (Node n : d.nodes().values()) {
                out.add(n.id());
                values(n.set(), out);
                for (Choice c : n.choices()) {
                    choice(c, out);
                }
                if (n.checklist() != null) {
                    for (Checklist.Option o : n.checklist().options()) {
                        out.add(o.id());
                    }
                }
            }
        }
        out.remove(null);
        return Set.copyOf(out);
    }

    private static void choice(Choice c, Set<Object> out) {
        out.add(c.id());
        out.add(c.target());
        values(c.set(), out);
    }

    private static void values(Map<String, Object> set, Set<Object> out) {
        for (Object v : set.values()) {
            if (v instanceof String s) {
                out.add(s);
            } else if (v instanceof java.util.Collection<?> c) {
                for (Object o : c) {
                    if (o instanceof String s) {
                        out.add(s);
                    }
                }
            }
        }
    }
}
