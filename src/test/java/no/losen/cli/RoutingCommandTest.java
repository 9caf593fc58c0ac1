package no.losen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code losen routing score} over files of messages, as a content writer runs it. */
class RoutingCommandTest {

    static final String CONTENT = "src/test/resources/content/intent";

    @Test
    void scoresEveryLineOfTheFilesAndWritesItsScoresForStudy(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("calm.jsonl");
        Files.writeString(lines, """
                {"id": "a", "lang": "en", "text": "he is at the door with a knife now", "expect": ["emergency"]}
                {"id": "b", "lang": "en", "text": "good morning", "expect": ["-"]}
                """);
        Path scores = dir.resolve("scores.tsv");

        CliRun run = CliRun.of("routing", "score", "--content", CONTENT, "--dialog", "help", "--scores", scores.toString(),
                lines.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("== 2 messages from 1 file(s)").contains("danger recall 1/1");
        List<String> written = Files.readAllLines(scores);
        assertThat(written).hasSize(2);
        // language, expected topic, danger word (1/0), danger score, the text, then every topic with its probability
        String[] knife = written.get(0).split("\t");
        assertThat(knife).startsWith("en", "emergency", "1");
        assertThat(knife[4]).isEqualTo("he is at the door with a knife now");
        assertThat(knife.length).isGreaterThan(6).isOdd();
        assertThat(written.get(1).split("\t")).startsWith("en", "-");
    }
}
