package no.losen.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns an English question into a weighted bag of Norwegian search terms, since the corpus is
 * Norwegian only. Domain phrases come from the curated {@link Glossary} (longest match first:
 * "residence permit" before "permit"); other content words from FreeDict when installed, at a
 * lower weight because a general dictionary offers every sense of a word. Untranslated words are
 * kept too: English questions often carry Norwegian names ("fastlege", "UDI", "ROSA").
 */
public final class QueryTranslator {

    static final float GLOSSARY = 1.0f;
    static final float KEPT = 0.6f;
    static final float DICTIONARY = 0.35f;
    static final double SPREAD = Double.parseDouble(System.getProperty("losen.spread", "0.5"));
    private static final int DICTIONARY_SENSES = 3;

    private final Glossary glossary;
    private final Optional<FreeDict> freeDict;

    public QueryTranslator(Glossary glossary, Optional<FreeDict> freeDict) {
        this.glossary = glossary;
        this.freeDict = freeDict;
    }

    public Glossary glossary() {
        return glossary;
    }

    public boolean hasDictionary() {
        return freeDict.isPresent();
    }

    /** Norwegian terms with weights, strongest evidence kept when a term arrives twice. */
    public Map<String, Float> translate(String english) {
        List<String> words = EnglishWords.tokens(english);
        Map<String, Float> out = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int len = Math.min(glossary.longestKey(), words.size() - i); len >= 1; len--) {
                List<String> phrase = words.subList(i, i + len);
                if (len == 1 && EnglishWords.STOP.contains(phrase.get(0))) {
                    break;
                }
                List<String> nb = glossary.lookup(phrase);
                if (nb != null) {
                    // one English term is one concept: spread over many Norwegian words it must not outweigh the rest
                    float w = (float) (GLOSSARY / Math.pow(Math.max(1, nb.size()), SPREAD));
                    nb.forEach(t -> put(out, t, w));
                    matched = len;
                    break;
                }
            }
            if (matched == 0) {
                String w = words.get(i);
                if (!EnglishWords.STOP.contains(w) && !EnglishWords.STOP.contains(EnglishWords.fold(w)) && w.length() > 1) {
                    put(out, w, KEPT);
                    dictionary(w).forEach(t -> put(out, t, DICTIONARY));
                }
                matched = 1;
            }
            i += matched;
        }
        return out;
    }

    private List<String> dictionary(String w) {
        if (freeDict.isEmpty()) {
            return List.of();
        }
        List<String> tr = freeDict.get().lookup(w);
        if (tr.isEmpty()) {
            tr = freeDict.get().lookup(EnglishWords.fold(w));
        }
        List<String> words = new ArrayList<>();
        for (String t : tr.subList(0, Math.min(DICTIONARY_SENSES, tr.size()))) {
            for (String part : t.split("\\s+")) {
                words.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static void put(Map<String, Float> out, String term, float weight) {
        out.merge(term.toLowerCase(Locale.ROOT), weight, Math::max);
    }

    /** Human-readable form for logs and tests. */
    public String explain(String english) {
        return translate(english).entrySet().stream().map(e -> e.getKey() + "^" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
