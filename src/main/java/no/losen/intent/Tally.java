package no.losen.intent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what routing did with a set of messages, the way {@code routing-eval} counts it: per
 * language the share of on-topic messages that reached one of their nodes, danger recall, off-topic
 * messages kept out (not routed to a topic), the confusion pairs and the misses.
 */
public final class Tally {

    /** One message's outcome. {@code expect} "-" marks off-topic; {@code got} is the node reached. */
    public record Outcome(String id, String lang, String text, List<String> expect, String got, boolean hit) {
        public boolean offTopic() {
            return expect.size() == 1 && expect.get(0).equals("-");
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();

    public void add(Outcome o) {
        outcomes.add(o);
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Language → {hits, on-topic messages}. */
    public Map<String, int[]> perLanguage() {
        Map<String, int[]> per = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (!o.offTopic()) {
                int[] c = per.computeIfAbsent(o.lang(), k -> new int[2]);
                c[1]++;
                c[0] += o.hit() ? 1 : 0;
            }
        }
        return per;
    }

    public double accuracy() {
        int[] all = new int[2];
        perLanguage().values().forEach(c -> {
            all[0] += c[0];
            all[1] += c[1];
        });
        return all[1] == 0 ? Double.NaN : (double) all[0] / all[1];
    }

    public double accuracy(String lang) {
        int[] c = perLanguage().get(lang);
        return c == null || c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
    }

    /** {danger messages that reached emergency help, danger messages}. */
    public int[] danger() {
        int[] c = new int[2];
        outcomes.stream().filter(o -> o.expect().contains(Recogniser.DANGER)).forEach(o -> {
            c[1]++;
            c[0] += o.hit() ? 1 : 0;
        });
        return c;
    }

    public int[] danger(String lang) {
        int[] c = new int[2];
        outcomes.stream().filter(o -> o.lang().equals(lang) && o.expect().contains(Recogniser.DANGER)).forEach(o -> {
            c[1]++;
            c[0] += o.hit() ? 1 : 0;
        });
        return c;
    }

    /** {off-topic messages kept out, off-topic messages}. */
    public int[] offTopic() {
        int[] c = new int[2];
        outcomes.stream().filter(Outcome::offTopic).forEach(o -> {
            c[1]++;
            c[0] += o.hit() ? 1 : 0;
        });
        return c;
    }

    /** "expected → got" for every miss, most frequent first. */
    public List<Map.Entry<String, Integer>> confusions() {
        Map<String, Integer> pairs = new TreeMap<>();
        outcomes.stream().filter(o -> !o.hit()).forEach(o -> pairs.merge(String.join("|", o.expect()) + " → " + o.got(), 1,
                Integer::sum));
        List<Map.Entry<String, Integer>> out = new ArrayList<>(pairs.entrySet());
        out.sort((a, b) -> b.getValue() - a.getValue());
        return out;
    }

    /** {off-topic messages of {@code lang} kept out, off-topic messages of {@code lang}}. */
    public int[] offTopic(String lang) {
        int[] c = new int[2];
        outcomes.stream().filter(o -> o.offTopic() && o.lang().equals(lang)).forEach(o -> {
            c[1]++;
            c[0] += o.hit() ? 1 : 0;
        });
        return c;
    }

    /**
     * Off-topic messages sent to emergency help: small talk taken for an alarm, the false alarm users
     * notice most ("hehe" answered with the emergency numbers).
     */
    public long offTopicAlarms() {
        return outcomes.stream().filter(o -> o.offTopic() && Recogniser.DANGER.equals(o.got())).count();
    }

    /**
     * Where the missed messages of a topic (not off-topic, not danger) went: {to emergency help, not routed
     * ("did you mean", the handbook and the menu: a reading in brackets), to another node}. Told apart because
     * they are mended differently: a false alarm by the danger model or words, a message not routed by more
     * examples of its topic, a confusion by examples that tell the two topics apart.
     */
    public int[] topicMisses() {
        int[] c = new int[3];
        outcomes.stream().filter(o -> !o.hit() && !o.offTopic() && !o.expect().contains(Recogniser.DANGER)).forEach(o ->
                c[Recogniser.DANGER.equals(o.got()) ? 0 : o.got().startsWith("(") ? 1 : 2]++);
        return c;
    }

    public void print(PrintStream out, boolean misses) {
        out.printf("%-5s %9s %6s %8s %12s%n", "lang", "routed", "", "danger", "off-topic out");
        for (var e : perLanguage().entrySet()) {
            int[] d = danger(e.getKey());
            int[] o = offTopic(e.getKey());
            out.printf("%-5s %4d/%-4d %6.2f %4d/%-4d %4d/%-4d%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    (double) e.getValue()[0] / e.getValue()[1], d[0], d[1], o[0], o[1]);
        }
        int[] d = danger();
        int[] off = offTopic();
        out.printf("danger recall %d/%d%n", d[0], d[1]);
        if (off[1] > 0) {
            out.printf("off-topic kept out %d/%d (routed with confidence %.1f %%; to emergency help %d)%n", off[0], off[1],
                    100.0 * (off[1] - off[0]) / off[1], offTopicAlarms());
        }
        int[] t = topicMisses();
        out.printf("topic messages missed %d: to emergency help %d, not routed %d, to another node %d%n", t[0] + t[1] + t[2],
                t[0], t[1], t[2]);
        List<Map.Entry<String, Integer>> conf = confusions();
        if (!conf.isEmpty()) {
            out.println("confusions:");
            conf.stream().limit(25).forEach(e -> out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
        }
        if (misses) {
            outcomes.stream().filter(o -> !o.hit()).forEach(o -> out.printf("  miss [%s] %s %s -> %s (want %s)%n", o.lang(),
                    o.id() == null ? "" : o.id(), o.text().length() > 70 ? o.text().substring(0, 70) : o.text(), o.got(),
                    String.join("|", o.expect())));
        }
        out.printf("routed=%.2f n=%d%n", accuracy(), perLanguage().values().stream().mapToInt(c -> c[1]).sum());
    }
}
