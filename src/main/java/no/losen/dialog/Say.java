package no.losen.dialog;

import java.util.Map;
import no.losen.content.Origin;

/** One paragraph a node says: a translation key, its parameters, and when it is shown. */
public record Say(String key, Map<String, String> params, Condition when, Origin at) {
}
