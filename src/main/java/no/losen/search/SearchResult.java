package no.losen.search;

/**
 * One passage with its citation: {@code source} is the corpus id, {@code title} the document's
 * title with publisher and year, {@code section} its heading path ("Chapter › Section"),
 * {@code text} at most 1,200 characters, {@code start}/{@code end} its offsets in the source
 * file. {@code score}: higher is better; comparable within one response only.
 */
public record SearchResult(String source, String title, String section, String text, double score, int start, int end) {}
