package no.losen.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English tokenising and plural folding shared by the glossary and the query translator. */
final class EnglishWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+(?:['’-][\\p{L}\\d]+)*");

    static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have",
            "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "they",
            "them", "their", "it", "its", "this", "that", "these", "those", "there", "here", "what", "which",
            "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "may", "might", "must",
            "shall", "should", "will", "would", "not", "no", "dont", "don't", "doesn't", "isn't", "any", "some",
            "all", "more", "most", "than", "then", "so", "too", "very", "just", "about", "into", "while",
            "being", "get", "got", "also", "still", "someone", "somebody", "anyone", "anything", "something",
            "please", "tell", "know", "want", "need", "like", "such", "much", "many", "other", "only", "own",
            "same", "after", "before", "during", "up", "out", "over", "under", "again", "whether", "im", "i'm"));

    private EnglishWords() {}

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Folds regular plurals and possessives: "centres" → "centre", "victims'" → "victim", "policies" → "policy". */
    static String fold(String w) {
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
