package no.losen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar losen.jar [serve|validate|graph|test|staff|translations|routing] …}. With no command it serves, so the
 * README's run command stays one line.
 */
@Command(name = "losen", mixinStandardHelpOptions = true, version = "losen 0.1",
        description = "Guided conversations: staff identification script, rights information, handbook search.",
        subcommands = {ServeCommand.class, ValidateCommand.class, GraphCommand.class, TestCommand.class,
                StaffCommand.class, TranslationsCommand.class, RoutingCommand.class})
public final class Main {

    /** The subcommands' names, read from the annotations above (cheap: no picocli model). */
    static final java.util.Set<String> SUBCOMMANDS = java.util.Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
            .map(c -> c.getAnnotation(Command.class).name()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static void main(String[] args) {
        boolean sub = args.length > 0 && SUBCOMMANDS.contains(args[0]);
        boolean help = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
        boolean serve = !sub && !help || args[0].equals("serve");
        // The whole command tree (some 150 options) is built only for a tool or for help: picocli's model of it
        // cost a server start 0.17 s of CPU before anything was loaded.
        int code = sub || help ? new CommandLine(new Main()).execute(args) : new CommandLine(new ServeCommand()).execute(args);
        // A tool exits with its status; a server that started keeps running on Vert.x's threads.
        if (code != 0 || !serve) {
            System.exit(code);
        }
    }
}
