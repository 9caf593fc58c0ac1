package no.losen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void refusesEmptyAndOverLongQuestions() {
        assertThatThrownBy(() -> new SearchRequest(" ", null, 5, SearchMode.HYBRID)).isInstanceOf(InvalidSearchRequest.class);
        assertThatThrownBy(() -> new SearchRequest(null, null, 5, SearchMode.HYBRID)).isInstanceOf(InvalidSearchRequest.class);
        assertThatThrownBy(() -> new SearchRequest("x".repeat(1001), null, 5, SearchMode.HYBRID))
                .isInstanceOf(InvalidSearchRequest.class).hasMessageContaining("1000");
        assertThat(new SearchRequest("x".repeat(1000), null, 5, SearchMode.HYBRID).q()).hasSize(1000);
        // characters, not UTF-16 units: 1,000 letters outside the Basic Multilingual Plane are 2,000 units
        assertThat(new SearchRequest("\uD835\uDD21".repeat(1000), null, 5, SearchMode.HYBRID).q()).hasSize(2000);
        assertThatThrownBy(() -> new SearchRequest("\uD835\uDD21".repeat(1001), null, 5, SearchMode.HYBRID))
                .isInstanceOf(InvalidSearchRequest.class);
        // counted as read: one ligature is the 18 letters it stands for, so 56 of them are over the limit
        assertThat(new SearchRequest("\uFDFA".repeat(55), null, 5, SearchMode.HYBRID).q()).hasSize(55);
        assertThatThrownBy(() -> new SearchRequest("\uFDFA".repeat(56), null, 5, SearchMode.HYBRID))
                .isInstanceOf(InvalidSearchRequest.class);
    }

    @Test
    void refusesKOutsideOneToTwenty() {
        assertThatThrownBy(() -> new SearchRequest("asyl", null, 0, null)).isInstanceOf(InvalidSearchRequest.class);
        assertThatThrownBy(() -> new SearchRequest("asyl", null, 21, null)).isInstanceOf(InvalidSearchRequest.class);
        assertThat(new SearchRequest("asyl", null, 20, null).k()).isEqualTo(20);
    }

    @Test
    void defaultsToHybridAndNormalisesLanguage() {
        SearchRequest r = new SearchRequest("asyl", " NB ", 1, null);
        assertThat(r.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(r.lang()).isEqualTo("nb");
        assertThat(new SearchRequest("asyl", "", 1, null).lang()).isNull();
        assertThatThrownBy(() -> new SearchRequest("asyl", "<script>", 1, null)).isInstanceOf(InvalidSearchRequest.class);
    }

    @Test
    void parsesModesAndRefusesUnknownOnes() {
        assertThat(SearchMode.parse("bm25")).isEqualTo(SearchMode.BM25);
        assertThat(SearchMode.parse(null)).isEqualTo(SearchMode.HYBRID);
        assertThatThrownBy(() -> SearchMode.parse("semantic")).isInstanceOf(InvalidSearchRequest.class);
    }
}
