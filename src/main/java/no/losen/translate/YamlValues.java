package no.losen.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.translate.YamlEditor.Value;

/**
 * How {@link YamlEditor} writes one entry: the plain style authors use where YAML reads it back
 * unchanged ({@code key: Hei på deg}), a literal block for multi-line texts, a flow mapping
 * ({@code key: {text: "…", status: draft, source: "…"}}) when a text carries metadata, and
 * double quotes for anything else. Fingerprints and dates are always quoted, so
 * {@code 123456789012} or {@code 2026-11-23} is never read as a number or a date.
 */
final class YamlValues {

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlValues() {
    }

    static List<String> render(String key, Value v, int indent) {
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        boolean multi = v.text().indexOf('\n') >= 0;
        if (v.plainText()) {
            if (multi && literalOk(v.text())) {
                out.add(pad + key + ": |-");
                v.text().lines().forEach(l -> out.add(l.isEmpty() ? "" : pad + "  " + l));
            } else {
                out.add(pad + key + ": " + scalar(v.text()));
            }
            return out;
        }
        if (!multi || !literalOk(v.text())) {
            StringBuilder b = new StringBuilder(pad + key + ": {text: " + quoted(v.text()));
            meta(v).forEach((f, x) -> b.append(", ").append(f).append(": ").append(x));
            out.add(b.append('}').toString());
            return out;
        }
        out.add(pad + key + ":");
        out.add(pad + "  text: |-");
        v.text().lines().forEach(l -> out.add(l.isEmpty() ? "" : pad + "    " + l));
        meta(v).forEach((f, x) -> out.add(pad + "  " + f + ": " + x));
        return out;
    }

    private static Map<String, String> meta(Value v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v.status() != null) {
            m.put("status", v.status());
        }
        if (v.source() != null) {
            m.put("source", quoted(v.source()));
        }
        if (v.reviewer() != null) {
            m.put("reviewer", quoted(v.reviewer()));
        }
        if (v.reviewed() != null) {
            m.put("reviewed", quoted(v.reviewed()));
        }
        return m;
    }

    /** A literal block keeps a multi-line text readable; only for texts it represents exactly. */
    private static boolean literalOk(String t) {
        if (t.endsWith("\n") || t.startsWith(" ") || t.startsWith("\n")) {
            return false;
        }
        for (String l : t.split("\n", -1)) {
            if (!l.isEmpty() && (l.isBlank() || Character.isWhitespace(l.charAt(l.length() - 1)))) {
                return false;
            }
            if (!l.chars().allMatch(c -> c >= 0x20 && c != 0x7F && c != 0x2028 && c != 0x2029 && c != 0xFEFF)) {
                return false;
            }
        }
        return true;
    }

    /** Plain when it plainly reads back as the same string, else double-quoted. */
    static String scalar(String t) {
        if (!t.isEmpty() && Character.isLetter(t.charAt(0)) && t.equals(t.strip()) && !t.contains(": ") && !t.contains(" #")
                && !t.endsWith(":") && t.chars().allMatch(c -> c >= 0x20 && c != 0x7F && c != 0x2028 && c != 0x2029 && c != 0xFEFF
                && c != 0x85)) {
            try {
                JsonNode n = YAML.readTree("k: " + t);
                if (n != null && n.path("k").isTextual() && n.path("k").asText().equals(t)) {
                    return t;
                }
            } catch (IOException ignored) {
                // not plain-safe: quote it
            }
        }
        return quoted(t);
    }

    static String quoted(String t) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
