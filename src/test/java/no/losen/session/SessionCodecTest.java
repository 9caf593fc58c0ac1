package no.losen.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.losen.dialog.Session;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

    @Test
    void everyKindOfVariableSurvivesTheRoundTrip() {
        Session s = new Session("id-script", "indicators", "ar",
                Map.of("minor", true, "age", 16, "signs", List.of("debt", "passport"), "note", "نص عربي \"quoted\"",
                        "resident_lang", "ti"),
                List.of(new Session.Step("start", Map.of()), new Session.Step("age", Map.of("minor", true))), true);
        assertThat(SessionCodec.decode(SessionCodec.encode(s))).isEqualTo(s);
    }

    @Test
    void aFreshSessionIsTinyAndALongOneStaysSmall() {
        Session fresh = new Session("rights", "start", "en", Map.of(), List.of(), false);
        assertThat(SessionCodec.encode(fresh)).isEqualTo("{\"d\":\"rights\",\"n\":\"start\",\"l\":\"en\"}");
        List<Session.Step> history = new ArrayList<>();
        for (int i = 0; i < Session.MAX_HISTORY; i++) {
            history.add(new Session.Step("node-" + i, Map.of("minor", false, "situation", "asylum")));
        }
        Session full = new Session("rights", "health", "en", Map.of("minor", false, "situation", "asylum"),
                history, false);
        assertThat(SessionCodec.encode(full).length()).isLessThan(4096);
    }

    @Test
    void aStartedOnlySessionBeginsWithItsMarkAndReadsBackEqual() {
        Session fresh = new Session("rights", "start", "en", Map.of(), List.of(), true);
        assertThat(SessionCodec.encodeStarted(fresh)).isEqualTo(SessionCodec.STARTED
                + "\"d\":\"rights\",\"n\":\"start\",\"l\":\"en\",\"s\":1}");
        assertThat(SessionCodec.decode(SessionCodec.encodeStarted(fresh))).isEqualTo(fresh);
        assertThat(SessionCodec.encode(fresh)).doesNotStartWith(SessionCodec.STARTED);
    }

    @Test
    void whatTheStoresHoldTodayStillReads() {
        // Written by the codec before it streamed (Jackson over maps); Redis may hold such sessions.
        Session s = SessionCodec.decode("{\"d\":\"rights\",\"n\":\"health\",\"l\":\"en\",\"v\":{\"age\":16,\"signs\":[\"debt\"]},"
                + "\"h\":[[\"start\"],[\"age\",{\"minor\":true}]],\"s\":1}");
        assertThat(s).isEqualTo(new Session("rights", "health", "en", Map.of("age", 16, "signs", List.of("debt")),
                List.of(new Session.Step("start", Map.of()), new Session.Step("age", Map.of("minor", true))), true));
        assertThat(s.vars().get("age")).isInstanceOf(Integer.class);
    }

    @Test
    void aDamagedSessionIsAClearErrorNotAHalfSession() {
        for (String bad : List.of("", "[]", "{\"d\":\"rights\"}", "{\"d\":\"rights\",\"n\":\"x\",\"l\":\"en\",\"h\":[[\"a\",{\"k\":}]]}")) {
            assertThatThrownBy(() -> SessionCodec.decode(bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not readable");
        }
    }
}
