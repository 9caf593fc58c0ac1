package no.losen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.translate.Catalog;
import no.losen.translate.CsvFormat;
import no.losen.translate.Exchange;
import no.losen.translate.Exporter;
import no.losen.translate.Importer;
import no.losen.translate.Maintenance;
import no.losen.translate.Report;
import no.losen.translate.State;
import no.losen.translate.XliffFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code losen translations export|import|report|prune|stamp}: the translation coordinator's tools. See docs/translating.md. */
@Command(name = "translations", mixinStandardHelpOptions = true,
        description = "Export, import and report translations (see docs/translating.md).",
        subcommands = {TranslationsCommand.Export.class, TranslationsCommand.Import.class, TranslationsCommand.ReportCmd.class,
                TranslationsCommand.Prune.class, TranslationsCommand.Stamp.class})
public final class TranslationsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new picocli.CommandLine(this).usage(System.out);
        return 0;
    }

    /** The content folder these commands edit: --content, else this folder if it has dialogs/. Never the jar's copy. */
    static Path root(Path given) {
        Path r = ContentOption.resolve(given);
        if (!r.getFileSystem().equals(Path.of("").getFileSystem())) {
            throw new IllegalStateException("run in the content folder (with dialogs/ and translations/) or give --content");
        }
        return r;
    }

    interface Body {
        Integer run() throws IOException;
    }

    /** A missing file or a content folder that cannot be edited is said in one line, not a stack trace. */
    static Integer guarded(Body body) {
        try {
            return body.run();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            System.err.println("losen: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "")
                    + e.getMessage());
            return 2;
        }
    }

    static Catalog catalog(Path root) {
        Loaded l = ContentLoader.load(root);
        return new Catalog(l.set());
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write one language's texts for a translator.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", description = "Language code, e.g. ti") String lang;
        @Option(names = "--format", defaultValue = "xliff", description = "xliff (CAT tools) or csv (spreadsheets)") String format;
        @Option(names = "--only", split = ",", description = "Only keys in these states: missing, stale, draft, reviewed") List<String> only;
        @Option(names = {"-o", "--out"}, description = "Output file (default: losen-LANG.xlf / losen-LANG.csv)") Path out;
        @Option(names = "--content", description = "Content folder (default: this folder)") Path content;

        @Override
        public Integer call() {
            return guarded(this::run);
        }

        private Integer run() throws IOException {
            Catalog c = catalog(root(content));
            if (c.set().translations().language(lang).isEmpty() || lang.equals("nb")) {
                System.err.println("losen: no target language '" + lang + "' (languages: " + c.targets() + ")");
                return 2;
            }
            Exporter.Format f;
            Set<State> states = EnumSet.noneOf(State.class);
            try {
                f = Exporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
                if (only != null) {
                    only.forEach(s -> states.add(State.of(s)));
                }
            } catch (IllegalArgumentException e) {
                System.err.println("losen: --format is xliff or csv; --only takes missing, stale, draft, reviewed");
                return 2;
            }
            long n = new Exporter(c).rows(lang, states).values().stream().mapToLong(List::size).sum();
            if (n == 0) {
                System.out.println("nothing to export: no " + lang + " keys are " + (only == null ? "there" : String.join(" or ", only)));
                return 0;
            }
            String text = new Exporter(c).export(lang, f, states);
            Path file = out != null ? out : Path.of("losen-" + lang + (f == Exporter.Format.XLIFF ? ".xlf" : ".csv"));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println("wrote " + n + " keys to " + file);
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Merge a translated file back. Nothing is written when any row is wrong.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", description = "An .xlf/.xliff or .csv file") Path file;
        @Option(names = "--reviewer", description = "Reviewer tag for rows marked reviewed (no personal data needed)") String reviewer;
        @Option(names = "--lang", description = "Language of a CSV file whose header does not say it") String lang;
        @Option(names = "--dry-run", description = "Check and report, write nothing") boolean dryRun;
        @Option(names = "--content", description = "Content folder (default: this folder)") Path content;

        @Override
        public Integer call() {
            return guarded(this::run);
        }

        private Integer run() throws IOException {
            Path root = root(content);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Exchange x = name.endsWith(".csv") ? CsvFormat.read(text, lang) : XliffFormat.read(text);
            Importer.Result r = new Importer(root, catalog(root), reviewer, LocalDate.now()).plan(x, file.toString());
            r.errors().forEach(System.err::println);
            r.warnings().forEach(w -> System.out.println("warning: " + w));
            if (!r.ok()) {
                System.err.println("nothing imported: " + r.errors().size() + " error(s)");
                return 1;
            }
            r.changes().forEach(System.out::println);
            r.kept().forEach(k -> System.out.println("kept     " + k));
            if (!dryRun) {
                Importer.write(r);
            }
            System.out.println((dryRun ? "would import " : "imported ") + r.changes().size() + " texts into "
                    + r.writes().size() + " files; " + r.kept().size() + " kept; " + r.warnings().size() + " warnings");
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Per language: keys, translated, reviewed, stale, missing.")
    static final class ReportCmd implements Callable<Integer> {
        @Option(names = "--content", description = "Content folder (default: this folder, else the bundled content)") Path content;

        @Override
        public Integer call() {
            new Report(catalog(ContentOption.resolve(content))).print(System.out);
            return 0;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Remove orphaned keys from every language.")
    static final class Prune implements Callable<Integer> {
        @Option(names = "--dry-run", description = "List them, remove nothing") boolean dryRun;
        @Option(names = "--content", description = "Content folder (default: this folder)") Path content;

        @Override
        public Integer call() {
            return guarded(this::run);
        }

        private Integer run() throws IOException {
            Path root = root(content);
            Catalog c = catalog(root);
            List<Catalog.Orphan> orphans = c.orphans();
            orphans.forEach(o -> System.out.println((dryRun ? "orphan   " : "removed  ") + o));
            if (!dryRun) {
                Maintenance.write(new Maintenance(root, c).prune(orphans));
            }
            System.out.println(orphans.size() + " orphaned keys" + (dryRun ? "" : " removed"));
            return 0;
        }
    }

    @Command(name = "stamp", mixinStandardHelpOptions = true,
            description = "Record the current Norwegian fingerprint on a language's translations that have none.")
    static final class Stamp implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "Language codes") List<String> langs;
        @Option(names = "--content", description = "Content folder (default: this folder)") Path content;

        @Override
        public Integer call() {
            return guarded(this::run);
        }

        private Integer run() throws IOException {
            Path root = root(content);
            for (String lang : langs) {
                Catalog c = catalog(root);
                List<String> stamped = new ArrayList<>();
                Map<Path, String> files = new Maintenance(root, c).stamp(lang, stamped);
                Maintenance.write(files);
                System.out.println(lang + ": stamped " + stamped.size() + " translations in " + files.size() + " files");
            }
            return 0;
        }
    }
}
