package no.losen.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Session;

/**
 * A session as compact JSON, for stores outside this process. Short keys and no empty fields
 * keep a typical session well under a kilobyte, so Redis memory and network per step stay small;
 * nothing but the session's own fields is written (no token, no address, no time).
 */
public final class SessionCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private SessionCodec() {
    }

    /** The wire form: d dialog, n node, l lang, v vars, h history [[node, vars], …], s staff. */
    public static String encode(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("d", s.dialog());
        m.put("n", s.node());
        m.put("l", s.lang());
        if (!s.vars().isEmpty()) {
            m.put("v", s.vars());
        }
        if (!s.history().isEmpty()) {
            List<Object> h = new ArrayList<>(s.history().size());
            for (Session.Step step : s.history()) {
                h.add(step.vars().isEmpty() ? List.of(step.node()) : List.of(step.node(), step.vars()));
            }
            m.put("h", h);
        }
        if (s.staff()) {
            m.put("s", 1);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session's variables must be JSON values", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Session decode(String json) {
        Map<String, Object> m;
        try {
            m = JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored session is not readable", e);
        }
        List<Session.Step> history = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("h", List.of())) {
            List<Object> step = (List<Object>) o;
            Map<String, Object> vars = step.size() > 1 ? (Map<String, Object>) step.get(1) : Map.of();
            history.add(new Session.Step((String) step.get(0), vars));
        }
        return new Session((String) m.get("d"), (String) m.get("n"), (String) m.get("l"),
                (Map<String, Object>) m.getOrDefault("v", Map.of()), history, m.containsKey("s"));
    }
}
