package no.losen.dialog.load;

import java.util.List;
import no.losen.dialog.DialogSet;

/** The outcome of loading content: what was loaded, what is wrong with it, and how complete each language is. */
public record Loaded(DialogSet set, List<Problem> problems, List<Coverage> coverage) {

    public boolean ok() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
