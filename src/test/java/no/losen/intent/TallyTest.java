package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static Tally.Outcome outcome(String expect, String got) {
        return new Tally.Outcome(null, "en", "a message", List.of(expect), got, expect.equals("-") ? got.startsWith("(") : got.equals(expect));
    }

    @Test
    void aTopicsMissesAreToldApartByWhereTheyWent() {
        Tally t = new Tally();
        t.add(outcome("money", "money"));
        t.add(outcome("money", "emergency"));
        t.add(outcome("health", "emergency"));
        t.add(outcome("health", "(did you mean)"));
        t.add(outcome("health", "money"));
        t.add(outcome("emergency", "money"));   // a danger message missed: counted as danger, not here
        t.add(outcome("-", "emergency"));       // off-topic: counted as off-topic, not here

        assertThat(t.topicMisses()).containsExactly(2, 1, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("topic messages missed 4: to emergency help 2, not routed 1, to another node 1");
    }
}
