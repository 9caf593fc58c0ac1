package no.losen.translate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.losen.dialog.Dialog;

/**
 * The coordinator's table: per language, how many keys it needs and where they stand, then
 * the dialogs a language cannot yet run without falling back (a key missing, or stale and so
 * shown in the fallback language), then the orphans {@code prune} would remove.
 */
public final class Report {

    /** One language's counts. {@code translated} = reviewed + draft + stale; {@code missing} = total − translated. */
    public record Line(String lang, int total, int translated, int reviewed, int draft, int stale, int missing,
                       int unverified) {
    }

    /** A dialog a language cannot fully show: how many of its keys are missing or stale. */
    public record Gap(String dialog, String lang, int needed, int missing, int stale) {
    }

    private final Catalog catalog;

    public Report(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (String lang : catalog.targets()) {
            int[] n = new int[State.values().length];
            int unverified = 0;
            List<Entry> es = catalog.entries(lang);
            for (Entry e : es) {
                n[e.state().ordinal()]++;
                unverified += e.unverified() ? 1 : 0;
            }
            int missing = n[State.MISSING.ordinal()];
            out.add(new Line(lang, es.size(), es.size() - missing, n[State.REVIEWED.ordinal()], n[State.DRAFT.ordinal()],
                    n[State.STALE.ordinal()], missing, unverified));
        }
        return out;
    }

    public List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (Dialog d : catalog.set().dialogs().values()) {
            Set<String> langs = new LinkedHashSet<>(d.languages());
            langs.addAll(d.residentLanguages());
            for (String lang : langs) {
                boolean ui = d.languages().contains(lang);
                int needed = 0;
                int missing = 0;
                int stale = 0;
                for (String key : catalog.sourceOrder()) {
                    List<Use> uses = catalog.usage().of(key);
                    boolean shown = uses.stream().anyMatch(u -> (u.dialog().equals(d.id()) && (ui || u.resident()))
                            || (ui && u.dialog().equals("engine")));
                    if (!shown) {
                        continue;
                    }
                    Entry e = catalog.entry(key, lang);
                    if (e.shortens() != null && e.state() == State.MISSING
                            && catalog.set().translations().has(lang, e.shortens())) {
                        continue;   // no short SMS form yet: the language's own full text is sent, nothing falls back
                    }
                    needed++;
                    State s = e.state();
                    missing += s == State.MISSING ? 1 : 0;
                    stale += s == State.STALE ? 1 : 0;
                }
                if (missing + stale > 0) {
                    out.add(new Gap(d.id(), lang, needed, missing, stale));
                }
            }
        }
        return out;
    }

    public void print(PrintStream out) {
        out.printf("%-5s %-16s %6s %10s %8s %6s %6s %8s %10s%n", "lang", "name", "keys", "translated", "reviewed", "draft",
                "stale", "missing", "unverified");
        for (Line l : lines()) {
            String name = catalog.set().translations().language(l.lang()).map(x -> x.name()).orElse(l.lang());
            out.printf("%-5s %-16s %6d %10d %8d %6d %6d %8d %10d%n", l.lang(), clip(name), l.total(), l.translated(),
                    l.reviewed(), l.draft(), l.stale(), l.missing(), l.unverified());
        }
        List<Gap> gaps = gaps();
        out.println();
        if (gaps.isEmpty()) {
            out.println("Every dialog is fully available in every language it offers.");
        } else {
            out.println("Not fully available (shown partly in the fallback language):");
            for (Gap g : gaps) {
                out.printf("  %-24s %-5s %d of %d keys missing, %d stale%n", g.dialog(), g.lang(), g.missing(), g.needed(),
                        g.stale());
            }
        }
        List<Catalog.Orphan> orphans = catalog.orphans();
        if (!orphans.isEmpty()) {
            out.println();
            out.println(orphans.size() + " orphaned keys (remove with: translations prune):");
            orphans.forEach(o -> out.println("  " + o));
        }
    }

    private static String clip(String s) {
        return s.length() <= 16 ? s : s.substring(0, 15) + "…";
    }
}
