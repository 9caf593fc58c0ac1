package no.losen.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes one language's keys as an exchange file, all of them or only those in some states. */
public final class Exporter {

    public enum Format { XLIFF, CSV }

    private final Catalog catalog;

    public Exporter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The rows for {@code lang}, by area (a dialog's folder, or {@code shared}); {@code only} empty means every key. */
    public Map<String, List<Row>> rows(String lang, Set<State> only) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        for (Entry e : catalog.entries(lang)) {
            if (only.isEmpty() || only.contains(e.state())) {
                out.computeIfAbsent(e.area(), a -> new ArrayList<>()).add(Row.of(e, Note.of(e, catalog.set())));
            }
        }
        return out;
    }

    public String export(String lang, Format format, Set<State> only) {
        Map<String, List<Row>> rows = rows(lang, only);
        if (format == Format.XLIFF) {
            return XliffFormat.write(lang, rows);
        }
        return CsvFormat.write(lang, rows.values().stream().flatMap(List::stream).toList());
    }
}
