package no.losen.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact in {@code facts/*.yaml} is complete, dated, dialable and backed by words that
 * really stand in the corpus. A wrong phone number or law section harms the person who acts
 * on it, so a fact whose quote no longer matches its source must fail the build, not drift.
 * Reads the YAML directly (Jackson only): the check must not depend on the dialog engine.
 */
class FactSourcesTest {

    private static final Path FACTS = Path.of("facts");
    private static final Path CORPUS = Path.of("corpus");
    private static final Set<String> KINDS = Set.of("phone", "url", "law", "deadline", "number", "text");
    private static final Set<String> FIELDS =
            Set.of("kind", "name", "value", "tel", "url", "sources", "checked", "note", "basis");
    private static final Set<String> SOURCE_FIELDS = Set.of("doc", "quote", "where");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern HYPHEN_AT_LINE_END = Pattern.compile("(\\p{L})-[ \\t\\u00A0]*\\R\\s*(\\p{L})");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Map<String, String> CORPUS_TEXT = new HashMap<>();

    /** One fact as written: which file, its id, and its YAML node. */
    record Entry(String file, String id, JsonNode fact) {
        @Override
        public String toString() {
            return id + " (" + file + ")";
        }
    }

    static List<Entry> facts() throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(FACTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = yaml.readTree(file.toFile());
                root.fieldNames().forEachRemaining(id ->
                        entries.add(new Entry(file.getFileName().toString(), id, root.get(id))));
            }
        }
        return entries;
    }

    @Test
    void factsExistAndIdsAreUniqueAcrossFiles() throws IOException {
        List<String> ids = facts().stream().map(Entry::id).toList();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void hasTheRequiredFieldsAndNoOthers(Entry e) {
        JsonNode f = e.fact();
        assertThat(e.id()).as("id").matches(ID);
        assertThat(f.isObject()).as("a fact is a map").isTrue();
        assertThat(iterable(f.fieldNames())).as("fields").isSubsetOf(FIELDS);
        assertThat(text(f, "kind")).as("kind").isIn(KINDS);
        assertThat(text(f, "name")).as("name key").isEqualTo("fact." + e.id() + ".name");
        assertThat(text(f, "value")).as("value").isNotBlank();
        assertThat(f.path("sources").isArray()).as("sources is a list (may be empty)").isTrue();
        if ("phone".equals(text(f, "kind"))) {
            assertThat(text(f, "tel")).as("a phone fact has tel").isNotBlank();
        }
        if (f.has("url")) {
            assertThat(text(f, "url")).as("url").matches("https?://\\S+");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void checkedIsADateNotInTheFuture(Entry e) {
        String checked = text(e.fact(), "checked");
        LocalDate date;
        try {
            date = LocalDate.parse(checked);
        } catch (DateTimeParseException | NullPointerException ex) {
            throw new AssertionError(e + ": checked must be a date yyyy-mm-dd, was " + checked, ex);
        }
        assertThat(date).as(e + " checked").isBeforeOrEqualTo(LocalDate.now());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void telDialsTheNumberShown(Entry e) {
        String tel = text(e.fact(), "tel");
        if (tel == null) {
            return;
        }
        assertThat(tel).as(e + " tel: digits, optionally +country").matches("\\+?[0-9]{3,15}");
        String shown = text(e.fact(), "value").replaceAll("[^0-9+]", "");
        String national = shown.startsWith("+47") ? shown.substring(3) : shown;
        assertThat(national).as(e + " value holds only a number").matches("[0-9]{3,12}");
        assertThat(tel).as(e + " tel dials value " + text(e.fact(), "value"))
                .isIn(national, "+47" + national);
        if (national.length() == 8 && !national.startsWith("0") && !national.startsWith("1")) {
            assertThat(tel).as(e + " an ordinary Norwegian number dials from abroad too").startsWith("+47");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void everyQuoteStandsInItsCorpusDocument(Entry e) {
        for (JsonNode source : e.fact().path("sources")) {
            assertThat(iterable(source.fieldNames())).as(e + " source fields").isSubsetOf(SOURCE_FIELDS);
            String doc = text(source, "doc");
            String quote = text(source, "quote");
            assertThat(doc).as(e + " doc").isNotBlank();
            assertThat(quote).as(e + " quote").isNotBlank();
            assertThat(text(source, "where")).as(e + " where").isNotBlank();
            assertThat(CORPUS.resolve(doc + ".txt")).as(e + " corpus document").isRegularFile();
            assertThat(corpus(doc)).as(e + " quote in corpus/" + doc + ".txt").contains(normalise(quote));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void aFactNotFromTheCorpusSaysWhy(Entry e) {
        if (e.fact().path("sources").isEmpty()) {
            assertThat(text(e.fact(), "basis")).as(e + " has no source, so needs a basis").isNotBlank();
            assertThat(text(e.fact(), "note")).as(e + " note must say so").containsIgnoringCase("not from the corpus");
        } else {
            assertThat(e.fact().has("basis")).as(e + " basis is only for facts without a source").isFalse();
        }
    }

    @Test
    void normalisingJoinsHyphenatedLineBreaksCollapsesSpaceAndIgnoresCase() {
        assertThat(normalise("Tilbudene både i Ber-\ngen og  Oslo\ter\u00A0GRATIS"))
                .isEqualTo("tilbudene både i bergen og oslo er gratis");
        assertThat(normalise("helse- og omsorgs-  \r\n   tjenester")).isEqualTo("helse- og omsorgstjenester");
    }

    @Test
    void aQuoteThatIsNotInTheDocumentIsNotFound() {
        assertThat(corpus("udi-tiltakskort-menneskehandel"))
                .contains(normalise("telefon 22 33 11 60"))
                .doesNotContain(normalise("telefon 22 33 11 61"));
    }

    /** Lower-case, words hyphenated across a line break joined, whitespace collapsed. */
    static String normalise(String s) {
        String joined = HYPHEN_AT_LINE_END.matcher(s).replaceAll("$1$2");
        return WHITESPACE.matcher(joined.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static String corpus(String doc) {
        return CORPUS_TEXT.computeIfAbsent(doc, d -> {
            try {
                return normalise(Files.readString(CORPUS.resolve(d + ".txt"), StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
