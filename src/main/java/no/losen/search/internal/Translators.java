package no.losen.search.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private record Sources(List<String> toNorwegian, List<String> toEnglish, List<String> fromEnglish) {}

    private static final Map<String, Sources> SOURCES = Map.of(
            "pl", new Sources(List.of("freedict-pol-nor"), List.of("freedict-pol-eng"), List.of()),
            "fr", new Sources(List.of(), List.of("freedict-fra-eng"), List.of("freedict-eng-fra")),
            "ar", new Sources(List.of(), List.of("freedict-ara-eng"), List.of()),
            "ru", new Sources(List.of(), List.of(), List.of("freedict-eng-rus")));

    /** A language's word forms and its bundled glossary. */
    private record Glossed(LanguageForms forms, Optional<ForeignGlossary> glossary) {
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
        Transliteration translit = new Transliteration();
        Map<String, ForeignTranslator> out = new TreeMap<>();
        Bundled.BY_LANG.forEach((lang, g) ->
                out.put(lang, new ForeignTranslator(g.forms(), g.glossary(), List.of(), List.of(), english, translit)));
        return new Translators(out);
    }

    /** Glossaries plus every installed dictionary (a few seconds of CPU: run it off the start-up path). */
    public static Translators load(Path dictDir, QueryTranslator english) {
        Transliteration translit = new Transliteration();
        Map<String, ForeignTranslator> out = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Glossed g = Bundled.BY_LANG.get(lang);
            LanguageForms forms = g.forms();
            Sources s = SOURCES.getOrDefault(lang, new Sources(List.of(), List.of(), List.of()));
            List<ForeignTranslator.Lexicon> toNb = new ArrayList<>();
            List<ForeignTranslator.Lexicon> toEn = new ArrayList<>();
            for (String base : s.toNorwegian()) {
                FreeDict.load(dictDir, base).ifPresentOrElse(d -> toNb.add(new ForeignTranslator.Lexicon(d, forms)), () -> missing.add(base));
            }
            for (String base : s.toEnglish()) {
                FreeDict.load(dictDir, base).ifPresentOrElse(d -> toEn.add(new ForeignTranslator.Lexicon(d, forms)), () -> missing.add(base));
            }
            for (String base : s.fromEnglish()) {
                FreeDict.load(dictDir, base).ifPresentOrElse(d -> toEn.add(new ForeignTranslator.Lexicon(d.inverted(), forms)), () -> missing.add(base));
            }
            out.put(lang, new ForeignTranslator(forms, g.glossary(), toNb, toEn, english, translit));
        }
        if (!missing.isEmpty()) {
            LOG.warn("dictionaries not installed in {}: {} (Debian: apt-get install {}); those languages use the glossary and transliteration only",
                    dictDir, missing, String.join(" ", missing.stream().map(m -> "dict-" + m).toList()));
        }
        out.values().forEach(t -> LOG.info("question translation {}: {}", t.lang(), t.describe().isEmpty() ? "transliteration only" : t.describe()));
        return new Translators(out);
    }

    public Optional<ForeignTranslator> get(String lang) {
        return Optional.ofNullable(byLang.get(lang));
    }
}
