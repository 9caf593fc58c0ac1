package no.losen.translate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV (Apache Commons CSV) for people who translate in a spreadsheet: UTF-8 with a
 * byte-order mark (so Excel does not read Arabic as Latin-1), CRLF between records, every field
 * quoted (so a spreadsheet set to semicolons, as Excel is in Norwegian settings, keeps a cell with
 * a semicolon whole). Reading goes by the header's names, so a user may reorder or add columns; a
 * semicolon-separated file is read too. The target column's header names the language:
 * {@code target:ti}.
 *
 * <p>A cell that starts like a formula ({@code = + - @}, tab, carriage return) is written with a
 * leading apostrophe, so a spreadsheet shows it as text instead of running it (CSV injection: a
 * text from a repository nobody reviewed could otherwise run on a translator's machine); reading
 * takes the apostrophe off again. Commons CSV has no such guard of its own.
 */
public final class CsvFormat {

    static final String BOM = "\uFEFF";
    static final List<String> COLUMNS = List.of("key", "nb", "en", "target", "status", "note", "fingerprint", "reviewer");
    private static final Pattern TARGET = Pattern.compile("target(?:\\s*[:(]\\s*([A-Za-z-]+)\\s*\\)?)?");
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private CsvFormat() {
    }

    public static String write(String lang, List<Row> rows) {
        StringBuilder b = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(COLUMNS);
        header.set(3, "target:" + lang);
        try (CSVPrinter out = new CSVPrinter(b, WRITE)) {
            out.printRecord(header);
            for (Row r : rows) {
                out.printRecord(List.of(r.key(), r.nb(), r.en(), r.target(), r.status(), r.note(), r.fingerprint(), r.reviewer())
                        .stream().map(CsvFormat::asText));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Reads a file; {@code lang} (may be null) is used when the header does not name the language. */
    public static Exchange read(String text, String lang) {
        List<String> problems = new ArrayList<>();
        String t = text.startsWith(BOM) ? text.substring(1) : text;
        int nl = t.indexOf('\n');
        String first = nl < 0 ? t : t.substring(0, nl);
        char sep = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        List<Record> records = parse(t, sep, problems);
        if (!problems.isEmpty()) {
            return new Exchange(lang, List.of(), problems);
        }
        if (records.isEmpty()) {
            problems.add("1: the file is empty; expected a header line (" + String.join(",", COLUMNS) + ")");
            return new Exchange(lang, List.of(), problems);
        }
        Map<String, Integer> col = new HashMap<>();
        String headerLang = null;
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim().toLowerCase(Locale.ROOT);
            Matcher m = TARGET.matcher(h);
            if (m.matches()) {
                col.put("target", i);
                headerLang = m.group(1);
            } else {
                col.putIfAbsent(h, i);
            }
        }
        for (String need : List.of("key", "target")) {
            if (!col.containsKey(need)) {
                problems.add("1: no '" + need + "' column in the header");
            }
        }
        String language = lang != null ? lang : headerLang;
        if (language == null) {
            problems.add("1: the header does not say the language (target:xx); give --lang");
        }
        if (!problems.isEmpty()) {
            return new Exchange(language, List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(new Row(get(r, col, "key").trim(), get(r, col, "nb"), get(r, col, "en"), get(r, col, "target"),
                    get(r, col, "status"), get(r, col, "note"), get(r, col, "fingerprint"), get(r, col, "reviewer"), r.line()));
        }
        return new Exchange(language, rows, problems);
    }

    private static String get(Record r, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= r.fields().size() ? "" : fromText(r.fields().get(i));
    }

    private static boolean formulaStart(String f, int at) {
        return f.length() > at && "=+-@\t\r".indexOf(f.charAt(at)) >= 0;
    }

    static String asText(String f) {
        return formulaStart(f, 0) ? "'" + f : f;
    }

    static String fromText(String f) {
        return f.startsWith("'") && formulaStart(f, 1) ? f.substring(1) : f;
    }

    /** A record's fields and the line it starts on (for problems a translator can find). */
    record Record(List<String> fields, int line) {
    }

    /**
     * The records of a file with their first lines; a line break inside a cell is kept as
     * {@code \n}, whoever saved the file. A broken file gives no records and one problem.
     */
    static List<Record> parse(String t, char sep, List<String> problems) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setIgnoreEmptyLines(false).get();
        List<Record> out = new ArrayList<>();
        long before = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(t), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                before = parser.getCurrentLineNumber();   // the iterator reads the next record in hasNext()
                if (!it.hasNext()) {
                    break;
                }
                List<String> fields = it.next().stream().map(f -> f.replace("\r\n", "\n")).toList();
                out.add(new Record(fields, (int) before + 1));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String why = String.valueOf(e.getMessage()).contains("EOF")
                    ? "a quoted field is never closed"
                    : "text after a closing quote; a quote inside a field must be doubled (\"\")";
            problems.add((before + 1) + ": " + why);
            return List.of();
        }
        return out;
    }
}
