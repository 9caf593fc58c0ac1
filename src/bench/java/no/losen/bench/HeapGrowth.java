package no.losen.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the heap grew by, class by class, between two {@code jcmd GC.class_histogram}s taken after a
 * full GC: the table bench/ws-load writes with {@code --histogram FILE}. The after-histogram alone
 * mixes the content, the index and the JIT's classes with what sessions cost; the difference, divided
 * by the sessions held, says which classes make up the bytes per idle session.
 */
final class HeapGrowth {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private HeapGrowth() {
    }

    private record Count(long instances, long bytes) {
    }

    /** The growth table: per class, instances and bytes per session, largest first, with a total. */
    static String between(String before, String after, int sessions) {
        Map<String, Count> b = parse(before);
        List<Map.Entry<String, Count>> grown = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Count> e : parse(after).entrySet()) {
            Count was = b.getOrDefault(e.getKey(), new Count(0, 0));
            Count d = new Count(e.getValue().instances() - was.instances(), e.getValue().bytes() - was.bytes());
            total += d.bytes();
            grown.add(Map.entry(e.getKey(), d));
        }
        grown.sort((x, y) -> Long.compare(y.getValue().bytes(), x.getValue().bytes()));
        int n = Math.max(1, sessions);
        StringBuilder out = new StringBuilder(String.format("heap growth with %d sessions: %d bytes each%n", sessions, total / n));
        out.append(String.format("%14s %12s  %s%n", "per session", "instances/s", "class"));
        for (Map.Entry<String, Count> e : grown) {
            if (Math.abs(e.getValue().bytes()) >= n) {
                out.append(String.format("%12d B %12.2f  %s%n", e.getValue().bytes() / n,
                        e.getValue().instances() / (double) n, e.getKey()));
            }
        }
        return out.toString();
    }

    private static Map<String, Count> parse(String histogram) {
        Map<String, Count> out = new HashMap<>();
        for (String line : histogram.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                out.merge(m.group(3), new Count(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                        (x, y) -> new Count(x.instances() + y.instances(), x.bytes() + y.bytes()));
            }
        }
        return out;
    }
}
