package no.losen.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.losen.dialog.Dialog;
import no.losen.dialog.Node;
import no.losen.dialog.load.ContentLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a dialog as a Mermaid flowchart, for review by people who do not read YAML. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Print a dialog as a Mermaid flowchart.")
public final class GraphCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Dialog id.")
    String dialog;

    @Option(names = "--content", description = "Content folder (default: this folder if it has dialogs/, else bundled).")
    Path dir;

    @Override
    public Integer call() {
        var loaded = ContentLoader.load(ContentOption.resolve(dir));
        Dialog d = loaded.set().dialog(dialog).orElse(null);
        if (d == null) {
            System.err.println("losen: no dialog '" + dialog + "'; there are " + loaded.set().dialogs().keySet());
            return 1;
        }
        System.out.print(mermaid(d));
        return 0;
    }

    static String mermaid(Dialog d) {
        StringBuilder b = new StringBuilder("flowchart TD\n");
        for (Node n : d.nodes().values()) {
            String shape = n.end() ? "([" + n.id() + "])" : !n.route().isEmpty() ? "{" + n.id() + "}"
                    : n.checklist() != null ? "[/" + n.id() + "/]" : "[" + n.id() + "]";
            b.append("  ").append(id(n.id())).append(shape).append('\n');
        }
        for (Node n : d.nodes().values()) {
            n.choices().forEach(c -> edge(b, n.id(), c.target(), c.id()));
            n.route().forEach(r -> edge(b, n.id(), r.target(), r.when().toString().isEmpty() ? "else" : r.when().toString()));
            if (n.checklist() != null) {
                edge(b, n.id(), n.checklist().next(), n.checklist().var());
            }
            if (n.input() != null && n.input().next() != null) {
                edge(b, n.id(), n.input().next(), "text");
            }
            if (n.next() != null) {
                edge(b, n.id(), n.next(), null);
            }
        }
        d.anywhere().forEach(c -> b.append("  %% from every node: ").append(c.id()).append(" --> ").append(c.target()).append('\n'));
        return b.toString();
    }

    private static void edge(StringBuilder b, String from, String to, String label) {
        b.append("  ").append(id(from)).append(label == null ? " --> " : " -- \"" + label.replace("\"", "'") + "\" --> ")
                .append(id(to)).append('\n');
    }

    private static String id(String node) {
        return "n_" + node.replace('-', '_');
    }
}
