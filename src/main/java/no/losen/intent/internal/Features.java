package no.losen.intent.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a message into a sparse vector: character n-grams (2 to 5) inside each word with its
 * boundaries, plus words and word pairs, weighted by sublinear tf·idf and scaled to unit length.
 * Character n-grams need no stemmer, so Tigrinya, Amharic and Somali, which have none here, are read
 * as well as Norwegian: "ሓኪም" and "ንሓኪም" share most of their grams, as do "lege", "legen" and
 * "legevakt", and a misspelling still shares most of the word.
 *
 * <p>Grams are hashed into 2<sup>20</sup> buckets as they are read, with no substring or map entry per
 * gram, so training on thousands of examples costs milliseconds at start-up; only buckets seen in
 * training get a column (a few tens of thousands), which keeps the models small.
 */
public final class Features {

    static final int MIN_GRAM = 2;
    static final int MAX_GRAM = 5;
    /** Features seen in fewer training messages than this are dropped: they teach nothing general. */
    static final int MIN_DF = 2;
    private static final int BITS = 20;
    private static final int WORD = 0x9E3779B9;
    private static final int PAIR = 0x85EBCA6B;

    /** Bucket → column (1-based; 0 = not a feature). */
    private final int[] column;
    private final double[] idf;
    private final int size;

    private Features(int[] column, double[] idf, int size) {
        this.column = column;
        this.idf = idf;
        this.size = size;
    }

    /** The vocabulary of the training messages with each feature's inverse document frequency. */
    public static Features fit(List<String> texts) {
        int[] df = new int[1 << BITS];
        for (String t : texts) {
            int[] b = buckets(t);
            for (int i = 0; i < b.length; i++) {
                if (i == 0 || b[i] != b[i - 1]) {
                    df[b[i]]++;
                }
            }
        }
        int[] column = new int[1 << BITS];
        int size = 0;
        for (int i = 0; i < df.length; i++) {
            if (df[i] >= MIN_DF) {
                column[i] = ++size;
            }
        }
        double[] idf = new double[size + 1];
        int n = texts.size();
        for (int i = 0; i < df.length; i++) {
            if (column[i] > 0) {
                idf[column[i]] = Math.log((n + 1.0) / (df[i] + 1.0)) + 1.0;
            }
        }
        return new Features(column, idf, size);
    }

    /** Writes the vocabulary (for the intent cache): its size, each column's bucket in order, the idf. */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(size);
        for (int b = 0; b < column.length; b++) {
            if (column[b] > 0) {
                out.writeInt(b);
            }
        }
        for (int c = 1; c <= size; c++) {
            out.writeDouble(idf[c]);
        }
    }

    /** The vocabulary {@link #write} wrote. */
    public static Features read(java.io.DataInputStream in) throws java.io.IOException {
        int size = in.readInt();
        if (size < 0 || size > 1 << BITS) {
            throw new java.io.IOException("vocabulary size");
        }
        int[] column = new int[1 << BITS];
        int previous = -1;
        for (int c = 1; c <= size; c++) {
            int b = in.readInt();
            if (b <= previous || b >= column.length) {
                throw new java.io.IOException("bucket order");
            }
            column[b] = c;
            previous = b;
        }
        double[] idf = new double[size + 1];
        for (int c = 1; c <= size; c++) {
            idf[c] = in.readDouble();
        }
        return new Features(column, idf, size);
    }

    /** Columns in use; a model's intercept is the column after them. */
    public int size() {
        return size;
    }

    /** The message as LIBLINEAR reads it: known features only, ascending index, unit length. */
    public Feature[] vector(String text) {
        int[] b = buckets(text);
        int[] cols = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            cols[i] = column[b[i]];
        }
        Arrays.sort(cols);
        FeatureNode[] out = new FeatureNode[cols.length];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < cols.length; ) {
            int j = i;
            while (j < cols.length && cols[j] == cols[i]) {
                j++;
            }
            if (cols[i] > 0) {
                double w = (1 + Math.log(j - i)) * idf[cols[i]];
                out[k++] = new FeatureNode(cols[i], w);
                norm += w * w;
            }
            i = j;
        }
        out = Arrays.copyOf(out, k);
        if (norm > 0) {
            double s = 1 / Math.sqrt(norm);
            for (FeatureNode f : out) {
                f.value *= s;
            }
        }
        return out;
    }

    /** The buckets of a message's features, sorted, one entry per occurrence. */
    static int[] buckets(String text) {
        String folded = Normalizer.fold(text);
        if (folded.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[64];
        int k = 0;
        String[] words = folded.split(" ");
        int previous = 0;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            int h = hash(word, 0, word.length(), WORD);
            if (k + 2 + (word.length() + 2) * (MAX_GRAM - MIN_GRAM + 1) > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, k + 2 + (word.length() + 2) * 4 + 16));
            }
            out[k++] = bucket(h);
            if (w > 0) {
                out[k++] = bucket(previous * 31 + h ^ PAIR);
            }
            previous = h;
            String padded = " " + word + " ";
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    out[k++] = bucket(hash(padded, i, i + n, n));
                }
            }
        }
        int[] b = Arrays.copyOf(out, k);
        Arrays.sort(b);
        return b;
    }

    private static int hash(String s, int from, int to, int seed) {
        int h = 0x811C9DC5 ^ seed;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    private static int bucket(int h) {
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        return h & ((1 << BITS) - 1);
    }
}
