package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts of a longer message the danger model reads on their own. */
class PartsTest {

    @Test
    void aShortMessageIsReadOnlyWhole() {
        assertThat(Parts.of("he is at the door with a knife")).isEmpty();
    }

    @Test
    void aStoryIsReadClauseByClauseAndInWindows() {
        String story = "came from bulgaria to work, boss keep my passport and pay nothing for months, tonight he hit me and locked the door";
        assertThat(Parts.of(story)).contains("tonight he hit me and locked the door", "boss keep my passport and pay nothing for months");
        assertThat(Parts.of(story)).anyMatch(p -> p.split(" ").length == Parts.WINDOW);
        assertThat(Parts.of(story).get(Parts.of(story).size() - 1)).endsWith("the door");
    }

    @Test
    void clausesEndAtArabicAndEthiopicMarksToo() {
        assertThat(Parts.of("كنت ساكنة بالمخيم من سنة وكل شي ماشي، بس اليوم طليقي لقاني وعم يدق الباب"))
                .contains("بس اليوم طليقي لقاني وعم يدق الباب");
        assertThat(Parts.of("ን ሓደ ዓመት ኣብ ካምፕ ነይረ ጽቡቕ ነይሩ፡ ሎሚ ግን ሓደ ሰብኣይ ካራ ሒዙ ናብ ክፍለይ ኣትዩ"))
                .contains("ሎሚ ግን ሓደ ሰብኣይ ካራ ሒዙ ናብ ክፍለይ ኣትዩ");
    }
}
