package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.Test;

/** Replies rendered once are looked up after, and only those whose variables the content defined. */
class RenderedTest {

    private final DialogSet set = ContentLoader.load(Fixtures.BASIC).set();
    private final Dialog demo = set.dialog("demo").orElseThrow();
    private final Rendered rendered = new Rendered(set);

    private Reply draw(String text) {
        return Reply.at("demo", "hello", "en", "ltr").text(text).build();
    }

    private Session at(Map<String, Object> vars) {
        return new Session("demo", "hello", "en", vars, List.of(), false);
    }

    @Test
    void theSameInputsGetTheReplyRenderedTheFirstTime() {
        List<Node> shown = List.of(demo.node("hello").orElseThrow());
        Reply first = rendered.get(demo, shown, at(Map.of("signs", List.of("debt"))), null, () -> draw("one"));
        Reply again = rendered.get(demo, shown, at(Map.of("signs", List.of("debt"))), null, () -> draw("two"));
        assertThat(again).isSameAs(first);
        assertThat(rendered.get(demo, shown, at(Map.of()), null, () -> draw("three")).text()).isEqualTo("three");
        assertThat(rendered.get(demo, shown, at(Map.of()), List.of("debt"), () -> draw("four")).text()).isEqualTo("four");
    }

    @Test
    void aReplyWhoseVariablesHoldTypedTextIsRenderedEachTimeAndNeverKept() {
        List<Node> shown = List.of(demo.node("hello").orElseThrow());
        Session typed = at(Map.of("note", "my neighbour Kari"));
        assertThat(rendered.get(demo, shown, typed, null, () -> draw("one")).text()).isEqualTo("one");
        assertThat(rendered.get(demo, shown, typed, null, () -> draw("two")).text()).isEqualTo("two");
        assertThat(rendered.size()).isZero();
    }
}
