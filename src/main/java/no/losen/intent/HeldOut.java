package no.losen.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import no.losen.content.Examples;

/**
 * A fixed test split of a dialog's examples: an example is held out when a checksum of its language,
 * topic and text falls in the first {@code percent} of 100. It does not move when examples are added
 * or reordered, so a method tuned by cross-validation over the rest can be scored on examples it was
 * never tuned on, before and after a change.
 */
public final class HeldOut {

    public record Split(List<Examples.Labelled> train, List<Examples.Labelled> test) {
    }

    private HeldOut() {
    }

    public static Split split(List<Examples.Labelled> examples, int percent) {
        if (percent < 1 || percent > 99) {
            throw new IllegalArgumentException("hold out between 1 and 99 %");
        }
        List<Examples.Labelled> train = new ArrayList<>();
        List<Examples.Labelled> test = new ArrayList<>();
        for (Examples.Labelled e : examples) {
            (isHeldOut(e, percent) ? test : train).add(e);
        }
        return new Split(train, test);
    }

    /**
     * The examples of {@code test} listed in {@code list} (lang, topic, text separated by tabs, one a line);
     * when the file does not exist it is written with all of them first.
     */
    public static List<Examples.Labelled> restrict(List<Examples.Labelled> test, Path list) throws IOException {
        if (!Files.exists(list)) {
            Files.write(list, test.stream().map(HeldOut::line).toList(), StandardCharsets.UTF_8);
        }
        Set<String> keep = new HashSet<>(Files.readAllLines(list, StandardCharsets.UTF_8));
        return test.stream().filter(e -> keep.contains(line(e))).toList();
    }

    private static String line(Examples.Labelled e) {
        return e.lang() + "\t" + e.topic() + "\t" + e.text().replace('\t', ' ').replace('\n', ' ');
    }

    static boolean isHeldOut(Examples.Labelled e, int percent) {
        CRC32 crc = new CRC32();
        crc.update((e.lang() + "\u0000" + e.topic() + "\u0000" + e.text()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < percent;
    }
}
