package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Problem;
import org.junit.jupiter.api.Test;

/** What validate says about WhatsApp titles, on the repository's own content. */
class WhatsAppTitlesTest {

    @Test
    void titlesThatFitNowhereAreReportedAsWarningsNamingChoiceNodeAndLanguages() {
        List<Problem> problems = WhatsAppTitles.check(ContentLoader.load(Path.of(".")).set());
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.isError()).isFalse());
        assertThat(problems).map(Problem::toString).anySatisfy(p -> assertThat(p)
                .contains("WhatsApp: choice 'clinics' of node 'health' (dialog 'rights')")
                .contains("within 24 characters").contains("uk \"").contains(".sms form"));
        // Norwegian, the source, has a title within the limits for every choice shown as a list row.
        assertThat(problems).map(Problem::toString).noneSatisfy(p -> assertThat(p).contains(" nb \""));
        // Every language has the WhatsApp words.
        assertThat(problems).map(Problem::toString).noneSatisfy(p -> assertThat(p).contains("lacks"));
    }
}
