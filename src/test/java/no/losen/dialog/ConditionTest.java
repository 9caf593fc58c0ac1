package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void aBareNameIsTrueWhenTheVariableIsSetAndNotFalseOrEmpty() {
        Condition c = Condition.parse("minor");
        assertThat(c.test(Map.of("minor", true))).isTrue();
        assertThat(c.test(Map.of("minor", "yes"))).isTrue();
        assertThat(c.test(Map.of("minor", false))).isFalse();
        assertThat(c.test(Map.of("minor", List.of()))).isFalse();
        assertThat(c.test(Map.of())).isFalse();
    }

    @Test
    void notNegates() {
        assertThat(Condition.parse("not minor").test(Map.of())).isTrue();
        assertThat(Condition.parse("not minor").test(Map.of("minor", true))).isFalse();
    }

    @Test
    void comparesValuesAsText() {
        assertThat(Condition.parse("age = child").test(Map.of("age", "child"))).isTrue();
        assertThat(Condition.parse("age != adult").test(Map.of("age", "child"))).isTrue();
        assertThat(Condition.parse("age != adult").test(Map.of())).isTrue();
    }

    @Test
    void hasLooksInsideAChecklist() {
        Condition c = Condition.parse("signs has fixer");
        assertThat(c.test(Map.of("signs", List.of("debt", "fixer")))).isTrue();
        assertThat(c.test(Map.of("signs", List.of("debt")))).isFalse();
    }

    @Test
    void andBindsBeforeOr() {
        Condition c = Condition.parse("a and b or c");
        assertThat(c.test(Map.of("c", true))).isTrue();
        assertThat(c.test(Map.of("a", true))).isFalse();
        assertThat(c.test(Map.of("a", true, "b", true))).isTrue();
        assertThat(c.variables()).containsExactly("a", "b", "c");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Condition.parse("minor > 3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minor > 3");
    }

    @Test
    void emptyMeansAlways() {
        assertThat(Condition.parse(" ").test(Map.of())).isTrue();
    }
}
