package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {

    private final Session start = new Session("rights", "start", "en", Map.of("topic", "health"), List.of(), false);

    @Test
    void aStepThatSetsNothingNewKeepsTheSameVariables() {
        Session next = start.remember().at("health", new LinkedHashMap<>(Map.of("topic", "health")));

        assertThat(next.vars()).isSameAs(start.vars());
        assertThat(next.history()).extracting(Session.Step::vars).allSatisfy(v -> assertThat(v).isSameAs(start.vars()));
    }

    @Test
    void aStepThatSetsSomethingKeepsItsOwnCopy() {
        Map<String, Object> changed = new LinkedHashMap<>(Map.of("topic", "work"));
        Session next = start.at("work", changed);
        changed.put("topic", "housing");

        assertThat(next.vars()).containsExactly(Map.entry("topic", "work"));
        assertThat(start.vars()).containsExactly(Map.entry("topic", "health"));
    }

    @Test
    void settingAVariableToTheValueItHasChangesNothing() {
        assertThat(start.withVar("topic", "health").vars()).isSameAs(start.vars());
        assertThat(start.withVar("topic", "work").vars()).containsExactly(Map.entry("topic", "work"));
    }

    @Test
    void historyKeepsTheNewestStepsUpToTheLimit() {
        Session s = start;
        for (int i = 0; i < Session.MAX_HISTORY + 10; i++) {
            s = s.at("node-" + i, s.vars()).remember();
        }

        assertThat(s.history()).hasSize(Session.MAX_HISTORY);
        assertThat(s.history().get(Session.MAX_HISTORY - 1).node()).isEqualTo("node-" + (Session.MAX_HISTORY + 9));
    }
}
