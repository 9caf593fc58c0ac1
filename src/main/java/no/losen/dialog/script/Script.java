package no.losen.dialog.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.losen.content.Origin;

/**
 * A conversation test: turns a user takes and what each reply must show. Written by dialog
 * authors as YAML (like RapidPro's golden flow tests or Rasa's test stories), run by
 * {@code mvn verify} and {@code losen test}.
 *
 * @param staff         run as a logged-in staff member
 * @param allowFallback accept texts shown from a fallback language (otherwise a missing key fails the test)
 */
public record Script(String file, String name, String dialog, String lang, boolean staff, boolean allowFallback,
                     List<Turn> turns) {

    /** One turn: what the user does ({@code kind} and {@code arg}) and what must follow. */
    public record Turn(String kind, JsonNode arg, JsonNode expect, Origin at) {

        public String describe() {
            return arg == null || arg.isNull() || arg.isEmpty() && arg.isContainerNode() ? kind : kind + " " + arg;
        }
    }
}
