package no.losen.intent.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a message into a sparse vector: character n-grams (2 to 5) inside each word with its
 * boundaries, plus words and word pairs, weighted by sublinear tf·idf and scaled to unit length.
 * Character n-grams need no stemmer, so Tigrinya, Amharic and Somali, which have none here, are read
 * as well as Norwegian: "ሓኪም" and "ንሓኪም" share most of their grams, as do "lege", "legen" and
 * "legevakt", and a misspelling still shares most of the word.
 */
public final class Features {

    static final int MIN_GRAM = Integer.getInteger("intent.min", 2);
    static final int MAX_GRAM = Integer.getInteger("intent.max", 5);
    static final boolean WORDS = Boolean.parseBoolean(System.getProperty("intent.words", "true"));

    private final Map<String, Integer> index;
    private final double[] idf;

    private Features(Map<String, Integer> index, double[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** The vocabulary of the training messages with each feature's inverse document frequency. */
    public static Features fit(List<String> texts) {
        Map<String, Integer> df = new HashMap<>();
        for (String t : texts) {
            raw(t).keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>(df.size() * 2);
        double[] idf = new double[df.size() + 1];
        int n = texts.size();
        for (var e : df.entrySet()) {
            int i = index.size() + 1;
            index.put(e.getKey(), i);
            idf[i] = Math.log((n + 1.0) / (e.getValue() + 1.0)) + 1.0;
        }
        return new Features(index, idf);
    }

    public int size() {
        return index.size();
    }

    /** The message as liblinear reads it: known features only, ascending index, unit length. */
    public Feature[] vector(String text) {
        Map<String, Integer> raw = raw(text);
        List<FeatureNode> nodes = new ArrayList<>(raw.size());
        double norm = 0;
        for (var e : raw.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                double w = (1 + Math.log(e.getValue())) * idf[i];
                nodes.add(new FeatureNode(i, w));
                norm += w * w;
            }
        }
        FeatureNode[] out = nodes.toArray(new FeatureNode[0]);
        Arrays.sort(out, (a, b) -> Integer.compare(a.index, b.index));
        if (norm > 0) {
            double s = 1 / Math.sqrt(norm);
            for (FeatureNode f : out) {
                f.value *= s;
            }
        }
        return out;
    }

    /** Feature → count for one message. */
    static Map<String, Integer> raw(String text) {
        String folded = Normalizer.fold(text);
        Map<String, Integer> out = new HashMap<>();
        if (folded.isEmpty()) {
            return out;
        }
        String[] words = folded.split(" ");
        for (int w = 0; w < words.length; w++) {
            if (WORDS) out.merge("w " + words[w], 1, Integer::sum);
            if (WORDS && w > 0) {
                out.merge("b " + words[w - 1] + " " + words[w], 1, Integer::sum);
            }
            String padded = " " + words[w] + " ";
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    out.merge(padded.substring(i, i + n), 1, Integer::sum);
                }
            }
        }
        return out;
    }
}
