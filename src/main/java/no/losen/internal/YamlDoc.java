package no.losen.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.losen.content.Origin;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A parsed YAML file that remembers where every value stood. Jackson's tree forgets
 * positions, so the tree is built here from one streaming pass that also maps each JSON
 * pointer to its line and column; every later check (schema, references, translations) can
 * then name the exact place. One pass, not a tree and then a second pass for the places:
 * some 1.6 MB of content is parsed at every start, and parsing was most of loading it.
 */
public final class YamlDoc {

    /** The file could not be read or is not YAML; {@code at} is where the parser stopped. */
    public static final class SyntaxError extends Exception {
        public final Origin at;

        public SyntaxError(Origin at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }


    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLFactory FACTORY = (YAMLFactory) MAPPER.getFactory();

    public final String file;
    public final JsonNode tree;
    private final Map<String, Origin> origins;

    private YamlDoc(String file, JsonNode tree, Map<String, Origin> origins) {
        this.file = file;
        this.tree = tree;
        this.origins = origins;
    }

    /** Reads a file, naming it {@code name} in every origin. */
    public static YamlDoc read(Path path, String name) throws SyntaxError {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SyntaxError(new Origin(name, 0, 0), "cannot read: " + e.getMessage());
        }
        try {
            Map<String, Origin> origins = new HashMap<>();
            JsonNode tree;
            try (JsonParser p = FACTORY.createParser(text)) {
                tree = p.nextToken() == null ? null : node(p, "", name, origins);
            }
            return new YamlDoc(name, tree == null ? MAPPER.createObjectNode() : tree, origins);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // SnakeYAML knows where the broken construct starts; Jackson only where the parser gave up.
                var mark = m.getContextMark() != null ? m.getContextMark() : m.getProblemMark();
                String context = m.getContext() == null ? "" : " (" + m.getContext().trim() + " that starts here)";
                throw new SyntaxError(new Origin(name, mark.getLine() + 1, mark.getColumn() + 1),
                        "YAML: " + m.getProblem() + context);
            }
            JsonLocation l = e.getLocation();
            Origin at = l == null ? new Origin(name, 0, 0) : new Origin(name, l.getLineNr(), l.getColumnNr());
            throw new SyntaxError(at, "YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SyntaxError(new Origin(name, 0, 0), "cannot read: " + e.getMessage());
        }
    }

    /** The value the parser stands on, as Jackson's tree would hold it, and the place of it and of everything in it. */
    private static JsonNode node(JsonParser p, String pointer, String file, Map<String, Origin> out) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        out.putIfAbsent(pointer, new Origin(file, l.getLineNr(), l.getColumnNr()));
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                    JsonLocation k = p.currentTokenLocation();
                    out.put(child, new Origin(file, k.getLineNr(), k.getColumnNr()));
                    p.nextToken();
                    o.set(key, node(p, child, file, out));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(node(p, pointer + "/" + i++, file, out));
                }
                return a;
            }
            default:
                // A scalar: read as Jackson reads it (the YAML types of numbers, booleans, null).
                return MAPPER.readTree(p);
        }
    }

    /** Where the value at {@code pointer} stands, or its nearest parent's place. */
    public Origin at(String pointer) {
        String p = pointer;
        while (true) {
            Origin o = origins.get(p);
            if (o != null) {
                return o;
            }
            if (p.isEmpty()) {
                return new Origin(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
