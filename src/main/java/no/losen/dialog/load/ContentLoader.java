package no.losen.dialog.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.losen.cache.CacheKey;
import no.losen.cache.DerivedCache;
import no.losen.content.Examples;
import no.losen.content.Fact;
import no.losen.content.Facts;
import no.losen.content.Language;
import no.losen.content.Origin;
import no.losen.content.Text;
import no.losen.content.Translations;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.internal.YamlDoc;

/**
 * Loads a content root ({@code dialogs/}, {@code translations/}, {@code facts/}) into a
 * {@link DialogSet} and reports every problem found on the way. Loading and validation are the
 * same code: what the server refuses to start with is exactly what {@code validate} prints.
 */
public final class ContentLoader {

    /** The default fallback chain after the asked language: English, then Norwegian. */
    public static final List<String> DEFAULT_FALLBACK = List.of("en", "nb");

    private ContentLoader() {
    }

    /** The content bundled in the jar (copied there by the build from the repository's folders). */
    public static Path bundled() {
        try {
            URI uri = ContentLoader.class.getResource("/content/translations").toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    FileSystems.newFileSystem(uri, Map.of());
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | NullPointerException e) {
            throw new IllegalStateException("no bundled content in the jar", e);
        }
    }

    public static Loaded load(Path root) {
        return load(root, DEFAULT_FALLBACK);
    }

    /**
     * Loads and validates like {@link #load(Path, List)}, or reads what an earlier start loaded from the
     * same bytes out of {@code cache}. Loading and validating is a pure function of the content files (and
     * of the code, which the key's build stamp covers), so the result under the same {@link #fingerprint}
     * is the same; a changed, added or removed file is another key and is loaded afresh.
     */
    public static Loaded load(Path root, List<String> fallback, DerivedCache cache) {
        if (cache.dir().isEmpty()) {
            return load(root, fallback);
        }
        return cache.get("content", fingerprint(root, fallback), LoadedCodec.INSTANCE, () -> load(root, fallback));
    }

