package no.losen.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.losen.content.Fingerprint;
import no.losen.content.Language;
import no.losen.content.Text;
import no.losen.translate.YamlEditor.Value;

/**
 * Merges an exchange file into {@code translations/}. Everything is checked first; if any row
 * is wrong, nothing is written and every problem is listed as {@code file:line: message}. A
 * row with an empty target never removes a translation (it is reported as kept); keys the
 * file does not mention are not touched. Each written text records the fingerprint it was
 * exported with, so a text translated from an nb version that changed meanwhile is stale at once.
 */
public final class Importer {

    /** What an import did or would do. {@code writes} maps files (under the content root) to their new content. */
    public record Result(List<String> errors, List<String> warnings, List<String> changes, List<String> kept,
                         Map<Path, String> writes) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Path root;
    private final Catalog catalog;
    private final String reviewer;
    private final LocalDate today;

    public Importer(Path root, Catalog catalog, String reviewer, LocalDate today) {
        this.root = root;
        this.catalog = catalog;
        this.reviewer = reviewer == null || reviewer.isBlank() ? null : reviewer.trim();
        this.today = today;
    }

    public Result plan(Exchange x, String fileName) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        x.problems().forEach(p -> errors.add(fileName + ":" + p));
        String lang = x.lang();
        Language language = lang == null ? null : catalog.set().translations().language(lang).orElse(null);
        if (lang != null && lang.equals(Fingerprint.SOURCE_LANG)) {
            errors.add(fileName + ":1: nb is the source language; edit translations/**/nb.yaml directly");
        } else if (lang != null && language == null) {
            errors.add(fileName + ":1: no language '" + lang + "': add translations/" + lang + ".yaml with its meta first");
        }
        if (!errors.isEmpty()) {
            return new Result(errors, warnings, changes, kept, Map.of());
        }
        TextChecks checks = new TextChecks(catalog.set());
        Map<String, Map<String, Value>> byFile = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row r : x.rows()) {
            String at = fileName + ":" + r.line() + ": ";
            String key = r.key();
            if (key.isEmpty()) {
                errors.add(at + "a row without a key");
                continue;
            }
            if (!seen.add(key)) {
                errors.add(at + "'" + key + "' appears twice in the file");
                continue;
            }
            if (!catalog.set().translations().has(Fingerprint.SOURCE_LANG, key)) {
                errors.add(at + "'" + key + "' is not a key of the Norwegian source (deleted or renamed?); export again");
                continue;
            }
            Entry e = catalog.entry(key, lang);
            Text cur = e.target();
            if (r.target().isBlank()) {
                if (cur != null) {
                    kept.add(key + ": the file has no text; the existing translation is kept");
                }
                continue;
            }
            String target = r.target();
            State wanted;
            switch (r.status().toLowerCase(java.util.Locale.ROOT)) {
                case "reviewed", "final" -> wanted = State.REVIEWED;
                case "draft", "translated" -> wanted = State.DRAFT;
                case "stale", "missing", "initial", "" -> wanted = null;
                default -> {
                    errors.add(at + "status '" + r.status() + "' is not draft or reviewed");
                    continue;
                }
            }
            String fp = r.fingerprint();
            if (fp.isEmpty()) {
                fp = e.fingerprint();
                warnings.add(at + "'" + key + "' has no fingerprint; taken as made from the current Norwegian text");
            } else if (!Fingerprint.valid(fp)) {
                errors.add(at + "'" + key + "': fingerprint '" + fp + "' is damaged (12 characters 0-9 a-f); export again");
                continue;
            }
            boolean sameText = cur != null && cur.text().equals(target);
            if (sameText && (wanted == null || (e.state() != State.STALE
                    && (wanted == State.DRAFT || e.state() == State.REVIEWED)))) {
                // Unchanged, or a weaker status than the file already has: never a silent downgrade.
                continue;
            }
            State status = wanted == State.REVIEWED ? State.REVIEWED : State.DRAFT;
            String who = status == State.REVIEWED ? (r.reviewer().isEmpty() ? reviewer : r.reviewer()) : null;
            if (status == State.REVIEWED && who == null) {
                errors.add(at + "'" + key + "' is marked reviewed but names no reviewer: fill the reviewer column or give --reviewer");
                continue;
            }
            boolean rowOk = true;
            for (TextChecks.Finding f : checks.check(e, target, language.rtl())) {
                (f.error() ? errors : warnings).add(at + "'" + key + "': " + f.message());
                rowOk &= !f.error();
            }
            if (!rowOk) {
                continue;
            }
            if (!fp.equals(e.fingerprint())) {
                warnings.add(at + "'" + key + "': the Norwegian text changed after this file was exported; imported, "
                        + "but stale until translated from the new text");
            }
            String file = cur != null ? cur.origin().file() : sibling(e.nbFile(), lang);
            byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(key, new Value(target, status.id(), fp, who,
                    who == null ? null : today.toString()));
            changes.add((cur == null ? "added    " : !sameText ? "updated  " : e.state() == State.STALE ? "confirmed"
                    : "reviewed ") + " " + key + " ("
                    + status.id() + ", " + file + ")");
        }
        if (!errors.isEmpty()) {
            return new Result(errors, warnings, changes, kept, Map.of());
        }
        Map<Path, String> writes = new LinkedHashMap<>();
        for (var f : byFile.entrySet()) {
            Path p = root.resolve(f.getKey());
            try {
                YamlEditor ed = Files.exists(p) ? new YamlEditor(Files.readString(p, StandardCharsets.UTF_8))
                        : YamlEditor.create("# " + language.name() + " (" + lang + "): words written by "
                        + "`losen translations import`. See docs/translating.md.\n");
                f.getValue().forEach((k, v) -> ed.put(k, v, catalog.sourceOrder()));
                writes.put(p, ed.text());
            } catch (IllegalStateException ex) {
                errors.add(f.getKey() + ":1: cannot rewrite safely: " + ex.getMessage());
            } catch (IOException ex) {
                errors.add(f.getKey() + ":1: cannot read: " + ex.getMessage());
            }
        }
        return new Result(errors, warnings, changes, kept, errors.isEmpty() ? writes : Map.of());
    }

    /** Writes a planned import; a no-op for a refused one. */
    public static void write(Result r) {
        if (!r.ok()) {
            return;
        }
        r.writes().forEach((p, text) -> {
            try {
                Files.createDirectories(p.getParent());
                Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** translations/rights/nb.yaml → translations/rights/fr.yaml. */
    static String sibling(String nbFile, String lang) {
        String f = nbFile.replace('\\', '/');
        return f.substring(0, f.lastIndexOf('/') + 1) + lang + ".yaml";
    }
}
