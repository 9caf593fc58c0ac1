package no.losen.dialog.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.losen.internal.YamlDoc;

/** Reads {@code dialogs/tests/*.yaml}. A script that cannot be read is itself a failing test. */
public final class ScriptReader {

    static final List<String> KINDS = List.of("start", "choose", "text", "back", "restart", "lang", "end");

    private ScriptReader() {
    }

    /** Every script under {@code root/dialogs/tests}, sorted by file name. */
    public static List<Path> files(Path root) {
        Path dir = root.resolve("dialogs").resolve("tests");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Script read(Path root, Path file) throws YamlDoc.SyntaxError {
        YamlDoc doc = YamlDoc.read(file, root.relativize(file).toString());
        JsonNode t = doc.tree;
        List<Script.Turn> turns = new ArrayList<>();
        JsonNode list = t.path("turns");
        for (int i = 0; i < list.size(); i++) {
            JsonNode turn = list.get(i);
            String kind = null;
            for (String k : KINDS) {
                if (turn.has(k)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new YamlDoc.SyntaxError(doc.at("/turns/" + i), "a turn needs one of " + KINDS);
            }
            turns.add(new Script.Turn(kind, turn.get(kind), turn.get("expect"), doc.at("/turns/" + i)));
        }
        if (turns.isEmpty()) {
            throw new YamlDoc.SyntaxError(doc.at(""), "a script needs turns");
        }
        List<String> setup = new ArrayList<>();
        t.path("setup").forEach(n -> setup.add(n.asText()));
        for (String name : setup) {
            if (!no.losen.dialog.Setup.KNOWN.contains(name)) {
                throw new YamlDoc.SyntaxError(doc.at("/setup"), "unknown set-up name '" + name + "' (known: "
                        + new java.util.TreeSet<>(no.losen.dialog.Setup.KNOWN) + ")");
            }
        }
        return new Script(doc.file, t.path("name").asText(doc.file), t.path("dialog").asText(null),
                t.path("lang").asText(null), t.path("staff").asBoolean(false),
                t.path("allow-fallback").asBoolean(false), setup, turns);
    }
}
