package no.losen.search;

import java.util.List;

/**
 * One passage with its citation: {@code source} is the corpus id, {@code title} the document's
 * title with publisher and year, {@code section} its heading path ("Chapter › Section"),
 * {@code text} at most 1,200 characters, {@code start}/{@code end} its offsets in the source
 * file. {@code score}: higher is better; comparable within one response only.
 *
 * <p>For a reader: {@code excerpt} is the one to three sentences of {@code text} that answer (at
 * most about 300 characters), {@code marks} the {@code [start, end)} spans of the question's words
 * in it, and {@code textLang} the language the passage is written in ("nb": the corpus is
 * Norwegian whatever language the question was asked in).
 */
public record SearchResult(String source, String title, String section, String text, double score, int start, int end,
                           String excerpt, List<int[]> marks, String textLang) {

    public SearchResult {
        marks = marks == null ? List.of() : List.copyOf(marks);
    }
}
