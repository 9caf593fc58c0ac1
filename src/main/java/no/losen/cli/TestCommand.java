package no.losen.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.dialog.script.Script;
import no.losen.dialog.script.ScriptReader;
import no.losen.dialog.script.ScriptRunner;
import no.losen.intent.Recogniser;
import no.losen.internal.YamlDoc;
import no.losen.server.Actions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Runs the conversation tests in {@code dialogs/tests/} and prints each failure with its line. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Run the conversation tests in dialogs/tests/.")
public final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", description = "Content folder (default: this folder if it has dialogs/, else bundled).")
    Path dir;

    @Override
    public Integer call() {
        Path root = ContentOption.resolve(dir);
        Loaded loaded = ContentLoader.load(root);
        if (!loaded.ok()) {
            loaded.errors().forEach(System.err::println);
            return 1;
        }
        ScriptRunner runner = new ScriptRunner(new Engine(loaded.set(), Actions.forContent(root),
                Recogniser.train(loaded.set(), no.losen.cache.DerivedCache.fromEnv(System.getenv()))));
        int passed = 0;
        int failed = 0;
        for (Path file : ScriptReader.files(root)) {
            List<String> failures;
            String name;
            try {
                Script s = ScriptReader.read(root, file);
                name = s.name();
                failures = runner.run(s);
            } catch (YamlDoc.SyntaxError e) {
                name = root.relativize(file).toString();
                failures = List.of(e.at + ": " + e.getMessage());
            }
            if (failures.isEmpty()) {
                passed++;
                System.out.println("ok   " + name);
            } else {
                failed++;
                System.out.println("FAIL " + name);
                failures.forEach(f -> System.out.println("     " + f));
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
