package no.losen.search.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.losen.search.internal.Block;
import no.losen.search.internal.CorpusCleaner;
import no.losen.search.internal.SourceCatalog;

/** Developer tool: prints the cleaned blocks of one corpus file, to inspect the cleaning by eye. */
public final class DumpBlocks {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 1 ? args[1] : "corpus");
        List<String> texts = new ArrayList<>();
        for (SourceCatalog.Source s : SourceCatalog.read(corpus)) {
            texts.add(Files.readString(s.file()));
        }
        CorpusCleaner cleaner = CorpusCleaner.forCorpus(texts);
        for (Block b : cleaner.clean(Files.readString(corpus.resolve(args[0])))) {
            if (b.kind() == Block.Kind.HEADING) {
                System.out.println("\n### " + String.join(" › ", b.section()));
            } else {
                System.out.println("[" + b.kind() + " " + b.sourceStart() + "-" + b.sourceEnd() + "] " + b.text());
            }
        }
    }
}
