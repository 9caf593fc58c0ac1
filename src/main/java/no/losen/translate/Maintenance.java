package no.losen.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Text;
import no.losen.translate.YamlEditor.Value;

/**
 * The two housekeeping edits: {@code prune} removes orphaned keys from every language's
 * files; {@code stamp} records the current nb fingerprint on a language's translations that
 * have none, for a coordinator who knows they match today's Norwegian text. Both edit files in
 * place with {@link YamlEditor} and return what they would write; the caller writes it.
 */
public final class Maintenance {

    private final Path root;
    private final Catalog catalog;

    public Maintenance(Path root, Catalog catalog) {
        this.root = root;
        this.catalog = catalog;
    }

    public Map<Path, String> prune(List<Catalog.Orphan> orphans) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        orphans.forEach(o -> byFile.computeIfAbsent(o.at().file(), f -> new ArrayList<>()).add(o.key()));
        Map<Path, String> out = new LinkedHashMap<>();
        byFile.forEach((file, keys) -> {
            YamlEditor ed = editor(file);
            keys.forEach(ed::remove);
            out.put(root.resolve(file), ed.text());
        });
        return out;
    }

    /** Stamps {@code lang}'s unverified translations; returns the files and the number of keys stamped. */
    public Map<Path, String> stamp(String lang, List<String> stamped) {
        Map<String, YamlEditor> editors = new LinkedHashMap<>();
        for (Entry e : catalog.entries(lang)) {
            if (!e.unverified()) {
                continue;
            }
            Text t = e.target();
            YamlEditor ed = editors.computeIfAbsent(t.origin().file(), this::editor);
            Value v = ed.current(e.key());
            if (v == null) {
                continue;
            }
            ed.put(e.key(), new Value(v.text(), v.status(), e.fingerprint(), v.reviewer(), v.reviewed()), catalog.sourceOrder());
            stamped.add(e.key());
        }
        Map<Path, String> out = new LinkedHashMap<>();
        editors.forEach((file, ed) -> out.put(root.resolve(file), ed.text()));
        return out;
    }

    private YamlEditor editor(String file) {
        try {
            return new YamlEditor(Files.readString(root.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Map<Path, String> files) {
        files.forEach((p, text) -> {
            try {
                Files.writeString(p, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
