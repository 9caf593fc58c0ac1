package no.losen.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A card shown beside a message: a contact, a fact, a printable card, or search results.
 * Cards built from facts carry {@code source} and {@code checked} so a reader can see where
 * a number comes from and how fresh it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Card(String type, String id, String title, String text, String phone, String tel, String url,
                   String source, String checked, List<String> items, List<Hit> results, Alt alt, Alt official) {

    /**
     * A printable card again in another language: the resident's ({@code alt}), or Norwegian
     * ({@code official}) when staff work in another language, so a slip can carry both.
     */
    public record Alt(String lang, String dir, String title, List<String> items) {
    }

    /**
     * One passage of the handbook that answers typed text, always with its source. {@code excerpt}:
     * the one to three sentences of {@code text} that answer, {@code marks} the {@code [start, end)}
     * spans of the question's words in it, {@code lang} the language the text is written in (the
     * handbook is Norwegian, so a card in another language names that).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String source, String title, String section, String text, String excerpt, List<int[]> marks,
                      String lang) {
        public Hit(String source, String title, String section, String text) {
            this(source, title, section, text, null, null, null);
        }
    }

    public Card withAlts(Alt alt, Alt official) {
        return new Card(type, id, title, text, phone, tel, url, source, checked, items, results, alt, official);
    }

    public static Card print(String title, List<String> items) {
        return new Card("print", null, title, null, null, null, null, null, null, items, null, null, null);
    }

    public static Card search(String title, String caution, List<Hit> hits) {
        return new Card("search", null, title, caution, null, null, null, null, null, null, hits, null, null);
    }
}
