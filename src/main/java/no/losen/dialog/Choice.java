package no.losen.dialog;

import java.util.Map;
import no.losen.content.Origin;

/** A button: its label key, where it leads, the variables it sets, and when it is offered. */
public record Choice(String id, String label, String target, Map<String, Object> set, Condition when, Origin at) {
}
