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
 * @param setup         how the server is set up for this script ({@code setup: [model, sms]}; see
 *                      {@link no.losen.dialog.Setup}); empty: nothing outside the server
 */
public record Script(String file, String name, String dialog, String lang, boolean staff, boolean allowFallback,
                     List<String> setup, List<Turn> turns) {

    public Script {
        setup = List.copyOf(setup);
    }

    /** One turn: what the user does ({@code kind} and {@code arg}) and what must follow. */
    public record Turn(String kind, JsonNode arg, JsonNode expect, Origin at) {

        public String describe() {
            return arg == null || arg.isNull() || arg.isEmpty() && arg.isContainerNode() ? kind : kind + " " + arg;
        }
    }
}
