package no.losen.translate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV for people who translate in a spreadsheet: UTF-8 with a byte-order mark (so
 * Excel does not read Arabic as Latin-1), CRLF between records, fields quoted when they hold a
 * comma, quote or line break. Reading goes by the header's names, so a user may reorder or add
 * columns; a semicolon-separated file (what Excel saves in Norwegian settings) is read too.
 * The target column's header names the language: {@code target:ti}.
 *
 * <p>A cell that starts like a formula ({@code = + - @}, tab, carriage return) is written with a
 * leading apostrophe, so a spreadsheet shows it as text instead of running it (CSV injection: a
 * text from a repository nobody reviewed could otherwise run on a translator's machine); reading
 * takes the apostrophe off again.
 */
public final class CsvFormat {

    static final String BOM = "\uFEFF";
    static final List<String> COLUMNS = List.of("key", "nb", "en", "target", "status", "note", "fingerprint", "reviewer");
    private static final Pattern TARGET = Pattern.compile("target(?:\\s*[:(]\\s*([A-Za-z-]+)\\s*\\)?)?");

    private CsvFormat() {
    }

    public static String write(String lang, List<Row> rows) {
        StringBuilder b = new StringBuilder(BOM);
        List<String> header = new ArrayList<>(COLUMNS);
        header.set(3, "target:" + lang);
        record(b, header);
        for (Row r : rows) {
            record(b, List.of(r.key(), r.nb(), r.en(), r.target(), r.status(), r.note(), r.fingerprint(), r.reviewer()));
        }
        return b.toString();
    }

    private static void record(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = asText(fields.get(i));
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                    || f.indexOf(';') >= 0 || (!f.isEmpty() && (Character.isWhitespace(f.charAt(0))
                    || Character.isWhitespace(f.charAt(f.length() - 1))))) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append("\r\n");
    }

    /** Reads a file; {@code lang} (may be null) is used when the header does not name the language. */
    public static Exchange read(String text, String lang) {
        List<String> problems = new ArrayList<>();
        String t = text.startsWith(BOM) ? text.substring(1) : text;
        int nl = t.indexOf('\n');
        String first = nl < 0 ? t : t.substring(0, nl);
        char sep = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        List<Record> records = parse(t, sep, problems);
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

    record Record(List<String> fields, int line) {
    }

    /** RFC 4180: quoted fields may hold separators, quotes (doubled) and line breaks. */
    static List<Record> parse(String t, char sep, List<String> problems) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    // A line break inside a cell is kept as \n, whoever saved the file.
                    i++;
                    continue;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && f.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == sep) {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                i++;
                continue;
            } else if (c == '\n') {
                fields.add(f.toString());
                out.add(new Record(List.copyOf(fields), start));
                fields.clear();
                f.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                if (wasQuoted) {
                    problems.add(line + ": text after a closing quote; a quote inside a field must be doubled (\"\")");
                    wasQuoted = false;
                }
                f.append(c);
            }
            i++;
        }
        if (quoted) {
            problems.add(start + ": a quoted field is never closed");
        }
        if (!f.isEmpty() || !fields.isEmpty()) {
            fields.add(f.toString());
            out.add(new Record(List.copyOf(fields), start));
        }
        return out;
    }
}
