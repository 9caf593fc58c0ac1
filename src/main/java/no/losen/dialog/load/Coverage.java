package no.losen.dialog.load;

import java.util.List;

/**
 * How complete one language is for one dialog: the keys the dialog needs, how many are
 * missing, how many are drafts. {@code missingKeys} lets a coordinator see exactly what to do.
 */
public record Coverage(String dialog, String lang, int needed, int missing, int draft, List<String> missingKeys) {

    public boolean complete() {
        return missing == 0;
    }
}
