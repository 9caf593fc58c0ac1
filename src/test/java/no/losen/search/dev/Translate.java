package no.losen.search.dev;

import java.nio.file.Path;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;

/** Developer tool: the weighted Norwegian terms a question becomes ({@code lang} first argument). */
public final class Translate {
    public static void main(String[] args) {
        HandbookSearch s = HandbookSearch.build(Path.of("."), SearchConfig.defaults());
        s.awaitDictionaries();
        for (int i = 1; i < args.length; i++) {
            System.out.println(args[i] + "\n   -> " + s.explain(args[i], args[0]));
        }
    }
}
