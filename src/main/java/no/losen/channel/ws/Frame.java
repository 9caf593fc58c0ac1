package no.losen.channel.ws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;

/**
 * One client frame, checked for shape before anything acts on it. Everything a client can
 * send is listed here; anything else is refused with a stable error code.
 */
record Frame(String type, String dialog, String lang, String choice, List<String> choices, String text, String token,
             String ticket, String node, String fact, String id) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A counsellor's own id for a message ({@code inbox.say}), given back when it was delivered. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final List<String> TYPES = List.of("start", "choose", "text", "back", "restart", "lang", "resume",
            "end", "ping", "talk", "talk.say", "talk.leave", "inbox", "inbox.accept", "inbox.say", "inbox.card",
            "inbox.back", "inbox.end", "inbox.block", "inbox.note");

    /** A field that held something other than a string or null (reported only if it is read, as the tree did). */
    private static final Object NOT_A_STRING = new Object();
    /** A {@code choices} that is not a list of strings. */
    private static final List<String> BAD_CHOICES = java.util.Collections.unmodifiableList(new ArrayList<>());

    /**
     * Reads the frame with Jackson's streaming parser into its fields, then checks them exactly as
     * the tree did ({@link #parseTree}): the same errors, in the same order, the last of a repeated
     * field winning. Building a JSON tree for every frame was a twentieth of a step's CPU
     * (bench/step-cpu). Anything that is not an object at the top goes the tree's way.
     */
    static Frame parse(String raw) {
        Object[] v = new Object[FIELDS.size()];
        List<String> choices = null;
        boolean sawChoices = false;
        try (JsonParser p = JSON.getFactory().createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return parseTree(raw);
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("choices")) {
                    sawChoices = true;
                    choices = choices(p, value);
                    continue;
                }
                int i = FIELDS.indexOf(name);
                if (i < 0) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    v[i] = p.getText();
                } else if (value == JsonToken.VALUE_NULL) {
                    v[i] = null;
                } else {
                    p.skipChildren();
                    v[i] = NOT_A_STRING;
                }
            }
        } catch (IOException e) {
            throw new DialogException(ErrorCode.BAD_FRAME, "the frame is not JSON");
        }
        String type = string(v, 0);
        if (type == null || !TYPES.contains(type)) {
            throw new DialogException(ErrorCode.UNKNOWN_TYPE, "type must be one of " + TYPES);
        }
        if (sawChoices && choices == BAD_CHOICES) {
            throw new DialogException(ErrorCode.BAD_FRAME, "choices must be a list of ids");
        }
        Frame f = new Frame(type, string(v, 1), string(v, 2), string(v, 3), choices, string(v, 4), string(v, 5),
                string(v, 6), string(v, 7), string(v, 8), string(v, 9));
        f.require();
        return f;
    }

    /** The string fields, in the order the tree read them after {@code type}. */
    private static final List<String> FIELDS = List.of("type", "dialog", "lang", "choice", "text", "token", "ticket",
            "node", "fact", "id");

    private static List<String> choices(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return BAD_CHOICES;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else {
                ok = false;
                p.skipChildren();
            }
        }
        return ok ? out : BAD_CHOICES;
    }

    private static String string(Object[] v, int i) {
        if (v[i] == NOT_A_STRING) {
            throw new DialogException(ErrorCode.BAD_FRAME, "field '" + FIELDS.get(i) + "' must be a string");
        }
        return (String) v[i];
    }

    /** The frame read through a JSON tree: what {@link #parse} does for a top level that is not an object. */
    static Frame parseTree(String raw) {
        JsonNode n;
        try {
            n = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new DialogException(ErrorCode.BAD_FRAME, "the frame is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new DialogException(ErrorCode.BAD_FRAME, "the frame must be a JSON object");
        }
        String type = string(n, "type");
        if (type == null || !TYPES.contains(type)) {
            throw new DialogException(ErrorCode.UNKNOWN_TYPE, "type must be one of " + TYPES);
        }
        List<String> choices = null;
        if (n.has("choices")) {
            if (!n.get("choices").isArray()) {
                throw new DialogException(ErrorCode.BAD_FRAME, "choices must be a list of ids");
            }
            choices = new ArrayList<>();
            for (JsonNode c : n.get("choices")) {
                if (!c.isTextual()) {
                    throw new DialogException(ErrorCode.BAD_FRAME, "choices must be a list of ids");
                }
                choices.add(c.asText());
            }
        }
        Frame f = new Frame(type, string(n, "dialog"), string(n, "lang"), string(n, "choice"), choices,
                string(n, "text"), string(n, "token"), string(n, "ticket"), string(n, "node"), string(n, "fact"),
                string(n, "id"));
        f.require();
        return f;
    }

    private void require() {
        switch (type) {
            case "start" -> need(dialog, "dialog");
            case "choose" -> {
                if (choice == null && choices == null) {
                    throw new DialogException(ErrorCode.BAD_FRAME, "choose needs choice or choices");
                }
            }
            case "text" -> need(text, "text");
            case "lang" -> need(lang, "lang");
            case "resume" -> need(token, "token");
            case "talk.say" -> need(text, "text");
            case "inbox.accept", "inbox.end", "inbox.block" -> need(ticket, "ticket");
            case "inbox.note" -> {
                need(ticket, "ticket");
                need(text, "text");
            }
            case "inbox.say" -> {
                need(ticket, "ticket");
                need(text, "text");
                if (id != null && !ID.matcher(id).matches()) {
                    throw new DialogException(ErrorCode.BAD_FRAME, "id must be 1 to 40 letters, digits, - or _");
                }
            }
            case "inbox.card" -> {
                need(ticket, "ticket");
                need(fact, "fact");
            }
            case "inbox.back" -> {
                need(ticket, "ticket");
                need(node, "node");
            }
            default -> {
            }
        }
    }

    private static void need(String value, String field) {
        if (value == null) {
            throw new DialogException(ErrorCode.BAD_FRAME, "field '" + field + "' is missing");
        }
    }

    private static String string(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new DialogException(ErrorCode.BAD_FRAME, "field '" + field + "' must be a string");
        }
        return v.asText();
    }
}
