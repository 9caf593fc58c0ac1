package no.losen.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.losen.dialog.Command;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.Topic;

/**
 * Scores messages the way the project's {@code routing-eval} does over WebSocket, but in-process:
 * each line starts the dialog in its language, types the text once, and looks at the node reached.
 * Lines are {@code {"id", "lang", "text", "expect": [nodes]}}; {@code expect: ["-"]} is off-topic,
 * kept out when the reply is at no topic's node.
 */
public final class RoutingCheck {

    public record Line(String id, String lang, String text, List<String> expect) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutingCheck() {
    }

    public static List<Line> read(Path jsonl) throws IOException {
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (String l : Files.readAllLines(jsonl)) {
            n++;
            if (l.isBlank()) {
                continue;
            }
            JsonNode j;
            try {
                j = JSON.readTree(l);
            } catch (IOException e) {
                throw new IOException(jsonl + ":" + n + ": not JSON: " + e.getMessage(), e);
            }
            List<String> expect = new ArrayList<>();
            j.path("expect").forEach(x -> expect.add(x.asText()));
            if (!j.path("text").isTextual() || !j.path("lang").isTextual() || expect.isEmpty()) {
                throw new IOException(jsonl + ":" + n + ": a line needs lang, text and expect");
            }
            out.add(new Line(j.path("id").asText(null), j.path("lang").asText(), j.path("text").asText(), expect));
        }
        return out;
    }

    public static Tally run(Engine engine, String dialogId, List<Line> lines) {
        Dialog d = engine.dialogs().dialog(dialogId)
                .orElseThrow(() -> new IllegalArgumentException("no dialog '" + dialogId + "'"));
        Set<String> topics = d.topics().stream().map(Topic::target).collect(Collectors.toSet());
        Tally t = new Tally();
        for (Line l : lines) {
            String got;
            try {
                Engine.Turn start = engine.start(dialogId, l.lang(), false);
                long t0 = System.nanoTime();
                got = engine.apply(start.session(), new Command.Type(l.text())).reply().node();
                t.time(System.nanoTime() - t0);
            } catch (DialogException e) {
                got = "error:" + e.code();
            }
            boolean off = l.expect().size() == 1 && l.expect().get(0).equals("-");
            boolean hit = off ? !topics.contains(got) && !got.startsWith("error:") : l.expect().contains(got);
            t.add(new Tally.Outcome(l.id(), l.lang(), l.text(), l.expect(), got, hit));
        }
        return t;
    }
}
