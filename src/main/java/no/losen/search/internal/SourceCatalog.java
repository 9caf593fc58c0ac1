package no.losen.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus folder's {@code sources.yaml}: which files form the corpus and how to cite them.
 * Reading the list from a file (not the folder listing) keeps stray files out of the index and
 * makes a missing citation a start-up error instead of an anonymous passage.
 */
public final class SourceCatalog {

    /** One published document. {@code year} is null when the publisher prints none. */
    public record Source(String id, Path file, String title, String publisher, Integer year, String lang) {
        /** Title with publisher and year, as every result cites it. */
        public String citation() {
            return title + " – " + publisher + (year == null ? "" : ", " + year);
        }
    }

    private SourceCatalog() {}

    public static List<Source> read(Path corpusDir) {
        Path yaml = corpusDir.resolve("sources.yaml");
        try (java.io.InputStream in = Files.newInputStream(yaml)) { // may be inside the jar: no toFile()
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Source> out = new ArrayList<>();
            for (JsonNode s : root.path("sources")) {
                String id = required(s, "id", yaml);
                Path file = corpusDir.resolve(required(s, "file", yaml));
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException(yaml + ": source " + id + " names missing file " + file);
                }
                JsonNode year = s.path("year");
                out.add(new Source(id, file, required(s, "title", yaml), required(s, "publisher", yaml),
                        year.isInt() ? year.asInt() : null, s.path("lang").asText("nb")));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(yaml + " lists no sources");
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    private static String required(JsonNode node, String field, Path yaml) {
        String v = node.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalStateException(yaml + ": a source lacks '" + field + "'");
        }
        return v;
    }
}
