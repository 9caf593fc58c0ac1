package no.losen.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.losen.channel.sms.SmsBudget;
import no.losen.channel.whatsapp.WhatsAppTitles;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Coverage;
import no.losen.dialog.load.Loaded;
import no.losen.dialog.load.Problem;
import no.losen.translate.Catalog;
import no.losen.translate.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Checks dialogs, translations and facts; prints {@code file:line:column: message} and a table of language coverage. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check dialogs, translations and facts. Exit status 1 when there is an error.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", description = "Content folder (default: this folder if it has dialogs/, else the bundled content).")
    Path dir;

    /** Example messages per topic and language (translations/DIALOG/examples/); "!" marks a count below the minimum. */
    private static void examples(Loaded loaded) {
        for (var d : loaded.set().dialogs().values()) {
            var files = loaded.set().examples().of(d.id());
            if (files.isEmpty()) {
                continue;
            }
            List<String> langs = d.languages();
            System.out.println();
            System.out.printf("examples of '%s' (at least %d in nb and en, %d in others)%n", d.id(),
                    no.losen.dialog.load.Validator.minimumExamples("nb"), no.losen.dialog.load.Validator.minimumExamples("ti"));
            System.out.printf("%-18s", "topic");
            langs.forEach(l -> System.out.printf("%6s", l));
            System.out.println();
            List<String> topics = new java.util.ArrayList<>(d.topics().stream().map(no.losen.dialog.Topic::target).toList());
            topics.add(no.losen.content.Examples.NONE);
            for (String t : topics) {
                System.out.printf("%-18s", t);
                for (String l : langs) {
                    var f = files.get(l);
                    int n = f == null ? 0 : f.count(t);
                    boolean low = !t.equals(no.losen.content.Examples.NONE) && n < no.losen.dialog.load.Validator.minimumExamples(l);
                    System.out.printf("%6s", n + (low ? "!" : ""));
                }
                System.out.println();
            }
            System.out.printf("%-18s", "status");
            langs.forEach(l -> System.out.printf("%6s", files.containsKey(l) ? (files.get(l).reviewed() ? "rev" : "draft") : "-"));
            System.out.println();
        }
    }

    @Override
    public Integer call() {
        Path root = ContentOption.resolve(dir);
        Loaded loaded = ContentLoader.load(root);
        loaded.problems().forEach(p -> (p.isError() ? System.err : System.out).println(p));
        List<Problem> sms = new java.util.ArrayList<>(loaded.ok() ? SmsBudget.check(loaded.set()) : List.of());
        // WhatsApp's button and list titles: warnings only (a cut title still works).
        sms.addAll(loaded.ok() ? WhatsAppTitles.check(loaded.set()) : List.of());
        sms.forEach(p -> (p.isError() ? System.err : System.out).println(p));
        System.out.println();
        System.out.printf("%-24s %-5s %7s %8s %6s%n", "dialog", "lang", "keys", "missing", "draft");
        for (Coverage c : loaded.coverage()) {
            System.out.printf("%-24s %-5s %7d %8d %6d%s%n", c.dialog(), c.lang(), c.needed(), c.missing(), c.draft(),
                    c.complete() ? "" : "  incomplete");
        }
        examples(loaded);
        System.out.println();
        new Report(new Catalog(loaded.set())).print(System.out);
        long errors = loaded.errors().size() + sms.stream().filter(Problem::isError).count();
        long warnings = loaded.problems().stream().filter(p -> !p.isError()).count()
                + sms.stream().filter(p -> !p.isError()).count();
        System.out.printf("%n%d dialogs, %d errors, %d warnings%n", loaded.set().dialogs().size(), errors, warnings);
        return errors == 0 ? 0 : 1;
    }
}
