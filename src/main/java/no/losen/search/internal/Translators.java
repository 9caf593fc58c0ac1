package no.losen.search.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.losen.cache.CacheKey;
import no.losen.cache.DerivedCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question translators of every language Losen speaks besides Norwegian and English, built
 * once at start-up. Dictionaries are Debian FreeDict packages read in place (their GPL/CC-BY-SA
 * data never enters the repository or the jar); each one missing is logged once and its language
 * falls back to the glossary and transliteration.
 */
public final class Translators {

    private static final Logger LOG = LoggerFactory.getLogger(Translators.class);

    /** Languages with a translator: the widget's languages minus nb and en. */
    public static final List<String> LANGUAGES = List.of("pl", "fr", "ar", "ru", "uk", "ro", "fa", "ti", "so", "am");

    /** Per language: dictionaries into Norwegian, into English, and English ones read backwards. */
    private record Sources(List<String> toNorwegian, List<String> toEnglish, List<String> fromEnglish) {
        static final Sources NONE = new Sources(List.of(), List.of(), List.of());

        List<String> all() {
            List<String> out = new ArrayList<>(toNorwegian);
            out.addAll(toEnglish);
            out.addAll(fromEnglish);
            return out;
        }
    }

    private static final Map<String, Sources> SOURCES = Map.of(
            "pl", new Sources(List.of("freedict-pol-nor"), List.of("freedict-pol-eng"), List.of()),
            "fr", new Sources(List.of(), List.of("freedict-fra-eng"), List.of("freedict-eng-fra")),
            "ar", new Sources(List.of(), List.of("freedict-ara-eng"), List.of()),
            "ru", new Sources(List.of(), List.of(), List.of("freedict-eng-rus")));

    /** A language's word forms and its bundled glossary, whole (search) and without its search terms (routing). */
    private record Glossed(LanguageForms forms, Optional<ForeignGlossary> glossary, Optional<ForeignGlossary> routing) {
        Glossed(LanguageForms forms, Optional<ForeignGlossary> glossary) {
            this(forms, glossary, glossary.map(ForeignGlossary::forRouting));
        }
    }

    /**
     * The bundled glossaries, parsed once per process on first use: they are resources of the jar,
     * as constant as the code, and parsing them (Morfologik for Polish and Ukrainian, some ten
     * thousand phrases) is a second of CPU that the search's translators, the search's background
     * dictionaries and intent recognition's bridge used to spend three times over at start-up.
     */
    private static final class Bundled {
        static final Map<String, Glossed> BY_LANG = parse();

        private static Map<String, Glossed> parse() {
            Map<String, Glossed> out = new TreeMap<>();
            for (String lang : LANGUAGES) {
                LanguageForms forms = LanguageForms.of(lang);
                out.put(lang, new Glossed(forms, ForeignGlossary.load(forms)));
            }
            return Map.copyOf(out);
        }
    }

    private final Map<String, ForeignTranslator> byLang;

    private Translators(Map<String, ForeignTranslator> byLang) {
        this.byLang = Map.copyOf(byLang);
    }

    /** No language translated yet: questions in other languages are searched as written. */
    public static Translators none() {
        return new Translators(Map.of());
    }

    /**
     * Glossaries and transliteration only: built in milliseconds once the glossaries are parsed, so
     * search answers every language from the first request while {@link #load} reads the dictionaries.
     */
    public static Translators glossariesOnly(QueryTranslator english) {
        return glossaries(english, false);
    }

    /** The glossaries without their search terms ({@link ForeignGlossary#forRouting()}), for intent recognition. */
    public static Translators routingGlossaries(QueryTranslator english) {
        return glossaries(english, true);
    }

    private static Translators glossaries(QueryTranslator english, boolean routing) {
        Transliteration translit = new Transliteration();
        Map<String, ForeignTranslator> out = new TreeMap<>();
        Bundled.BY_LANG.forEach((lang, g) -> out.put(lang, new ForeignTranslator(g.forms(),
                routing ? g.routing() : g.glossary(), List.of(), List.of(), english, translit)));
        return new Translators(out);
    }

    /** Glossaries plus every installed dictionary, built every time (tools and tests). */
    public static Translators load(Path dictDir, QueryTranslator english) {
        return load(dictDir, english, DerivedCache.off());
    }

