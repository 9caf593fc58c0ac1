package no.losen.search.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchMode;
import no.losen.search.SearchRequest;

/** Developer tool: in-process build time and warm per-query latency (p50/p95) per mode. */
public final class LatencyProbe {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        HandbookSearch s = HandbookSearch.build(Path.of("."), SearchConfig.defaults());
        System.out.printf("build %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        s.awaitDictionaries();
        s.awaitQuestionVectors();
        ObjectMapper om = new ObjectMapper();
        List<String[]> qs = new ArrayList<>();
        for (String f : args) {
            for (String line : Files.readAllLines(Path.of(f))) {
                if (!line.isBlank()) {
                    JsonNode q = om.readTree(line);
                    qs.add(new String[] {q.get("question").asText(), q.get("lang").asText()});
                }
            }
        }
        for (SearchMode mode : new SearchMode[] {SearchMode.HYBRID, SearchMode.BM25}) {
            for (int round = 0; round < 20; round++) {
                for (String[] q : qs) s.search(new SearchRequest(q[0], q[1], 10, mode));
            }
            double[] ms = new double[qs.size() * 5];
            int i = 0;
            for (int round = 0; round < 5; round++) {
                for (String[] q : qs) {
                    long a = System.nanoTime();
                    s.search(new SearchRequest(q[0], q[1], 10, mode));
                    ms[i++] = (System.nanoTime() - a) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("%s p50=%.2f ms p95=%.2f ms max=%.2f ms%n", mode, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1]);
        }
    }
}
