package no.losen.translate;

/**
 * One key in an exchange file (XLIFF or CSV), as written by export and read back by import.
 * Fields a file leaves out are empty strings, never null.
 *
 * @param status      {@code missing}, {@code draft}, {@code reviewed} or {@code stale} (XLIFF states are mapped to these)
 * @param fingerprint the nb fingerprint the file was exported with: what the translator translated
 * @param line        where the row starts in the file read (0 for rows written)
 */
public record Row(String key, String nb, String en, String target, String status, String note, String fingerprint,
                  String reviewer, int line) {

    public Row {
        key = clean(key);
        nb = clean(nb);
        en = clean(en);
        target = target == null ? "" : target;
        status = clean(status).trim();
        note = clean(note);
        fingerprint = clean(fingerprint).trim();
        reviewer = clean(reviewer).trim();
    }

    private static String clean(String s) {
        return s == null ? "" : s;
    }

    static Row of(Entry e, String note) {
        return new Row(e.key(), e.nb().text(), e.en() == null ? "" : e.en().text(),
                e.target() == null ? "" : e.target().text(), e.state().id(), note, e.fingerprint(),
                e.target() == null || e.target().reviewer() == null ? "" : e.target().reviewer(), 0);
    }
}
