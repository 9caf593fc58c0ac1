package no.losen.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingested corpus: sources from {@code corpus/sources.yaml}, cleaned and cut into passages.
 * {@code hash} covers every source file and the metadata, so caches built from passages
 * (embeddings) are invalidated when the corpus or its cleaning input changes.
 */
public record Corpus(List<SourceCatalog.Source> sources, List<Passage> passages, List<String> cleanTexts, String hash) {

    /** Finds {@code corpus/} under {@code contentRoot} (or takes it as the corpus folder itself). */
    public static Path corpusDir(Path contentRoot) {
        Path nested = contentRoot.resolve("corpus");
        return Files.isRegularFile(nested.resolve("sources.yaml")) ? nested : contentRoot;
    }

    /**
     * The corpus's hash without cleaning it (the same {@link #hash} {@link #load} gives): what the
     * search cache is keyed by. "empty" when there is no corpus.
     */
    public static String hashOf(Path contentRoot) {
        Path dir = corpusDir(contentRoot);
        if (!Files.isRegularFile(dir.resolve("sources.yaml"))) {
            return "empty";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(dir.resolve("sources.yaml")));
            for (SourceCatalog.Source s : SourceCatalog.read(dir)) {
                sha.update(Files.readAllBytes(s.file()));
            }
            addQuestions(sha, dir);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A corpus cleaned before (the search cache): the sources as {@code sources.yaml} lists them now. */
    public static Corpus restore(Path contentRoot, List<Passage> passages, List<String> cleanTexts, String hash) {
        if (hash.equals("empty")) {
            return new Corpus(List.of(), List.of(), List.of(), "empty");
        }
        return new Corpus(SourceCatalog.read(corpusDir(contentRoot)), List.copyOf(passages), List.copyOf(cleanTexts), hash);
    }

    /** The questions the passages answer are indexed with them: an edited file must build the index again. */
    private static void addQuestions(MessageDigest sha, Path dir) throws IOException {
        for (Path questions : PassageQuestions.files(dir)) {
            sha.update(questions.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(questions));
        }
    }

    public static Corpus load(Path contentRoot) {
        Path dir = corpusDir(contentRoot);
        if (!Files.isRegularFile(dir.resolve("sources.yaml"))) {
            // content without a corpus (a test fixture, a dialogs-only deployment): nothing to search
            return new Corpus(List.of(), List.of(), List.of(), "empty");
        }
        List<SourceCatalog.Source> sources = SourceCatalog.read(dir);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(dir.resolve("sources.yaml")));
            Map<SourceCatalog.Source, String> raw = new LinkedHashMap<>();
            for (SourceCatalog.Source s : sources) {
                byte[] bytes = Files.readAllBytes(s.file());
                sha.update(bytes);
                raw.put(s, new String(bytes, StandardCharsets.UTF_8));
            }
            addQuestions(sha, dir);
            CorpusCleaner cleaner = CorpusCleaner.forCorpus(raw.values());
            // sources are independent once the shared vocabulary exists: clean them in parallel
            List<List<Block>> cleaned = raw.values().parallelStream().map(cleaner::clean).toList();
            List<Passage> passages = new ArrayList<>();
            List<String> clean = new ArrayList<>();
            int i = 0;
            for (SourceCatalog.Source s : raw.keySet()) {
                List<Block> blocks = cleaned.get(i++);
                blocks.forEach(b -> clean.add(b.text()));
                passages.addAll(PassageSplitter.split(s.id(), blocks, passages.size()));
            }
            return new Corpus(sources, List.copyOf(passages), List.copyOf(clean),
                    HexFormat.of().formatHex(sha.digest()).substring(0, 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus in " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
