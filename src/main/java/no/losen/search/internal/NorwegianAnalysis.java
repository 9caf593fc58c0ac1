package no.losen.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The analysis chains. {@link #norwegian()}: lower case, Norwegian stop words, compound parts,
 * light Bokmål stemming (the light stemmer keeps "barnevern" and "barn" apart, which Snowball's
 * aggressive suffix stripping does not always). {@link #plain()}: lower-cased original words,
 * the BM25 baseline.
 */
public final class NorwegianAnalysis {

    /** Question words that carry no topic; added to Lucene's Norwegian stop list. */
    private static final List<String> EXTRA_STOP = List.of(
            "hvilke", "hvilken", "hvilket", "hvordan", "hvorfor", "hvis", "når", "kanskje", "bare", "helt",
            "ting", "noe", "noen", "får", "få", "gjør", "gjøre", "må", "skal", "vil", "kan", "også");

    private final CharArraySet stopWords;
    private final Map<String, Integer> frequencies;
    private final CompoundSplitter splitter;
    private final Analyzer norwegian;
    private final Analyzer plain;

    private NorwegianAnalysis(CharArraySet stopWords, Map<String, Integer> frequencies, CompoundSplitter splitter) {
        this.stopWords = stopWords;
        this.frequencies = frequencies;
        this.splitter = splitter;
        this.norwegian = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(source);
                s = new StopFilter(s, stopWords);
                s = new CompoundSplitFilter(s, splitter);
                s = new NorwegianLightStemFilter(s, NorwegianLightStemmer.BOKMAAL);
                return new TokenStreamComponents(source, s);
            }
        };
        this.plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /** Builds the chains with a compound dictionary taken from the corpus {@code texts}. */
    public static NorwegianAnalysis fromCorpus(Iterable<String> texts) {
        Map<String, Integer> freq = new HashMap<>();
        try (Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        }) {
            for (String text : texts) {
                for (Token t : tokens(words, text)) {
                    freq.merge(t.term(), 1, Integer::sum);
                }
            }
        }
        return fromFrequencies(freq);
    }

    /**
     * The chains for a corpus whose word frequencies were counted before ({@link #frequencies()},
     * kept in the search cache): the same chains {@link #fromCorpus} builds, without reading the corpus.
     */
    public static NorwegianAnalysis fromFrequencies(Map<String, Integer> freq) {
        CharArraySet stop = new CharArraySet(NorwegianAnalyzer.getDefaultStopSet(), false);
        stop.addAll(EXTRA_STOP);
        Set<String> stopStrings = new HashSet<>();
        for (Object o : stop) {
            stopStrings.add(new String((char[]) o));
        }
        Map<String, Integer> copy = Map.copyOf(freq);
        return new NorwegianAnalysis(stop, copy, new CompoundSplitter(copy, stopStrings));
    }

    /** Lower-cased word → how often the corpus has it (the compound splitter's dictionary). */
    public Map<String, Integer> frequencies() {
        return frequencies;
    }

    public Analyzer norwegian() {
        return norwegian;
    }

    public Analyzer plain() {
        return plain;
    }

    public CompoundSplitter splitter() {
        return splitter;
    }

    public boolean isStopWord(String lowerCaseWord) {
        return stopWords.contains(lowerCaseWord);
    }

    /** A token of analysed text; {@code part} marks a compound part. */
    public record Token(String term, boolean part) {}

    public static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), CompoundSplitFilter.PART.equals(type.type())));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
