package no.losen.search.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchMode;
import no.losen.search.SearchRequest;
import no.losen.search.SearchResponse;
import no.losen.search.SearchResult;

/** Developer tool: for each eval question, where the answering passage ranks, and what outranks it. */
public final class ExplainMisses {
    public static void main(String[] args) throws Exception {
        HandbookSearch s = HandbookSearch.build(Path.of("."), SearchConfig.defaults());
        ObjectMapper om = new ObjectMapper();
        long total = 0;
        int n = 0;
        java.util.Map<String, int[]> rec = new java.util.TreeMap<>();
        boolean quiet = Boolean.getBoolean("quiet");
        SearchMode mode = SearchMode.parse(System.getProperty("mode", "hybrid"));
        for (String f : args) {
            for (String line : Files.readAllLines(Path.of(f))) {
                if (line.isBlank()) continue;
                JsonNode q = om.readTree(line);
                long t0 = System.nanoTime();
                SearchResponse r = s.search(new SearchRequest(q.get("question").asText(), q.get("lang").asText(), 20, mode));
                total += System.nanoTime() - t0;
                n++;
                int rank = -1;
                for (int i = 0; i < r.results().size() && rank < 0; i++) {
                    for (JsonNode sn : q.get("snippets")) {
                        if (norm(r.results().get(i).text()).contains(half(norm(sn.asText())))) { rank = i + 1; break; }
                    }
                }
                int[] c = rec.computeIfAbsent(q.get("lang").asText(), x -> new int[2]);
                c[0]++;
                if (rank >= 1 && rank <= 5) c[1]++;
                if (rank == 1 || quiet) continue;
                System.out.println("\n" + q.get("id").asText() + " rank=" + rank + " " + q.get("question").asText());
                if ("en".equals(q.get("lang").asText())) System.out.println("   Q: " + s.translator().explain(q.get("question").asText()));
                List<SearchResult> res = r.results();
                for (int i = 0; i < Math.min(3, res.size()); i++) {
                    SearchResult x = res.get(i);
                    System.out.printf("   %d %.2f %s | %s | %s%n", i + 1, x.score(), x.source(), x.section(), x.text().substring(0, Math.min(110, x.text().length())).replace('\n', ' '));
                }
            }
        }
        rec.forEach((l, c) -> System.out.printf("%s recall@5 %.2f (%d/%d)%n", l, c[1] / (double) c[0], c[1], c[0]));
        System.out.printf("%nmean in-process latency %.2f ms over %d%n", total / 1e6 / n, n);
    }
    static String norm(String s) {
        s = s.toLowerCase().replaceAll("(\\w)-\\s+(\\w)", "$1$2").replaceAll("[^\\p{L}\\p{N}]+", " ");
        return s.trim().replaceAll("\\s+", " ");
    }
    static String half(String s) {
        String[] w = s.split(" ");
        return w.length >= 10 ? String.join(" ", java.util.Arrays.copyOf(w, w.length / 2)) : s;
    }
}
