package no.losen.search;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;
import no.losen.search.internal.Glossary;
import no.losen.search.internal.QueryTranslator;
import no.losen.search.internal.Translators;

/**
 * The Norwegian words a message in another language stands for, by the curated domain glossaries
 * alone (English and the ten other languages; docs/search.md), without the terms kept for search
 * ({@code search_terms}): "dhakhtar" → "lege", "пособие" → "stønad". No dictionary is read, so this
 * is built in milliseconds and gives the same words on every machine; it lets what is learnt from
 * Norwegian messages reach messages in a language with a quarter as many examples (docs/measurements.md, "Free text").
 */
public final class NorwegianTerms {

    private final QueryTranslator english;
    private final Translators foreign;

    private NorwegianTerms(QueryTranslator english, Translators foreign) {
        this.english = english;
        this.foreign = foreign;
    }

    public static NorwegianTerms glossaries() {
        QueryTranslator en = new QueryTranslator(Glossary.load(), Optional.empty());
        return new NorwegianTerms(en, Translators.routingGlossaries(en));
    }

    /** The Norwegian words of {@code text} written in {@code lang}; none for Norwegian or an unknown language. */
    public List<String> of(String text, String lang) {
        if (lang.equals("en")) {
            // without a dictionary the English translator gives glossary words and the message's own words
            Set<String> own = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
            return english.translate(text).keySet().stream().filter(t -> !own.contains(t)).toList();
        }
        return foreign.get(lang).map(t -> t.glossaryTerms(text)).orElse(List.of());
    }
}
