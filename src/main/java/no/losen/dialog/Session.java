package no.losen.dialog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one conversation stands: small, immutable, serializable, so any store (memory or
 * Redis) can keep it and any instance can continue it. It holds no identity: no name, no
 * phone number, no address; only node ids, the language and the variables the dialog set.
 *
 * @param history the steps before this one, newest last, so {@code back} restores variables too
 * @param staff   whether the session was started by a logged-in staff member
 */
public record Session(String dialog, String node, String lang, Map<String, Object> vars, List<Step> history,
                      boolean staff) {

    /** Keeps sessions small: nobody needs to go back more than this many steps. */
    public static final int MAX_HISTORY = 64;

    /** A step the user can go back to. */
    public record Step(String node, Map<String, Object> vars) {
    }

    public Session {
        vars = Map.copyOf(vars);
        history = List.copyOf(history);
    }

    /**
     * This session at {@code newNode} with {@code newVars}. Variables equal to the current ones keep the
     * current map: most steps set nothing new, and the history holds one map per step, so a copy per
     * step was a third of an idle session's own heap (bench/ws-load {@code --histogram}: 9.5 maps,
     * 303 B per session).
     */
    public Session at(String newNode, Map<String, Object> newVars) {
        return new Session(dialog, newNode, lang, newVars.equals(vars) ? vars : newVars, history, staff);
    }

    public Session withLang(String newLang) {
        return new Session(dialog, node, newLang, vars, history, staff);
    }

    /** This session with the current step remembered, before moving on. */
    public Session remember() {
        // One bulk copy into an array with room for the new step, made immutable once (the constructor keeps
        // an immutable list as it is): three copies of a long history were a tenth of a step (bench/step-path).
        Step[] h = history.toArray(new Step[history.size() + 1]);
        h[history.size()] = new Step(node, vars);
        if (h.length > MAX_HISTORY) {
            h = java.util.Arrays.copyOfRange(h, h.length - MAX_HISTORY, h.length);
        }
        return new Session(dialog, node, lang, vars, List.of(h), staff);
    }

    public Session withVar(String name, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.put(name, value);
        return at(node, v);
    }
}
