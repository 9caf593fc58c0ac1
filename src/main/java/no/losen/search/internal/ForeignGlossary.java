package no.losen.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A curated domain glossary from one language into Norwegian,
 * {@code search/glossary-<lang>-nb.yaml}, in the format of {@code glossary-en-nb.yaml}: under
 * {@code terms}, a key of variants separated by {@code |} and a value of Norwegian words.
 *
 * <p>Entries under {@code search_terms} are read by handbook search only ({@link #forRouting()} leaves
 * them out). Why: the same Norwegian words are also the bridge through which intent recognition
 * reads a message in another language, and a bridge is part of what the routing model is trained
 * on: growing the Romanian and Ukrainian glossaries threefold lifted the search's recall (Romanian
 * 0.40 → 0.60 on questions kept apart) but moved messages of other languages across the routing
 * model's margins (a Persian debt to a smuggler no longer reached emergency help). A term moves
 * from {@code search_terms} to {@code terms} when a routing run with it is clean (docs/search.md).
 *
 * <p>Variants are matched word by word on the keys of {@link LanguageForms} (lemmas or stems), so
 * a glossary writes base forms and the question may inflect them. Where no analyser exists
 * (Somali, Tigrinya, Amharic), a question word also matches a glossary word it begins with when
 * at most a few letters follow (Somali's suffixed articles, "xaqa" → "xaq"; for Ethiopic two
 * syllables), and in Ethiopic script after one of the prepositions written onto the word
 * (የ, ለ, በ, ከ, ብ, ን, ካብ, ናብ, ኣብ, እንደ, ስለ).
 */
public final class ForeignGlossary {

    private static final List<String> ETHIOPIC_PREFIXES = List.of("እንደ", "ስለ", "ካብ", "ናብ", "ኣብ", "ንም", "የ", "ለ", "በ", "ከ", "ብ", "ን", "ም", "ና", "ዝ");

    private record Entry(List<LanguageForms.Word> words, List<String> norwegian, List<String> folded, boolean searchOnly) {
        Entry(List<LanguageForms.Word> words, List<String> norwegian, boolean searchOnly) {
            this(words, norwegian, words.stream().map(w -> fold(w.surface())).toList(), searchOnly);
        }
    }

    /** A glossary phrase found in a question: where it starts, how many words, its Norwegian words. */
    public record Match(int start, int length, List<String> norwegian) {}

    private final LanguageForms forms;
    private final List<Entry> entries;
    /**
     * Entry numbers by what their first word can be found under: its keys and surface, and (prefixed
     * "f:") its folded surface with and without its last letter. {@link #match} looks up only the
     * entries a question word can begin, instead of trying every entry at every word.
     */
    private final Map<String, List<Integer>> byFirstWord = new java.util.HashMap<>();

