package no.losen.translate;

import static org.assertj.core.api.Assertions.assertThat;

import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.Test;

class UsageTest {

    private final Usage usage = new Usage(ContentLoader.load(Fixtures.REPO.toAbsolutePath()).set());

    @Test
    void consoleWordsAreNeededInTheStaffLanguagesOnly() {
        assertThat(usage.neededIn("console.title", "nb")).isTrue();
        assertThat(usage.neededIn("console.title", "en")).isTrue();
        assertThat(usage.neededIn("console.title", "ar")).isFalse();
    }

    @Test
    void publicDialogWordsAreNeededInEveryLanguageTheDialogOffers() {
        assertThat(usage.neededIn("rights.situation.ask", "ti")).isTrue();
    }
}
