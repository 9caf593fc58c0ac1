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

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        boolean sub = args.length > 0 && cli.getSubcommands().containsKey(args[0]);
        boolean help = args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")
                || args[0].equals("--version") || args[0].equals("-V"));
        boolean serve = !sub && !help || args[0].equals("serve");
        int code = sub || help ? cli.execute(args) : new CommandLine(new ServeCommand()).execute(args);
        // A tool exits with its status; a server that started keeps running on Vert.x's threads.
        if (code != 0 || !serve) {
            System.exit(code);
        }
    }
}
