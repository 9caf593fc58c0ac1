package no.losen.dialog;

import java.util.List;
import no.losen.content.Origin;

/**
 * A multi-select list (the staff script's indicator lists). The ids ticked are kept as a list
 * in {@code var}; the user confirms once and goes on to {@code next}. Ticking nothing is a
 * valid answer: "none of these" must be recordable.
 */
public record Checklist(String var, List<Option> options, String next, Origin at) {

    public record Option(String id, String label, Condition when, Origin at) {
    }
}