    /**
     * Glossaries plus every installed dictionary. The lexicons built from the dictionaries (seconds of
     * CPU: every headword's forms looked up) are read from {@code cache} when the dictionaries' files are
     * the ones they were built from: the key holds each file's size and modification time, which a
     * package upgrade changes, and the build, which covers the code and the Morfologik dictionaries
     * in the jar. Hashing the 7 MB of files would cost as much as a good part of the reading saves.
     */
    public static Translators load(Path dictDir, QueryTranslator english, DerivedCache cache) {
        Map<String, ForeignTranslator.Lexicon> lexicons = cache.get("dictionaries", key(dictDir), LEXICONS,
                () -> lexicons(dictDir));
        Transliteration translit = new Transliteration();
        Map<String, ForeignTranslator> out = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Glossed g = Bundled.BY_LANG.get(lang);
            Sources s = SOURCES.getOrDefault(lang, Sources.NONE);
            List<ForeignTranslator.Lexicon> toNb = new ArrayList<>();
            List<ForeignTranslator.Lexicon> toEn = new ArrayList<>();
            s.toNorwegian().forEach(base -> pick(lexicons, lang, base, toNb, missing));
            s.toEnglish().forEach(base -> pick(lexicons, lang, base, toEn, missing));
            s.fromEnglish().forEach(base -> pick(lexicons, lang, base, toEn, missing));
            out.put(lang, new ForeignTranslator(g.forms(), g.glossary(), toNb, toEn, english, translit));
        }
        if (!missing.isEmpty()) {
            LOG.warn("dictionaries not installed in {}: {} (Debian: apt-get install {}); those languages use the glossary and transliteration only",
                    dictDir, missing, String.join(" ", missing.stream().map(m -> "dict-" + m).toList()));
        }
        out.values().forEach(t -> LOG.info("question translation {}: {}", t.lang(), t.describe().isEmpty() ? "transliteration only" : t.describe()));
        return new Translators(out);
    }

    private static void pick(Map<String, ForeignTranslator.Lexicon> lexicons, String lang, String base,
                             List<ForeignTranslator.Lexicon> into, List<String> missing) {
        ForeignTranslator.Lexicon l = lexicons.get(lang + ":" + base);
        if (l == null) {
            missing.add(base);
        } else {
            into.add(l);
        }
    }

    /** Every installed dictionary's lexicon, by {@code lang:base}; read backwards for the {@code fromEnglish} ones. */
    private static Map<String, ForeignTranslator.Lexicon> lexicons(Path dictDir) {
        Map<String, ForeignTranslator.Lexicon> out = new TreeMap<>();
        SOURCES.forEach((lang, s) -> {
            LanguageForms forms = Bundled.BY_LANG.get(lang).forms();
            for (String base : s.toNorwegian()) {
                FreeDict.load(dictDir, base).ifPresent(d -> out.put(lang + ":" + base, new ForeignTranslator.Lexicon(d, forms)));
            }
            for (String base : s.toEnglish()) {
                FreeDict.load(dictDir, base).ifPresent(d -> out.put(lang + ":" + base, new ForeignTranslator.Lexicon(d, forms)));
            }
            for (String base : s.fromEnglish()) {
                FreeDict.load(dictDir, base).ifPresent(d -> out.put(lang + ":" + base, new ForeignTranslator.Lexicon(d.inverted(), forms)));
            }
        });
        return out;
    }

    /** The dictionaries' files as they are now: name, size and modification time, or absent. */
    static CacheKey key(Path dictDir) {
        CacheKey.Builder k = CacheKey.of("dictionaries").add(dictDir.toAbsolutePath().toString());
        new TreeMap<>(SOURCES).forEach((lang, s) -> {
            k.add(lang).add(s.toString());
            for (String base : s.all()) {
                for (String file : List.of(base + ".index", base + ".dict.dz")) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(dictDir.resolve(file), BasicFileAttributes.class);
                        k.add(file).add(Long.toString(a.size())).add(a.lastModifiedTime().toString());
                    } catch (IOException absent) {
                        k.add(file).add("absent");
                    }
                }
            }
        });
        return k.build();
    }

    private static final DerivedCache.Codec<Map<String, ForeignTranslator.Lexicon>> LEXICONS = new DerivedCache.Codec<>() {
        @Override
        public void write(Map<String, ForeignTranslator.Lexicon> lexicons, DataOutputStream out) throws IOException {
            out.writeInt(lexicons.size());
            for (Map.Entry<String, ForeignTranslator.Lexicon> e : lexicons.entrySet()) {
                DerivedCache.writeString(out, e.getKey());
                ForeignTranslator.Lexicon.CODEC.write(e.getValue(), out);
            }
        }

        @Override
        public Map<String, ForeignTranslator.Lexicon> read(DataInputStream in) throws IOException {
            Map<String, ForeignTranslator.Lexicon> out = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                out.put(DerivedCache.readString(in), ForeignTranslator.Lexicon.CODEC.read(in));
            }
            return out;
        }
    };

    public Optional<ForeignTranslator> get(String lang) {
        return Optional.ofNullable(byLang.get(lang));
    }
}
