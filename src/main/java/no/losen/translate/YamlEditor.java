package no.losen.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the {@code keys:} of one translation file in place, line by line, so everything a
 * person wrote around the keys (comments, blank lines, section headings, the order of keys,
 * the style of untouched values) stays as it was. A YAML library round trip would lose the
 * comments, which in these files carry guidance for translators.
 *
 * <p>Only whole entries are replaced, removed or inserted. Because a line-based edit of YAML
 * can go wrong in ways a test cannot foresee, {@link #text()} parses the result and checks that
 * every key holds exactly what was intended and nothing else changed; if not, it refuses
 * ({@link IllegalStateException}) and the caller writes nothing.
 */
final class YamlEditor {

    /** A value as written: the text, and the metadata fields that are not null. */
    record Value(String text, String status, String source, String reviewer, String reviewed) {

        static Value of(JsonNode n) {
            if (n == null || n.isMissingNode() || n.isNull()) {
                return null;
            }
            if (!n.isObject()) {
                return new Value(n.asText(), null, null, null, null);
            }
            return new Value(n.path("text").asText(), str(n, "status"), str(n, "source"), str(n, "reviewer"), str(n, "reviewed"));
        }

        private static String str(JsonNode n, String f) {
            return n.hasNonNull(f) ? n.get(f).asText() : null;
        }

        boolean plainText() {
            return status == null && source == null && reviewer == null && reviewed == null;
        }

        JsonNode node() {
            if (plainText()) {
                return JsonNodeFactory.instance.textNode(text);
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("text", text);
            if (status != null) {
                o.put("status", status);
            }
            if (source != null) {
                o.put("source", source);
            }
            if (reviewer != null) {
                o.put("reviewer", reviewer);
            }
            if (reviewed != null) {
                o.put("reviewed", reviewed);
            }
            return o;
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern KEYS = Pattern.compile("^keys:\\s*(\\{\\s*})?\\s*(#.*)?$");
    private static final Pattern ENTRY = Pattern.compile("^( +)([A-Za-z0-9_.@-]+|\"[^\"]+\"|'[^']+'):(?:\\s|$)");

    private final String original;
    private final boolean crlf;
    private final List<String> lines;
    private final JsonNode before;
    private final Map<String, Value> puts = new LinkedHashMap<>();
    private final Set<String> removes = new LinkedHashSet<>();
    private int indent = 2;

    YamlEditor(String text) {
        // A file saved on Windows keeps its CRLF line ends; the editing itself works on LF.
        this.crlf = text.contains("\r\n");
        String content = crlf ? text.replace("\r\n", "\n") : text;
        this.original = content;
        this.lines = new ArrayList<>(List.of(content.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        try {
            JsonNode t = YAML.readTree(content);
            this.before = t == null || t.isMissingNode() ? JsonNodeFactory.instance.objectNode() : t;
        } catch (IOException e) {
            throw new IllegalStateException("not valid YAML: " + e.getMessage(), e);
        }
        int k = keysLine();
        if (k >= 0) {
            for (int i = k + 1; i < blockEnd(k); i++) {
                Matcher m = ENTRY.matcher(lines.get(i));
                if (m.find()) {
                    indent = m.group(1).length();
                    break;
                }
            }
        }
    }

    /** A brand-new file for a language's words in one area. */
    static YamlEditor create(String header) {
        return new YamlEditor(header + "keys: {}\n");
    }

    /** The value the file holds now for {@code key}, or null. */
    Value current(String key) {
        return Value.of(before.path("keys").get(key));
    }

    boolean has(String key) {
        return before.path("keys").has(key);
    }

    /** Replaces the entry of {@code key}, or inserts it after the nearest key that precedes it in {@code order}. */
    void put(String key, Value v, List<String> order) {
        int[] span = span(key);
        List<String> rendered = YamlValues.render(key, v, indent);
        if (span != null) {
            replace(span[0], span[1], rendered);
        } else {
            insert(key, rendered, order);
        }
        puts.put(key, v);
        removes.remove(key);
    }

    void remove(String key) {
        int[] span = span(key);
        if (span != null) {
            replace(span[0], span[1], List.of());
            removes.add(key);
            puts.remove(key);
        }
    }

    /** The edited file, checked by parsing it back. */
    String text() {
        String out = String.join("\n", lines) + "\n";
        JsonNode after;
        try {
            after = YAML.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("the edited file would not be valid YAML (" + e.getMessage() + "); nothing written");
        }
        ObjectNode expected = before.deepCopy();
        ObjectNode keys = expected.get("keys") instanceof ObjectNode o ? o : expected.putObject("keys");
        removes.forEach(keys::remove);
        puts.forEach((k, v) -> keys.set(k, v.node()));
        JsonNode got = after == null ? JsonNodeFactory.instance.objectNode() : after;
        if (got.path("keys").isMissingNode() && keys.isEmpty()) {
            ((ObjectNode) got).putObject("keys");
        }
        if (!expected.equals(got)) {
            for (var it = keys.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().equals(got.path("keys").get(e.getKey()))) {
                    throw new IllegalStateException("rewriting key '" + e.getKey() + "' would change it to "
                            + got.path("keys").get(e.getKey()) + "; nothing written");
                }
            }
            throw new IllegalStateException("the edit would change more than the keys it should; nothing written");
        }
        return crlf ? out.replace("\n", "\r\n") : out;
    }

    boolean changed() {
        return !puts.isEmpty() || !removes.isEmpty() || !original.endsWith("\n");
    }

    // --- locating entries -------------------------------------------------------------------

    private int keysLine() {
        for (int i = 0; i < lines.size(); i++) {
            if (KEYS.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The first line after the keys block: the next top-level entry, or the end. */
    private int blockEnd(int keysLine) {
        for (int i = keysLine + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#")) {
                return i;
            }
        }
        return lines.size();
    }

    /** [first, end) lines of the entry for {@code key} (without the blank lines after it), or null. */
    private int[] span(String key) {
        int k = keysLine();
        if (k < 0) {
            return null;
        }
        int end = blockEnd(k);
        for (int i = k + 1; i < end; i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            if (m.find() && m.group(1).length() == indent && unquote(m.group(2)).equals(key)) {
                int j = i + 1;
                while (j < end && (lines.get(j).isBlank() || leading(lines.get(j)) > indent)) {
                    j++;
                }
                while (j > i + 1 && lines.get(j - 1).isBlank()) {
                    j--;
                }
                return new int[] {i, j};
            }
        }
        return null;
    }

    private void insert(String key, List<String> rendered, List<String> order) {
        int k = keysLine();
        if (k < 0) {
            lines.add("keys:");
            k = lines.size() - 1;
        } else if (!lines.get(k).startsWith("keys:") || lines.get(k).contains("{")) {
            lines.set(k, "keys:");
        }
        int pos = order.indexOf(key);
        for (int i = pos - 1; i >= 0 && pos >= 0; i--) {
            int[] s = span(order.get(i));
            if (s != null) {
                lines.addAll(s[1], rendered);
                return;
            }
        }
        for (int i = pos + 1; i < order.size() && pos >= 0; i++) {
            int[] s = span(order.get(i));
            if (s != null) {
                int at = s[0];
                // Keep a comment that heads the following entry above it, not above ours.
                while (at - 1 > k && lines.get(at - 1).trim().startsWith("#") && leading(lines.get(at - 1)) <= indent) {
                    at--;
                }
                lines.addAll(at, rendered);
                return;
            }
        }
        int end = blockEnd(k);
        while (end - 1 > k && lines.get(end - 1).isBlank()) {
            end--;
        }
        lines.addAll(end, rendered);
    }

    private void replace(int from, int to, List<String> with) {
        for (int i = from; i < to; i++) {
            lines.remove(from);
        }
        lines.addAll(from, with);
    }

    private static int leading(String l) {
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String unquote(String k) {
        return (k.startsWith("\"") || k.startsWith("'")) ? k.substring(1, k.length() - 1) : k;
    }
}
