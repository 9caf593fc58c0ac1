package no.losen.search.internal;

/**
 * A retrievable piece of a source: at most {@link PassageSplitter#MAX_CHARS} characters cut on
 * paragraph or sentence boundaries, with the section it sits in and its source offsets
 * ({@code start} inclusive, {@code end} exclusive, in the raw file under {@code corpus/}).
 */
public record Passage(int ordinal, String sourceId, String section, String text, int start, int end) {}