    private ForeignGlossary(LanguageForms forms, List<Entry> entries) {
        this.forms = forms;
        this.entries = entries;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Set<String> under = new java.util.HashSet<>(e.words().get(0).keys());
            under.add(e.words().get(0).surface());
            String f = e.folded().get(0);
            under.add("f:" + f);
            if (f.length() >= 5) {
                under.add("f:" + f.substring(0, f.length() - 1));
            }
            for (String k : under) {
                byFirstWord.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The entries whose first word may be {@code w}: a superset, each checked by {@link #match}. */
    private java.util.SortedSet<Integer> candidates(LanguageForms.Word w, String folded) {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (String k : w.keys()) {
            out.addAll(byFirstWord.getOrDefault(k, List.of()));
        }
        int min = forms.syllabic() ? 2 : 4;
        int tail = forms.syllabic() ? 2 : 4;
        prefixes(w.surface(), "", min, tail, out);
        if (forms.syllabic()) {
            for (String p : ETHIOPIC_PREFIXES) {
                if (w.surface().startsWith(p) && w.surface().length() > p.length()) {
                    prefixes(w.surface().substring(p.length()), "", min, tail, out);
                }
            }
        } else {
            prefixes(folded, "f:", 4, tail, out);
        }
        return out;
    }

    private void prefixes(String q, String mark, int min, int tail, java.util.SortedSet<Integer> out) {
        for (int len = Math.max(1, Math.min(min, q.length())); len <= q.length(); len++) {
            if (len < q.length() - tail) {
                continue;
            }
            List<Integer> found = byFirstWord.get(mark + q.substring(0, len));
            if (found != null) {
                out.addAll(found);
            }
        }
    }

    public static String resource(String lang) {
        return "/search/glossary-" + lang + "-nb.yaml";
    }

    /** The bundled glossary of {@code forms.lang()}, if one is bundled. */
    public static Optional<ForeignGlossary> load(LanguageForms forms) {
        String resource = resource(forms.lang());
        try (InputStream in = ForeignGlossary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(forms, new ObjectMapper(new YAMLFactory()).readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary " + resource, e);
        }
    }

    static ForeignGlossary parse(LanguageForms forms, JsonNode root) {
        List<Entry> entries = new ArrayList<>();
        for (String section : List.of("terms", "search_terms")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path(section).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> nb = Arrays.asList(e.getValue().asText().trim().split("\\s+"));
                for (String variant : e.getKey().split("\\|")) {
                    List<LanguageForms.Word> words = forms.words(variant.trim());
                    if (!words.isEmpty()) {
                        entries.add(new Entry(words, nb, section.equals("search_terms")));
                    }
                }
            }
        }
        // longest phrase first, so "residence permit" wins over "permit" (a stable sort: a phrase under
        // terms stays before the same length under search_terms)
        entries.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
        return new ForeignGlossary(forms, List.copyOf(entries));
    }

    /** The same glossary without its {@code search_terms}: the bridge of intent recognition. */
    public ForeignGlossary forRouting() {
        List<Entry> shared = entries.stream().filter(e -> !e.searchOnly()).toList();
        return shared.size() == entries.size() ? this : new ForeignGlossary(forms, shared);
    }

    public int size() {
        return entries.size();
    }

    /** The longest glossary phrase starting at word {@code at}, or null. */
    public Match match(List<LanguageForms.Word> words, int at) {
        if (at >= words.size()) {
            return null;
        }
        String[] folded = new String[words.size()];
        folded[at] = fold(words.get(at).surface());
        for (int i : candidates(words.get(at), folded[at])) {
            Entry e = entries.get(i);
            int n = e.words().size();
            if (at + n > words.size()) {
                continue;
            }
            boolean all = true;
            for (int j = 0; j < n && all; j++) {
                all = same(e.words().get(j), words.get(at + j));
                if (!all && !forms.syllabic()) {
                    if (folded[at + j] == null) {
                        folded[at + j] = fold(words.get(at + j).surface());
                    }
                    all = sameFolded(e.folded().get(j), folded[at + j]);
                }
            }
            if (all) {
                return new Match(at, n, e.norwegian());
            }
        }
        return null;
    }

    private boolean same(LanguageForms.Word glossary, LanguageForms.Word question) {
        if (intersects(glossary.keys(), question.keys())) {
            return true;
        }
        String g = glossary.surface();
        String q = question.surface();
        if (suffixed(g, q)) {
            return true;
        }
        if (forms.syllabic()) {
            for (String p : ETHIOPIC_PREFIXES) {
                if (q.startsWith(p) && q.length() > p.length() && (q.substring(p.length()).equals(g) || suffixed(g, q.substring(p.length())))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same word typed without diacritics, which the analysers do not reduce ("ciazy" for "ciąży",
     * "insarcinata" for "însărcinată"): equal after folding, or the folded glossary word less its last
     * letter followed by a short ending (Polish and Romanian inflect the last vowel). Latin script only:
     * the Arabic and Cyrillic analysers already read those words as people type them.
     */
    private boolean sameFolded(String g, String q) {
        if (g.isEmpty() || q.isEmpty() || Character.UnicodeScript.of(q.codePointAt(0)) != Character.UnicodeScript.LATIN) {
            return false;
        }
        return g.equals(q) || suffixed(g, q) || g.length() >= 5 && suffixed(g.substring(0, g.length() - 1), q);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    static String fold(String word) {
        String n = java.text.Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFKD);
        return MARKS.matcher(n).replaceAll("").replace('ł', 'l').replace('ё', 'е');
    }

    /** {@code q} is {@code g} with a short ending: up to 4 letters (2 Ethiopic syllables). */
    private boolean suffixed(String g, String q) {
        int min = forms.syllabic() ? 2 : 4;
        int tail = forms.syllabic() ? 2 : 4;
        return g.length() >= min && q.startsWith(g) && q.length() - g.length() <= tail;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
