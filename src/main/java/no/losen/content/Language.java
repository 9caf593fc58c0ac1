package no.losen.content;

/**
 * A language the product speaks, as its translation file describes it.
 *
 * @param code   the tag used everywhere (nb, en, ar, …)
 * @param name   the language's name in itself, so a picker is readable by those who need it
 * @param dir    {@code ltr} or {@code rtl}; renderers set it per message, not per page
 * @param status {@code reviewed} when a person checked the file; {@code draft} otherwise
 */
public record Language(String code, String name, String dir, String status) {

    public boolean rtl() {
        return "rtl".equals(dir);
    }

    public boolean reviewed() {
        return "reviewed".equals(status);
    }
}
