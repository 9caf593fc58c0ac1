package no.losen.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Example messages people write, per dialog, language and topic, from
 * {@code translations/<dialog>/examples/<lang>.yaml}. They are content like translations (draft
 * until a person reviewed them, exported to translators the same way), and the intent classifier
 * is trained from them at start-up, so a writer improves routing by adding a line, not code.
 */
public record Examples(Map<String, Map<String, ExampleFile>> byDialog) {

    /** The topic key of messages that belong to no topic (small talk, nonsense, other questions). */
    public static final String NONE = "none";

    public static final Examples EMPTY = new Examples(Map.of());

    /** One message as typed. */
    public record Example(String text, Origin at) {
    }

    /** One language's examples for one dialog: topic (the node a topic goes to, or {@code none}) → messages. */
    public record ExampleFile(String dialog, String lang, String status, Map<String, List<Example>> topics, Origin at) {

        public ExampleFile {
            Map<String, List<Example>> copy = new LinkedHashMap<>();
            topics.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            topics = Collections.unmodifiableMap(copy);
        }

        public boolean reviewed() {
            return "reviewed".equals(status);
        }

        public int count(String topic) {
            return topics.getOrDefault(topic, List.of()).size();
        }
    }

    public Examples {
        Map<String, Map<String, ExampleFile>> copy = new LinkedHashMap<>();
        byDialog.forEach((d, m) -> copy.put(d, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        byDialog = Collections.unmodifiableMap(copy);
    }

    /** The dialog's example files by language (empty when it has none). */
    public Map<String, ExampleFile> of(String dialog) {
        return byDialog.getOrDefault(dialog, Map.of());
    }

    public Optional<ExampleFile> of(String dialog, String lang) {
        return Optional.ofNullable(of(dialog).get(lang));
    }

    /** Every example of a dialog as (language, topic, text), in file order. */
    public List<Labelled> labelled(String dialog) {
        List<Labelled> out = new ArrayList<>();
        of(dialog).forEach((lang, f) -> f.topics().forEach((topic, list) -> list.forEach(
                e -> out.add(new Labelled(lang, topic, e.text())))));
        return out;
    }

    /** An example with its language and topic, as training and cross-validation see it. */
    public record Labelled(String lang, String topic, String text) {
    }
}
