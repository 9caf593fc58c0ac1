package no.losen.search.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchRequest;
import no.losen.search.SearchResult;

/** Developer tool: prints the translated query and the top passages for each line of a file. */
public final class Ask {
    public static void main(String[] args) throws Exception {
        HandbookSearch s = HandbookSearch.build(Path.of("."), SearchConfig.defaults());
        for (String q : Files.readAllLines(Path.of(args[0]))) {
            if (q.isBlank()) continue;
            var r = s.search(new SearchRequest(q, null, 3, null));
            System.out.println("\n" + q + "  [" + r.lang() + "]");
            if ("en".equals(r.lang())) System.out.println("   Q: " + s.translator().explain(q));
            for (SearchResult x : r.results()) {
                System.out.printf("   %.2f %s | %s | %s%n", x.score(), x.source(), x.section(),
                        x.text().substring(0, Math.min(140, x.text().length())).replace('\n', ' '));
            }
        }
    }
}
