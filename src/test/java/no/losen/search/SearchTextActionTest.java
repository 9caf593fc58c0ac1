package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.losen.dialog.Card;
import org.junit.jupiter.api.Test;

class SearchTextActionTest {

    private final SearchTextAction action = new SearchTextAction(TestCorpus.search());

    @Test
    void answersTypedTextWithCitedPassages() {
        List<Card.Hit> hits = action.answer("Kan jeg få hjelp på legevakten uten papirer?", "nb");
        assertThat(hits).hasSize(SearchTextAction.HITS).allSatisfy(h -> {
            assertThat(h.source()).isNotBlank();
            assertThat(h.title()).isNotBlank();
            assertThat(h.text()).isNotBlank().hasSizeLessThanOrEqualTo(1200);
        });
    }

    @Test
    void toleratesWhatTheHttpRouteWouldRefuse() {
        assertThat(action.answer("   ", "nb")).isEmpty();
        assertThat(action.answer("asyl ".repeat(400), "not a tag!")).isNotEmpty();
    }
}
