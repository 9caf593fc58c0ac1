package no.losen.search.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchMode;
import no.losen.search.SearchRequest;
import no.losen.search.SearchResult;

/**
 * Developer tool: the shared {@code retrieval-eval} scoring in process (one index build for many
 * files), per file and language: recall@1, recall@5, MRR@10. Same hit rule: a result's text holds
 * a snippet, or the first or last half of one of ten or more words, after normalising.
 * {@code -Dmisses=true} lists the questions missed at 5; {@code -Dsplit=odd|even} keeps every
 * other line only (tuning half and check half of a file).
 */
public final class Eval {
    public static void main(String[] args) throws Exception {
        HandbookSearch s = HandbookSearch.build(Path.of("."), SearchConfig.defaults());
        s.awaitDictionaries();
        s.awaitQuestionVectors();
        ObjectMapper om = new ObjectMapper();
        SearchMode mode = SearchMode.parse(System.getProperty("mode", "hybrid"));
        boolean misses = Boolean.getBoolean("misses");
        String split = System.getProperty("split", "all");
        double totalR5 = 0;
        int totalN = 0;
        for (String f : args) {
            Map<String, double[]> rows = new TreeMap<>();
            int line = 0;
            for (String text : Files.readAllLines(Path.of(f))) {
                if (text.isBlank()) {
                    continue;
                }
                line++;
                if ("odd".equals(split) && line % 2 == 0 || "even".equals(split) && line % 2 == 1) {
                    continue;
                }
                JsonNode q = om.readTree(text);
                List<SearchResult> res = s.search(new SearchRequest(q.get("question").asText(), q.get("lang").asText(), 10, mode)).results();
                List<String> targets = new ArrayList<>();
                for (JsonNode sn : q.get("snippets")) {
                    targets.addAll(targets(sn.asText()));
                }
                int rank = 0;
                for (int i = 0; i < res.size() && rank == 0; i++) {
                    String t = norm(res.get(i).text());
                    if (targets.stream().anyMatch(t::contains)) {
                        rank = i + 1;
                    }
                }
                double[] r = rows.computeIfAbsent(q.get("lang").asText(), x -> new double[4]);
                r[0]++;
                r[1] += rank == 1 ? 1 : 0;
                r[2] += rank >= 1 && rank <= 5 ? 1 : 0;
                r[3] += rank > 0 ? 1.0 / rank : 0;
                if (misses && (rank == 0 || rank > 5)) {
                    System.out.printf("  miss %s [%s] rank=%d %s%n", q.get("id").asText(), q.get("lang").asText(), rank, q.get("question").asText());
                    if (Boolean.getBoolean("explain")) {
                        System.out.println("     want: " + q.get("snippets").get(0).asText());
                        for (int i = 0; i < Math.min(2, res.size()); i++) {
                            System.out.println("     got" + (i + 1) + ": " + res.get(i).section() + " | "
                                    + res.get(i).text().substring(0, Math.min(140, res.get(i).text().length())).replace('\n', ' '));
                        }
                    }
                }
            }
            for (Map.Entry<String, double[]> e : rows.entrySet()) {
                double[] r = e.getValue();
                System.out.printf("%-22s %s n=%3d recall@1=%.2f recall@5=%.2f MRR@10=%.2f%n",
                        Path.of(f).getFileName(), e.getKey(), (int) r[0], r[1] / r[0], r[2] / r[0], r[3] / r[0]);
                totalR5 += r[2];
                totalN += (int) r[0];
            }
        }
        System.out.printf("all recall@5=%.3f (n=%d)%n", totalR5 / totalN, totalN);
    }

    static List<String> targets(String snippet) {
        String n = norm(snippet);
        List<String> out = new ArrayList<>(List.of(n));
        String[] w = n.split(" ");
        if (w.length >= 10) {
            int half = w.length / 2;
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, 0, half)));
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, half, w.length)));
        }
        return out;
    }

    static String norm(String s) {
        s = s.toLowerCase().replaceAll("(\\w)-\\s+(\\w)", "$1$2").replaceAll("[^\\p{L}\\p{N}_]+", " ");
        return s.trim().replaceAll("\\s+", " ");
    }
}
