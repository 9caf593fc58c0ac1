package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each PDF-extraction artefact the cleaner repairs, checked on real lines of the corpus. */
class CorpusCleanerTest {

    private static Map<String, List<Block>> blocks;

    @BeforeAll
    static void cleanCorpus() {
        Path dir = Path.of("corpus");
        List<SourceCatalog.Source> sources = SourceCatalog.read(dir);
        Map<String, String> raw = sources.stream().collect(Collectors.toMap(SourceCatalog.Source::id, s -> read(s.file())));
        CorpusCleaner cleaner = CorpusCleaner.forCorpus(new ArrayList<>(raw.values()));
        blocks = raw.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> cleaner.clean(e.getValue())));
    }

    private static String text(String source) {
        return blocks.get(source).stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    @Test
    void joinsWordsHyphenatedAcrossLines() {
        // raw: "de to kompetansesen-" / "trene Kompetansesenter rus"
        assertThat(text("sarbare-migranter-handbok")).contains("de to kompetansesentrene Kompetansesenter rus")
                .doesNotContain("kompetansesen-");
    }

    @Test
    void keepsRealHyphensAtLineEnds() {
        // raw: "såkalte «papirløse», EØS-bor-" / "gere": name hyphen kept, typesetting hyphen dropped
        assertThat(text("sarbare-migranter-handbok")).contains("«papirløse», EØS-borgere, arbeidsmigranter");
        // raw: "likeverdige helse- og omsorgstje-" / "nester": suspended compound kept with its space
        assertThat(text("sarbare-migranter-handbok")).contains("likeverdige helse- og omsorgstjenester");
    }

    @Test
    void dropsRunningHeadersFootersAndPageNumbers() {
        String fafo = text("fafo-2021-15-irregulaer-bistand");
        // raw: "...løyet om sin identitet til" / blank / "Fafo-rapport 2021:15" / "64" / blank / "norske myndigheter."
        assertThat(fafo).contains("løyet om sin identitet til norske myndigheter. Hvilken type handling");
        assertThat(fafo).doesNotContain("Fafo-rapport 2021:15 64");
        String handbook = text("sarbare-migranter-handbok");
        // raw header lines "12 Sosialt arbeid med sårbare migranter", "57Sosialt arbeid med sårbare migranter"
        assertThat(handbook).doesNotContain("57Sosialt arbeid").doesNotContain("12 Sosialt arbeid med sårbare migranter");
        assertThat(handbook).contains("Hver enkelt må finne ut av hvordan de");
        assertThat(text("kom-tilstandsrapport-2023")).doesNotContain("©KOM.pod@politiet.no").doesNotContain("47KOM årsrapport");
    }

    @Test
    void detachesFootnoteDigitsFromWords() {
        String handbook = text("sarbare-migranter-handbok");
        assertThat(handbook).contains("I henhold til tolkeloven har offentlige organer").doesNotContain("tolkeloven5");
        assertThat(handbook).contains("forskjellige ting i ulike kulturer.").doesNotContain("kulturer.1");
        assertThat(FootnoteMarkers.strip("Se også kap.12 om")).isEqualTo("Se også kap. 12 om");
        assertThat(FootnoteMarkers.strip("Utlendingsloven § 53 og 2021:15")).isEqualTo("Utlendingsloven § 53 og 2021:15");
    }

    @Test
    void detectsHeadingsSoPassagesKnowTheirSection() {
        Function<String, List<String>> sectionOf = snippet -> blocks.get("sarbare-migranter-handbok").stream()
                .filter(b -> b.text().contains(snippet)).findFirst().orElseThrow().section();
        assertThat(sectionOf.apply("Telefontolking bør som regel bare benyttes til kortere samtaler"))
                .last().isEqualTo("Fremmøte- eller fjerntolking?");
        // a heading wrapped over two lines: "Helse- og sosialarbeidernes rolle" / "– mellom politikk og praksis"
        assertThat(sectionOf.apply("restriktiv innvandrings- og asylpolitikk"))
                .containsExactly("Helse- og sosialarbeidernes rolle – mellom politikk og praksis");
        List<String> fafo = blocks.get("fafo-2021-15-irregulaer-bistand").stream()
                .filter(b -> b.text().contains("Alle barn i Norge har rett til hjelp fra barnevernet")).findFirst()
                .orElseThrow().section();
        assertThat(fafo.get(fafo.size() - 1)).startsWith("6.");
        assertThat(fafo).noneMatch(s -> s.startsWith("5 "));
    }

    @Test
    void keepsTablesLineByLine() {
        Block table = blocks.get("sarbare-migranter-handbok").stream()
                .filter(b -> b.kind() == Block.Kind.TABLE && b.text().contains("Har ikke rett til\nbarnehageplass"))
                .findFirst().orElseThrow();
        assertThat(table.text()).contains("\n");
    }

    @Test
    void dropsLinesThatAreOnlyUrlsOrFootnoteText() {
        assertThat(text("udi-tiltakskort-menneskehandel")).doesNotContain("https://lovdata.no/dokument/TRAKTAT");
        assertThat(text("sarbare-migranter-handbok")).doesNotContain("2:  UDI – Kontakt oss på telefon");
    }

    @Test
    void everyBlockPointsBackIntoItsSource() {
        String raw = read(Path.of("corpus/udi-tiltakskort-menneskehandel.txt"));
        for (Block b : blocks.get("udi-tiltakskort-menneskehandel")) {
            assertThat(b.sourceEnd()).isLessThanOrEqualTo(raw.length());
            String firstWord = b.text().split("[\\s-]")[0];
            assertThat(raw.substring(b.sourceStart())).startsWith(firstWord);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
