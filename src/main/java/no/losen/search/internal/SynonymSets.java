package no.losen.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Domain synonym sets ({@code search/synonyms-nb.yaml}): each set is one concept, and every
 * variant found in a text is reported as that concept's token ({@code syn7}). The same tagging
 * runs over the passages at index time and over the question at query time, so a question that
 * says "papirløs" meets a report that says "uten lovlig opphold" — without listing every
 * inflection, since a variant word ending in {@code *} matches any word it begins.
 *
 * <p>Why a concept field rather than query expansion into all variants: expansion gives each
 * variant its own IDF, so a rare spelling would outweigh the common one; a concept token has one
 * document frequency for the whole set.
 */
public final class SynonymSets {

    public static final String RESOURCE = "/search/synonyms-nb.yaml";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*\\*?");
    private static final int MIN_PREFIX = 2;

    /** One variant: its words, each exact or (ending in *) a prefix. */
    private record Variant(String concept, String[] words) {
        boolean matches(String word, int i) {
            String w = words[i];
            return w.endsWith("*") ? word.startsWith(w.substring(0, w.length() - 1)) : word.equals(w);
        }
    }

    /** A concept found in a text: its token and the index of the first word it covers. */
    public record Match(String concept, int firstWord, int words) {}

    private final Map<String, List<Variant>> byExactFirst = new HashMap<>();
    private final Map<String, List<Variant>> byPrefixFirst = new HashMap<>();
    private final int maxPrefix;
    private final int size;

    private SynonymSets(List<List<String>> sets) {
        int longest = 0;
        for (int i = 0; i < sets.size(); i++) {
            String concept = "syn" + i;
            for (String v : sets.get(i)) {
                List<String> words = words(v, true);
                if (words.isEmpty()) {
                    continue;
                }
                Variant variant = new Variant(concept, words.toArray(String[]::new));
                String first = words.get(0);
                if (first.endsWith("*")) {
                    String p = first.substring(0, first.length() - 1);
                    byPrefixFirst.computeIfAbsent(p, k -> new ArrayList<>()).add(variant);
                    longest = Math.max(longest, p.length());
                } else {
                    byExactFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(variant);
                }
            }
        }
        this.maxPrefix = longest;
        this.size = sets.size();
    }

    /** The bundled sets. */
    public static SynonymSets load() {
        try (InputStream in = SynonymSets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("synonym sets missing: " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static SynonymSets parse(JsonNode root) {
        List<List<String>> sets = new ArrayList<>();
        for (JsonNode s : root.path("sets")) {
            List<String> variants = new ArrayList<>();
            for (String v : s.asText().split("\\|")) {
                if (!v.isBlank()) {
                    variants.add(v.trim());
                }
            }
            sets.add(variants);
        }
        return new SynonymSets(sets);
    }

    public static SynonymSets of(List<List<String>> sets) {
        return new SynonymSets(sets);
    }

    public int size() {
        return size;
    }

    /** Lower-cased words of {@code text} as the sets see them (hyphenated words stay whole). */
    public static List<String> words(String text, boolean keepStars) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            out.add(keepStars || !w.endsWith("*") ? w : w.substring(0, w.length() - 1));
        }
        return out;
    }

    /** Every concept occurrence in {@code words}, longest variant first at each position. */
    public List<Match> find(List<String> words) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Variant best = null;
            best = longest(byExactFirst.get(w), words, i, best);
            for (int len = MIN_PREFIX; len <= Math.min(maxPrefix, w.length()); len++) {
                best = longest(byPrefixFirst.get(w.substring(0, len)), words, i, best);
            }
            if (best != null) {
                out.add(new Match(best.concept(), i, best.words().length));
                i += best.words().length - 1; // "uten lovlig opphold" is not also "lovlig opphold"
            }
        }
        return out;
    }

    private static Variant longest(List<Variant> candidates, List<String> words, int at, Variant best) {
        if (candidates == null) {
            return best;
        }
        for (Variant v : candidates) {
            if (at + v.words().length > words.size() || best != null && best.words().length >= v.words().length) {
                continue;
            }
            boolean all = true;
            for (int j = 0; j < v.words().length && all; j++) {
                all = v.matches(words.get(at + j), j);
            }
            if (all) {
                best = v;
            }
        }
        return best;
    }

    /** The concept tokens of {@code text}, one per occurrence, space separated (a field's text). */
    public String tag(String text) {
        StringBuilder sb = new StringBuilder();
        for (Match m : find(words(text, false))) {
            sb.append(m.concept()).append(' ');
        }
        return sb.toString().trim();
    }
}
