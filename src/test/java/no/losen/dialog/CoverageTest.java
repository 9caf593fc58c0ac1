package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import no.losen.dialog.load.ContentLoader;

/**
 * A handbook passage is covered by the topic whose node shows a fact quoted from it: the link on a
 * search card is the fact writers' own, not a guess. Over the intent fixture, whose housing node shows
 * a fact quoted from the "handbook" document, housing and health both another, and the wages node a
 * phone number quoted beside the first.
 */
class CoverageTest {

    private final DialogSet set = ContentLoader.load(Path.of("src/test/resources/content/intent")).set();
    private final Dialog help = set.dialog("help").orElseThrow();
    private final Coverage coverage = new Coverage(set);

    private static Card.Hit passage(String doc, String text) {
        return new Card.Hit(doc, "Håndbok", "2 Bolig", text);
    }

    @Test
    void aPassageHoldingAFactsQuoteIsCoveredByTheTopicThatShowsTheFact() {
        Card.Hit hit = passage("handbook", "Uten bolig? Kommunen skal skaffe et midlertidig botilbud til dem som ikke "
                + "klarer det selv. Ring 22 00 00 00.");
        assertThat(coverage.of(help, hit)).map(Topic::target).contains("housing");
    }

    @Test
    void quotesAreComparedWithoutCaseOrPunctuationAndALongQuoteByItsStartWhenThePassageIsCutInside() {
        Card.Hit hit = passage("handbook", "KOMMUNEN skal skaffe et midlertidig botilbud, til dem som ikke klarer");
        assertThat(coverage.of(help, hit)).map(Topic::target).contains("housing");
    }

    @Test
    void theSameWordsInAnotherDocumentAreNotThatPassage() {
        assertThat(coverage.of(help, passage("report", "Kommunen skal skaffe et midlertidig botilbud til dem som ikke "
                + "klarer det selv."))).isEmpty();
    }

    @Test
    void aPhoneNumberQuotedInAPassageSaysNothingOfItsTopic() {
        assertThat(coverage.of(help, passage("handbook", "Har du spørsmål om lønn, ring 22 00 00 00."))).isEmpty();
    }

    @Test
    void onlyTheSentencesTheCardShowsCountNotTheRestOfThePassage() {
        String text = "Om tolk. Kommunen skal skaffe et midlertidig botilbud til dem som ikke klarer det selv.";
        assertThat(coverage.of(help, new Card.Hit("handbook", "Håndbok", "2", text, "Om tolk.", null, "nb"))).isEmpty();
        assertThat(coverage.of(help, new Card.Hit("handbook", "Håndbok", "2", text, text.substring(9), null, "nb")))
                .map(Topic::target).contains("housing");
    }

    @Test
    void aFactShownUnderTwoTopicsSaysNothingOfEither() {
        assertThat(coverage.of(help, passage("handbook", "Ta alltid med deg papirene du har."))).isEmpty();
    }

    @Test
    void aPassageNoFactQuotesHasNoTopic() {
        assertThat(coverage.of(help, passage("handbook", "Noe helt annet."))).isEmpty();
    }
}
