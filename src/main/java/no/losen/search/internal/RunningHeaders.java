package no.losen.search.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the lines a PDF page frame left in the text: running headers and footers
 * ("57Sosialt arbeid med sårbare migranter", "Fafo-rapport 2021:15" + "64", "©KOM.pod@politiet.no")
 * and their page numbers. A line counts as page furniture only when its text (page number
 * stripped) repeats through the document AND at least twice carries or sits beside a page
 * number; repeated table headings and captions lack that mark and stay.
 */
final class RunningHeaders {

    private static final Pattern PAGE_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern EDGE_DIGITS = Pattern.compile("^[\\d\\s]+|[\\d\\s]+$");
    private static final Pattern PART_HEADER = Pattern.compile("(?i)(del|kapittel)\\s+\\d+\\s*[-–].*");
    private static final int MIN_REPEATS = 3;

    private RunningHeaders() {}

    /** Marks page-frame lines; {@code result[i]} is true when line i is to be dropped. */
    static boolean[] detect(List<SourceLine> lines) {
        int n = lines.size();
        String[] keys = new String[n];
        Map<String, Integer> repeats = new HashMap<>();
        Map<String, Integer> pageMarks = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String t = lines.get(i).trimmed();
            if (t.isEmpty() || t.length() > 90) {
                continue;
            }
            String key = EDGE_DIGITS.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
            if (key.length() < 6) {
                continue;
            }
            keys[i] = key;
            repeats.merge(key, 1, Integer::sum);
            boolean numbered = !key.equals(t.toLowerCase(Locale.ROOT)) && Character.isDigit(t.charAt(0))
                    || isPageNumber(lines, i - 1) || isPageNumber(lines, i + 1);
            if (numbered || t.startsWith("©")) {
                pageMarks.merge(key, numbered ? 1 : 2, Integer::sum);
            }
        }
        Set<String> headers = new HashSet<>();
        repeats.forEach((key, count) -> {
            if (count >= MIN_REPEATS && pageMarks.getOrDefault(key, 0) >= 2) {
                headers.add(key);
            }
        });
        boolean[] drop = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (keys[i] != null && headers.contains(keys[i])) {
                drop[i] = true;
                for (int j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) {
                    String t = lines.get(j).trimmed();
                    if (isPageNumber(lines, j) || j < i && PART_HEADER.matcher(t).matches()) {
                        drop[j] = true;
                    }
                }
            }
        }
        return drop;
    }

    private static boolean isPageNumber(List<SourceLine> lines, int i) {
        return i >= 0 && i < lines.size() && PAGE_NUMBER.matcher(lines.get(i).trimmed()).matches();
    }
}