    /**
     * The key of a content root: the bytes and the relative path of every file {@link #load} reads
     * (the YAML under {@code translations/}, {@code facts/}, {@code dialogs/}, and {@code corpus/sources.yaml})
     * and the fallback chain. The bytes, not sizes and modification times: an edit that keeps the size
     * within the file system's time resolution, or a copy that keeps the times, must still be noticed,
     * and hashing 1.7 MB costs some 30 ms at start-up (docs/operations.md).
     */
    public static CacheKey fingerprint(Path root, List<String> fallback) {
        CacheKey.Builder key = CacheKey.of("content");
        fallback.forEach(key::add);
        key.add("|");
        List<Path> files = new ArrayList<>(yamlFiles(root.resolve("translations"), 3));
        files.addAll(yamlFiles(root.resolve("facts"), 1));
        files.addAll(yamlFiles(root.resolve("dialogs"), 1));
        Path sources = root.resolve("corpus").resolve("sources.yaml");
        if (Files.isRegularFile(sources)) {
            files.add(sources);
        }
        try {
            for (Path f : files) {
                key.add(root.relativize(f).toString()).add(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key.build();
    }

    public static Loaded load(Path root, List<String> fallback) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Language> languages = new LinkedHashMap<>();
        Map<String, Map<String, Text>> texts = new LinkedHashMap<>();
        Path tr = root.resolve("translations");
        List<Path> languageFiles = yamlFiles(tr, 1);
        for (Path f : languageFiles) {
            String lang = stem(f);
            YamlDoc doc = parse(root, f, problems);
            if (doc != null) {
                Language l = TranslationReader.meta(doc, lang, problems);
                languages.put(lang, l);
                TranslationReader.keys(doc, l.status(), texts.computeIfAbsent(lang, k -> new LinkedHashMap<>()), problems);
            }
        }
        for (Path f : yamlFiles(tr, 2)) {
            if (f.getParent().equals(tr)) {
                continue;
            }
            String lang = stem(f);
            YamlDoc doc = parse(root, f, problems);
            Language l = doc == null ? null : describedLanguage(doc, lang, languages, problems);
            if (l == null) {
                continue;
            }
            TranslationReader.keys(doc, l.status(), texts.computeIfAbsent(lang, k -> new LinkedHashMap<>()), problems);
        }
        Map<String, Map<String, Examples.ExampleFile>> examples = new LinkedHashMap<>();
        for (Path f : yamlFiles(tr, 3)) {
            Path rel = tr.relativize(f); // translations/<dialog>/examples/<lang>.yaml
            if (rel.getNameCount() != 3 || !rel.getName(1).toString().equals("examples")) {
                continue;
            }
            String lang = stem(f);
            String dialog = rel.getName(0).toString();
            YamlDoc doc = parse(root, f, problems);
            Language l = doc == null ? null : describedLanguage(doc, lang, languages, problems);
            if (l == null) {
                continue;
            }
            examples.computeIfAbsent(dialog, k -> new LinkedHashMap<>())
                    .put(lang, ExampleReader.read(doc, dialog, lang, l.status(), problems));
        }
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Path f : yamlFiles(root.resolve("facts"), 1)) {
            YamlDoc doc = parse(root, f, problems);
            if (doc != null) {
                FactReader.read(doc, facts, problems);
            }
        }
        Map<String, Dialog> dialogs = new LinkedHashMap<>();
        for (Path f : yamlFiles(root.resolve("dialogs"), 1)) {
            YamlDoc doc = parse(root, f, problems);
            if (doc == null) {
                continue;
            }
            List<Problem> schema = SchemaCheck.check(doc);
            problems.addAll(schema);
            if (!schema.isEmpty()) {
                continue;
            }
            Dialog d = new DialogReader(doc, problems).read();
            Dialog before = dialogs.putIfAbsent(d.id(), d);
            if (before != null) {
                problems.add(Problem.error(d.at(), "dialog id '" + d.id() + "' is already used by " + before.at().file()));
            }
        }
        if (dialogs.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
            // "validate dialogs" is a natural first guess; "0 dialogs, 0 errors" would pass it.
            problems.add(Problem.error(new Origin(root.toAbsolutePath().normalize().toString(), 0, 0),
                    "no dialogs found in " + root.resolve("dialogs") + ": give the content folder that holds"
                            + " dialogs/, translations/ and facts/ (in a checkout: validate .)"));
        }
        Map<String, String> citations = citations(root, problems);
        DialogSet set = new DialogSet(dialogs, new Translations(languages, texts, fallback), new Facts(facts, citations),
                new Examples(examples));
        Validator.Result v = new Validator(set).validate();
        problems.addAll(v.problems());
        return new Loaded(set, problems, v.coverage());
    }

    /** The language {@code translations/<lang>.yaml} describes, or null with the problem said where it shows. */
    private static Language describedLanguage(YamlDoc doc, String lang, Map<String, Language> languages,
                                              List<Problem> problems) {
        Language l = languages.get(lang);
        if (l == null) {
            problems.add(Problem.error(doc.at(""), "no translations/" + lang + ".yaml describes language '" + lang + "'"));
        }
        return l;
    }

    /** How each corpus document is cited on a card, from corpus/sources.yaml ("UDI: Tiltakskort – menneskehandel"). */
    private static Map<String, String> citations(Path root, List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        Path file = root.resolve("corpus").resolve("sources.yaml");
        if (!Files.isRegularFile(file)) {
            return out;
        }
        YamlDoc doc = parse(root, file, problems);
        if (doc != null) {
            doc.tree.path("sources").forEach(s -> {
                String year = s.path("year").isNumber() ? " (" + s.path("year").asText() + ")" : "";
                out.put(s.path("id").asText(), s.path("publisher").asText("") + ": " + s.path("title").asText() + year);
            });
        }
        return out;
    }

    private static YamlDoc parse(Path root, Path file, List<Problem> problems) {
        try {
            return YamlDoc.read(file, root.relativize(file).toString());
        } catch (YamlDoc.SyntaxError e) {
            problems.add(Problem.error(e.at, e.getMessage()));
            return null;
        }
    }

    private static List<Path> yamlFiles(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, depth)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }
}
