package no.losen.search.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.losen.cache.DerivedCache;

/**
 * Turns a question in a language other than Norwegian or English into weighted Norwegian terms,
 * word by word, offline. In order of trust:
 * <ol>
 *   <li>the curated domain glossary of the language ({@link ForeignGlossary}), phrases first: weight 1;</li>
 *   <li>a FreeDict dictionary straight into Norwegian where Debian packages one ({@code pol-nor}): 0.5;</li>
 *   <li>FreeDict into English ({@code pol-eng}, {@code fra-eng}, {@code ara-eng}, or {@code eng-rus}
 *       read backwards), then the English glossary and dictionary ({@link QueryTranslator}) on the
 *       English words in the question's order, so English phrases ("residence permit") are found: 0.6
 *       of the English weight;</li>
 *   <li>the word itself when written in Latin letters (names: NAV, UDI, ROSA), else its ICU
 *       transliteration (паспорт → pasport): 0.5.</li>
 * </ol>
 * A general dictionary offers every sense of a word, so only the first few are taken; the caller
 * keeps only terms the index holds, which drops most wrong senses and failed transliterations.
 */
public final class ForeignTranslator {

    static final float GLOSSARY = 1.0f;
    static final float DIRECT = 0.5f;
    static final float PIVOT = 0.6f;
    static final float KEPT = 0.5f;
    private static final int SENSES = 3;

    /** A dictionary keyed by the language's lookup keys. */
    public static final class Lexicon {
        private final Map<String, List<String>> byKey;
        private final String name;

        private Lexicon(String name, Map<String, List<String>> byKey) {
            this.name = name;
            this.byKey = byKey;
        }

        public Lexicon(FreeDict dict, LanguageForms forms) {
            this(dict.name(), new HashMap<>());
            dict.entries().forEach((head, translations) -> {
                if (head.indexOf(' ') >= 0) {
                    return; // word-level translation: phrases of the source language are the glossary's job
                }
                for (String k : forms.keys(head)) {
                    byKey.merge(k, translations, (a, b) -> {
                        List<String> all = new ArrayList<>(a);
                        b.stream().filter(t -> !all.contains(t)).forEach(all::add);
                        return all;
                    });
                }
            });
        }

        List<String> lookup(LanguageForms.Word w) {
            List<String> exact = byKey.get(w.surface());
            if (exact != null) {
                return exact;
            }
            for (String k : w.keys()) {
                List<String> t = byKey.get(k);
                if (t != null) {
                    return t;
                }
            }
            return List.of();
        }

        public String name() {
            return name;
        }

        public int size() {
            return byKey.size();
        }

