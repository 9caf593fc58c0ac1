package no.losen.search.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.losen.cache.DerivedCache;

/**
 * Everything the handbook search derives from the corpus at start-up, in a form that can be kept in
 * the {@link DerivedCache}: the cleaned passages, the corpus's word frequencies (the compound
 * splitter's dictionary) and the Lucene index's files. Cleaning and indexing take seconds; reading
 * this back takes milliseconds.
 */
public record IndexSnapshot(List<Passage> passages, List<String> cleanTexts, String corpusHash,
                            Map<String, Integer> frequencies, Map<String, byte[]> indexFiles) {

    /** Cleans and indexes the corpus under {@code contentRoot}. */
    public static IndexSnapshot build(Path contentRoot) {
        Corpus corpus = Corpus.load(contentRoot);
        NorwegianAnalysis analysis = NorwegianAnalysis.fromCorpus(corpus.passages().stream().map(Passage::text).toList());
        Map<String, String> titles = corpus.sources().stream()
                .collect(Collectors.toMap(SourceCatalog.Source::id, SourceCatalog.Source::title));
        PassageIndex index = new PassageIndex(corpus.passages(), titles, analysis, SynonymSets.load(),
                PassageQuestions.load(Corpus.corpusDir(contentRoot), corpus.passages()));
        return new IndexSnapshot(corpus.passages(), corpus.cleanTexts(), corpus.hash(), analysis.frequencies(), index.files());
    }

    public Corpus corpus(Path contentRoot) {
        return Corpus.restore(contentRoot, passages, cleanTexts, corpusHash);
    }

    public NorwegianAnalysis analysis() {
        return NorwegianAnalysis.fromFrequencies(frequencies);
    }

    public PassageIndex index(NorwegianAnalysis analysis) {
        return PassageIndex.open(indexFiles, passages, analysis);
    }

    public static final DerivedCache.Codec<IndexSnapshot> CODEC = new DerivedCache.Codec<>() {
        @Override
        public void write(IndexSnapshot s, DataOutputStream out) throws IOException {
            DerivedCache.writeString(out, s.corpusHash());
            out.writeInt(s.passages().size());
            for (Passage p : s.passages()) {
                out.writeInt(p.ordinal());
                DerivedCache.writeString(out, p.sourceId());
                DerivedCache.writeString(out, p.section());
                DerivedCache.writeString(out, p.text());
                out.writeInt(p.start());
                out.writeInt(p.end());
            }
            out.writeInt(s.cleanTexts().size());
            for (String t : s.cleanTexts()) {
                DerivedCache.writeString(out, t);
            }
            out.writeInt(s.frequencies().size());
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(s.frequencies()).entrySet()) {
                DerivedCache.writeString(out, e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeInt(s.indexFiles().size());
            for (Map.Entry<String, byte[]> f : s.indexFiles().entrySet()) {
                DerivedCache.writeString(out, f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
        }

        @Override
        public IndexSnapshot read(DataInputStream in) throws IOException {
            String hash = DerivedCache.readString(in);
            int n = count(in);
            List<Passage> passages = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                passages.add(new Passage(in.readInt(), DerivedCache.readString(in), DerivedCache.readString(in),
                        DerivedCache.readString(in), in.readInt(), in.readInt()));
                if (passages.get(i).ordinal() != i) {
                    throw new IOException("passage out of order");
                }
            }
            int c = count(in);
            List<String> clean = new ArrayList<>(c);
            for (int i = 0; i < c; i++) {
                clean.add(DerivedCache.readString(in));
            }
            int w = count(in);
            Map<String, Integer> freq = new HashMap<>(w * 2);
            for (int i = 0; i < w; i++) {
                freq.put(DerivedCache.readString(in), in.readInt());
            }
            int f = count(in);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < f; i++) {
                String name = DerivedCache.readString(in);
                int len = count(in);
                files.put(name, in.readNBytes(len));
            }
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return new IndexSnapshot(List.copyOf(passages), List.copyOf(clean), hash, freq, files);
        }

        private static int count(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new java.io.EOFException();
            }
            return n;
        }
    };
}
