package no.losen.dialog;

import java.util.Map;
import no.losen.content.Origin;

/**
 * A button: its label key, where it leads, the variables it sets, and when it is offered.
 * {@code at} is the choice's first line; {@code targetAt} its {@code goto} line, so a wrong
 * target is reported where it is written.
 */
public record Choice(String id, String label, String target, Map<String, Object> set, Condition when, Origin at,
                     Origin targetAt) {
}
