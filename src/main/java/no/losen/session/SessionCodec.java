package no.losen.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Session;

/**
 * A session as compact JSON, for stores outside this process (Redis). Short keys and no empty
 * fields keep a typical session well under a kilobyte, so Redis memory and traffic per step stay
 * small; nothing but the session's own fields is written (no token, no address, no time).
 *
 * <p>Written and read with Jackson's streaming API rather than through maps: every step decodes
 * and encodes its session once, and building maps for that was a quarter of the server's work
 * under load (bench/ws-load, when the memory store still encoded sessions too).
 *
 * <p>The wire form: {@code d} dialog, {@code n} node, {@code l} lang, {@code v} vars,
 * {@code h} history {@code [[node], [node, vars], …]}, {@code s} staff (present when true);
 * a started-only session ({@link #encodeStarted}) begins with {@code "o":1}, which reading ignores.
 */
public final class SessionCodec {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * How the stored form of a started-only session begins: Redis reads this mark itself, so as not
     * to renew such a session's short life (RedisSessionStore); a reader that does not know it skips it.
     */
    public static final String STARTED = "{\"o\":1,";

    private SessionCodec() {
    }

    public static String encode(Session s) {
        return new String(toBytes(s), StandardCharsets.UTF_8);
    }

    /** The stored form of a conversation that has only been started: {@link #STARTED}, then the session's fields. */
    public static String encodeStarted(Session s) {
        return new String(toBytes(s, true), StandardCharsets.UTF_8);
    }

    public static Session decode(String json) {
        return fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] toBytes(Session s) {
        return toBytes(s, false);
    }

    private static byte[] toBytes(Session s, boolean started) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256); JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (started) {
                g.writeNumberField("o", 1);
            }
            g.writeStringField("d", s.dialog());
            g.writeStringField("n", s.node());
            g.writeStringField("l", s.lang());
            if (!s.vars().isEmpty()) {
                g.writeFieldName("v");
                write(g, s.vars());
            }
            if (!s.history().isEmpty()) {
                g.writeArrayFieldStart("h");
                for (Session.Step step : s.history()) {
                    g.writeStartArray();
                    g.writeString(step.node());
                    if (!step.vars().isEmpty()) {
                        write(g, step.vars());
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            if (s.staff()) {
                g.writeNumberField("s", 1);
            }
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a session's variables must be JSON values", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Session fromBytes(byte[] json) {
        String dialog = null;
        String node = null;
        String lang = null;
        Map<String, Object> vars = Map.of();
        List<Session.Step> history = List.of();
        boolean staff = false;
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "d" -> dialog = p.getText();
                    case "n" -> node = p.getText();
                    case "l" -> lang = p.getText();
                    case "v" -> vars = (Map<String, Object>) read(p);
                    case "h" -> history = history(p);
                    case "s" -> staff = true;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a stored session is not readable", e);
        }
        if (dialog == null || node == null || lang == null) {
            throw new IllegalStateException("a stored session is not readable: a field is missing");
        }
        return new Session(dialog, node, lang, vars, history, staff);
    }

    @SuppressWarnings("unchecked")
    private static List<Session.Step> history(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Session.Step> steps = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            String node = p.getText();
            Map<String, Object> vars = Map.of();
            if (p.nextToken() == JsonToken.START_OBJECT) {
                vars = (Map<String, Object>) read(p);
                p.nextToken();
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            steps.add(new Session.Step(node, vars));
        }
        return steps;
    }

    /** A JSON value as Jackson would map it untyped: String, Integer/Long, Double, Boolean, List, Map. */
    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, read(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> throw new IOException("unexpected " + p.currentToken());
        }
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IOException("not a JSON value: " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + ", found " + actual);
        }
    }
}