        /**
         * A lexicon as bytes, for the content cache: building one looks up every headword's forms
         * (Morfologik for Polish), seconds of CPU for all of them, while reading it back is a fraction of
         * that. A list of translations shared by the forms of one headword is written once.
         */
        static final DerivedCache.Codec<Lexicon> CODEC = new DerivedCache.Codec<>() {
            @Override
            public void write(Lexicon l, DataOutputStream out) throws IOException {
                DerivedCache.writeString(out, l.name);
                Map<List<String>, Integer> lists = new IdentityHashMap<>();
                l.byKey.values().forEach(v -> lists.putIfAbsent(v, lists.size()));
                out.writeInt(lists.size());
                for (List<String> v : lists.keySet().stream().sorted(Comparator.comparing(lists::get)).toList()) {
                    out.writeInt(v.size());
                    for (String t : v) {
                        DerivedCache.writeString(out, t);
                    }
                }
                out.writeInt(l.byKey.size());
                for (Map.Entry<String, List<String>> e : l.byKey.entrySet()) {
                    DerivedCache.writeString(out, e.getKey());
                    out.writeInt(lists.get(e.getValue()));
                }
            }

            @Override
            public Lexicon read(DataInputStream in) throws IOException {
                String name = DerivedCache.readString(in);
                List<List<String>> lists = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    String[] v = new String[in.readInt()];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = DerivedCache.readString(in);
                    }
                    lists.add(List.of(v));
                }
                int n = in.readInt();
                Map<String, List<String>> byKey = new HashMap<>(n * 4 / 3 + 1);
                for (int i = 0; i < n; i++) {
                    String key = DerivedCache.readString(in);
                    int list = in.readInt();
                    if (list < 0 || list >= lists.size()) {
                        throw new IOException("lexicon entry points past its lists");
                    }
                    byKey.put(key, lists.get(list));
                }
                return new Lexicon(name, byKey);
            }
        };
    }

    private final LanguageForms forms;
    private final Optional<ForeignGlossary> glossary;
    private final List<Lexicon> toNorwegian;
    private final List<Lexicon> toEnglish;
    private final QueryTranslator english;
    private final Transliteration transliteration;

    public ForeignTranslator(LanguageForms forms, Optional<ForeignGlossary> glossary, List<Lexicon> toNorwegian,
                             List<Lexicon> toEnglish, QueryTranslator english, Transliteration transliteration) {
        this.forms = forms;
        this.glossary = glossary;
        this.toNorwegian = List.copyOf(toNorwegian);
        this.toEnglish = List.copyOf(toEnglish);
        this.english = english;
        this.transliteration = transliteration;
    }

    public String lang() {
        return forms.lang();
    }

    /** What this language is translated with, for the start-up log. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        glossary.ifPresent(g -> parts.add("glossary " + g.size()));
        toNorwegian.forEach(l -> parts.add(l.name() + " " + l.size()));
        toEnglish.forEach(l -> parts.add(l.name() + " " + l.size()));
        return String.join(", ", parts);
    }

    /** The Norwegian words of the glossary phrases in {@code question}, nothing from dictionaries or transliteration. */
    public List<String> glossaryTerms(String question) {
        List<LanguageForms.Word> words = forms.words(question);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size() && glossary.isPresent(); ) {
            ForeignGlossary.Match m = glossary.get().match(words, i);
            if (m != null) {
                m.norwegian().stream().filter(t -> !out.contains(t)).forEach(out::add);
                i += m.length();
            } else {
                i++;
            }
        }
        return out;
    }

    /** Norwegian terms with weights, strongest evidence kept when a term arrives twice. */
    public Map<String, Float> translate(String question) {
        List<LanguageForms.Word> words = forms.words(question);
        Map<String, Float> out = new LinkedHashMap<>();
        List<String> englishWords = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            ForeignGlossary.Match m = glossary.isPresent() ? glossary.get().match(words, i) : null;
            if (m != null) {
                // as in English: one term is one concept, however many Norwegian words it has
                float gw = (float) (GLOSSARY / Math.pow(m.norwegian().size(), QueryTranslator.SPREAD));
                m.norwegian().forEach(t -> put(out, t, gw));
                i += m.length();
                continue;
            }
            LanguageForms.Word w = words.get(i++);
            if (forms.isStopWord(w.surface()) || w.surface().length() < 2 && !w.surface().chars().anyMatch(Character::isDigit)) {
                continue;
            }
            for (Lexicon l : toNorwegian) {
                senses(l.lookup(w)).forEach(t -> put(out, t, DIRECT));
            }
            Set<String> en = new LinkedHashSet<>();
            for (Lexicon l : toEnglish) {
                en.addAll(senses(l.lookup(w)));
            }
            // the first sense takes the word's place in the English sentence, so phrases stay together
            englishWords.addAll(en);
            if (Transliteration.isLatin(w.surface())) {
                put(out, w.surface(), KEPT);
            } else {
                String latin = transliteration.latin(w.surface());
                if (latin.length() >= 3) {
                    put(out, latin, KEPT);
                }
            }
        }
        if (!englishWords.isEmpty()) {
            english.translate(String.join(" ", englishWords)).forEach((t, wt) -> put(out, t, wt * PIVOT));
        }
        return out;
    }

    private static List<String> senses(List<String> all) {
        return all.subList(0, Math.min(SENSES, all.size()));
    }

    private static void put(Map<String, Float> out, String term, float weight) {
        out.merge(term.toLowerCase(Locale.ROOT), weight, Math::max);
    }
}
