package no.losen.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.morfologik.MorfologikAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/**
 * How words of one language are reduced to lookup keys, so that a question's inflected word meets
 * the base form a glossary or dictionary lists: Polish and Ukrainian through their Morfologik
 * lemmatisers (every lemma of an ambiguous form), French, Russian, Romanian, Arabic and Persian
 * through Lucene's light stemmers and normalisers; Somali, Tigrinya and Amharic, which Lucene does
 * not analyse, by lower case only (the glossary then tolerates suffixes, see
 * {@link ForeignGlossary}). The same forms are applied to the glossary, the dictionary headwords
 * and the question, so the choice of stemmer only has to be consistent, not perfect.
 */
public final class LanguageForms {

    /**
     * One word of a text: as typed (lower case) and its lookup keys, in order — the surface first, then the
     * analyser's tokens. A lookup takes the first key a dictionary holds, so the order is kept (an immutable
     * {@code Set.copyOf} iterates in an order that changes with every start of the JVM, and the same question
     * was translated, and answered, differently after a restart).
     */
    public record Word(String surface, Set<String> keys) {}

    private final String lang;
    private final Analyzer analyzer;
    private final CharArraySet stopWords;
    /** The function words without diacritics, made the first time they are asked for (a benign race). */
    private volatile Set<String> bareStopWords;

    private LanguageForms(String lang, Analyzer analyzer, CharArraySet stopWords) {
        this.lang = lang;
        this.analyzer = analyzer;
        this.stopWords = stopWords;
    }

    public static LanguageForms of(String lang) {
        CharArraySet none = CharArraySet.EMPTY_SET;
        return switch (lang) {
            case "fr" -> new LanguageForms(lang, new FrenchAnalyzer(none), with(FrenchAnalyzer.getDefaultStopSet(), FRENCH_BE));
            case "ro" -> new LanguageForms(lang, new RomanianAnalyzer(none), RomanianAnalyzer.getDefaultStopSet());
            case "ar" -> new LanguageForms(lang, new ArabicAnalyzer(none), ArabicAnalyzer.getDefaultStopSet());
            case "fa" -> new LanguageForms(lang, new PersianAnalyzer(none), PersianAnalyzer.getDefaultStopSet());
            case "ru" -> new LanguageForms(lang, lightRussian(), RussianAnalyzer.getDefaultStopSet());
            case "pl" -> new LanguageForms(lang, new MorfologikAnalyzer(), words(POLISH_STOP));
            case "uk" -> new LanguageForms(lang, new UkrainianMorfologikAnalyzer(none), UkrainianMorfologikAnalyzer.getDefaultStopwords());
            case "so" -> new LanguageForms(lang, lowerCase(), words(SOMALI_STOP));
            default -> new LanguageForms(lang, lowerCase(), CharArraySet.EMPTY_SET); // ti, am
        };
    }

    /** Short function words of Polish (Lucene's list lives in a module we do not ship). */
    private static final List<String> POLISH_STOP = List.of("a", "aby", "ale", "albo", "bo", "by", "być", "czy", "dla",
            "do", "gdy", "i", "ich", "jak", "jaki", "jakie", "jest", "jeśli", "jeżeli", "już", "lub", "ma", "mam", "mi",
            "mnie", "mogę", "może", "na", "nie", "o", "od", "po", "przez", "się", "są", "ta", "tak", "te", "to", "tu",
            "w", "we", "z", "za", "ze", "że", "żeby", "co", "kto", "ja", "jestem", "moja", "mój", "moje", "mu", "go");
    private static final List<String> SOMALI_STOP = List.of("ma", "waa", "iyo", "in", "inuu", "ay", "aan", "ku", "ka",
            "u", "la", "oo", "haddii", "si", "ee", "ah", "baa", "ayaa", "ayay", "ayuu", "miyaa", "maxaa", "sidee", "i");

    /**
     * Forms of "to be" and "to have" that Lucene's French list (Snowball's) does not hold; they are nouns too:
     * "est" (east), "été" (summer), "as" (ace). In a question they are the verb: "Est-ce que je peux…", the most
     * common way to ask in French, read "est" as "øst" in every such question, and Øst-Europa is a subject of the
     * handbook.
     */
    private static final List<String> FRENCH_BE = List.of("est", "été", "as");

    private static CharArraySet with(CharArraySet set, List<String> more) {
        CharArraySet all = new CharArraySet(set, false);
        all.addAll(more);
        return CharArraySet.unmodifiableSet(all);
    }

    private static CharArraySet words(List<String> w) {
        return CharArraySet.unmodifiableSet(new CharArraySet(w, false));
    }

    private static Analyzer lowerCase() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /** The light stemmer keeps more of the stem than Snowball, which suits short questions. */
    private static Analyzer lightRussian() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new RussianLightStemFilter(new LowerCaseFilter(source)));
            }
        };
    }

    public String lang() {
        return lang;
    }

    /** Whether Ethiopic script (Tigrinya, Amharic): syllables, so shorter suffix tolerance. */
    public boolean syllabic() {
        return "ti".equals(lang) || "am".equals(lang);
    }

    public boolean isStopWord(String surface) {
        return stopWords.contains(surface);
    }

    /** Whether {@code surface} is a function word, also when typed without its diacritics ("moze", "ze"). */
    public boolean isStopWordTypedBare(String surface) {
        if (bareStopWords == null) {
            Set<String> bare = new java.util.HashSet<>();
            for (Object w : stopWords) {
                bare.add(bare(new String((char[]) w)));
            }
            bareStopWords = bare;
        }
        return isStopWord(surface) || bareStopWords.contains(bare(surface));
    }

    /** Latin letters without diacritics, as Lucene's ASCII folding gives them ("wypłata" → "wyplata"); other scripts as they are. */
    static String bare(String s) {
        char[] in = s.toCharArray();
        char[] out = new char[in.length * 4];
        int n = org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }

    /** The words of {@code text} in order, each with its keys (the analyser's tokens at its position). */
    public List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int lastStart = -1;
            Set<String> keys = null;
            String surface = null;
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0 || offset.startOffset() != lastStart || keys == null) {
                    if (keys != null) {
                        out.add(new Word(surface, Collections.unmodifiableSet(keys)));
                    }
                    keys = new LinkedHashSet<>();
                    surface = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(java.util.Locale.ROOT);
                    keys.add(surface);
                    lastStart = offset.startOffset();
                }
                keys.add(term.toString().toLowerCase(java.util.Locale.ROOT));
            }
            if (keys != null) {
                out.add(new Word(surface, Collections.unmodifiableSet(keys)));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The keys of a single word or phrase, all words' keys together (for dictionary headwords). */
    public Set<String> keys(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (Word w : words(word)) {
            out.addAll(w.keys());
        }
        return out;
    }
}
