package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompoundSplitterTest {

    private final CompoundSplitter splitter = new CompoundSplitter(Map.ofEntries(
            Map.entry("opphold", 40), Map.entry("tillatelse", 30), Map.entry("helse", 80), Map.entry("hjelp", 60),
            Map.entry("rus", 20), Map.entry("problemer", 25), Map.entry("arbeid", 50), Map.entry("tvang", 5),
            Map.entry("og", 900), Map.entry("barn", 90), Map.entry("vern", 3)), Set.of("og"));

    @Test
    void splitsCompoundsIntoCorpusWordsAcrossLinkingS() {
        assertThat(splitter.split("oppholdstillatelse")).containsExactly("opphold", "tillatelse");
        assertThat(splitter.split("tvangsarbeid")).containsExactly("tvang", "arbeid");
    }

    @Test
    void splitsPlainJoins() {
        assertThat(splitter.split("helsehjelp")).containsExactly("helse", "hjelp");
        assertThat(splitter.split("rusproblemer")).containsExactly("rus", "problemer");
    }

    @Test
    void leavesUnknownShortAndNonWordTokensAlone() {
        assertThat(splitter.split("kjærlighet")).isEmpty();
        assertThat(splitter.split("barn")).isEmpty();
        assertThat(splitter.split("helse2021hjelp")).isEmpty();
    }

    @Test
    void ignoresStopWordsAsParts() {
        assertThat(splitter.split("oghjelpen")).isEmpty();
    }
}
