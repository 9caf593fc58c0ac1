package no.losen.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.losen.channel.sms.SmsBudget;
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

    @Override
    public Integer call() {
        Path root = ContentOption.resolve(dir);
        Loaded loaded = ContentLoader.load(root);
        loaded.problems().forEach(p -> (p.isError() ? System.err : System.out).println(p));
        List<Problem> sms = loaded.ok() ? SmsBudget.check(loaded.set()) : List.of();
        sms.forEach(p -> (p.isError() ? System.err : System.out).println(p));
        System.out.println();
        System.out.printf("%-24s %-5s %7s %8s %6s%n", "dialog", "lang", "keys", "missing", "draft");
        for (Coverage c : loaded.coverage()) {
            System.out.printf("%-24s %-5s %7d %8d %6d%s%n", c.dialog(), c.lang(), c.needed(), c.missing(), c.draft(),
                    c.complete() ? "" : "  incomplete");
        }
        System.out.println();
        new Report(new Catalog(loaded.set())).print(System.out);
        long errors = loaded.errors().size() + sms.stream().filter(Problem::isError).count();
        long warnings = loaded.problems().stream().filter(p -> !p.isError()).count()
                + sms.stream().filter(p -> !p.isError()).count();
        System.out.printf("%n%d dialogs, %d errors, %d warnings%n", loaded.set().dialogs().size(), errors, warnings);
        return errors == 0 ? 0 : 1;
    }
}
