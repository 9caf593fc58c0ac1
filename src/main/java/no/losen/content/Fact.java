package no.losen.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A fact that can hurt someone when wrong: a phone number, an address, a law section, a
 * deadline. It is stated once, with where it stands in the corpus and when a person last
 * checked it, so a change is made in one place and an old fact can be found by its date.
 * A fact that is not in the corpus (a national emergency number) says so in {@code basis}.
 */
public record Fact(String id, String kind, String name, String value, String tel, String url,
                   List<Source> sources, String basis, LocalDate checked, String note,
                   Origin origin) {

    /** Where a fact stands: a corpus document (file stem), words that stand there, and a hint. */
    public record Source(String doc, String quote, String where) {
    }

    /** A named field, for {@code {@id.field}} placeholders; null when the fact has none. */
    public String field(String field) {
        return switch (field) {
            case "value" -> value;
            case "tel" -> tel;
            case "url" -> url;
            case "checked" -> checked == null ? null : checked.toString();
            default -> null;
        };
    }

    /** The first source's document, for a short citation on a card; for a fact not in the corpus, its basis. */
    public String sourceDoc() {
        return sources == null || sources.isEmpty() ? basis : sources.get(0).doc();
    }
}
