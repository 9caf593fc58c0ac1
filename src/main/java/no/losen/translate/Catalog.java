package no.losen.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.losen.content.Fingerprint;
import no.losen.content.Origin;
import no.losen.content.Text;
import no.losen.content.Translations;
import no.losen.dialog.DialogSet;

/**
 * Every key of the loaded content with its state per language: what export writes, what
 * import checks against, what the report counts. Keys come in the order of the nb files
 * (file, then line), the order an author wrote them.
 */
public final class Catalog {

    /** A key nothing uses any more: a translation whose nb key is gone, or a dialog's key no dialog names. */
    public record Orphan(String lang, String key, Origin at, String why) {
        @Override
        public String toString() {
            return at.file() + ":" + at.line() + ": " + lang + " '" + key + "': " + why;
        }
    }

    private final DialogSet set;
    private final Usage usage;
    private final List<String> sourceOrder;

    public Catalog(DialogSet set) {
        this.set = set;
        this.usage = new Usage(set);
        this.sourceOrder = set.translations().keys(Fingerprint.SOURCE_LANG).entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Text> e) -> e.getValue().origin().file())
                        .thenComparingInt(e -> e.getValue().origin().line()))
                .map(Map.Entry::getKey).toList();
    }

    public DialogSet set() {
        return set;
    }

    public Usage usage() {
        return usage;
    }

    /** nb keys in the order their files list them. */
    public List<String> sourceOrder() {
        return sourceOrder;
    }

    /** The languages one translates into: every language but the source. */
    public List<String> targets() {
        return set.translations().codes().stream().filter(l -> !l.equals(Fingerprint.SOURCE_LANG)).toList();
    }

    /** The keys {@code lang} needs (or already has), orphans left out. */
    public List<Entry> entries(String lang) {
        Translations tr = set.translations();
        List<Entry> out = new ArrayList<>();
        for (String key : sourceOrder) {
            if (orphanSource(key) || !(usage.neededIn(key, lang) || tr.has(lang, key))) {
                continue;
            }
            out.add(entry(key, lang));
        }
        return out;
    }

    public Entry entry(String key, String lang) {
        Translations tr = set.translations();
        Text nb = tr.keys(Fingerprint.SOURCE_LANG).get(key);
        Text target = tr.keys(lang).get(key);
        State state = target == null ? State.MISSING : tr.stale(lang, key) ? State.STALE
                : target.draft() ? State.DRAFT : State.REVIEWED;
        return new Entry(key, nb, tr.keys("en").get(key), target, state, tr.sourceFingerprint(key).orElseThrow(),
                target != null && target.source() == null, usage.of(key), usage.sms(key), lang);
    }

    /** True when an nb key belongs to a dialog (by its name) and no dialog uses it. */
    public boolean orphanSource(String key) {
        return !usage.used(key) && usage.owner(key) != null;
    }

    /** Every orphan, in every language (nb included), so {@code prune} can remove them all. */
    public List<Orphan> orphans() {
        Translations tr = set.translations();
        List<Orphan> out = new ArrayList<>();
        for (String lang : tr.codes()) {
            tr.keys(lang).entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Text> e) -> e.getValue().origin().file())
                            .thenComparingInt(e -> e.getValue().origin().line()))
                    .forEach(e -> {
                        String key = e.getKey();
                        if (!tr.has(Fingerprint.SOURCE_LANG, key)) {
                            out.add(new Orphan(lang, key, e.getValue().origin(), "no Norwegian source text (the key was renamed or deleted)"));
                        } else if (orphanSource(key)) {
                            out.add(new Orphan(lang, key, e.getValue().origin(), "belongs to '" + usage.owner(key)
                                    + "' by its name, but nothing there uses it (its node or fact was deleted?)"));
                        }
                    });
        }
        return out;
    }
}
