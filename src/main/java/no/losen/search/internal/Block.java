package no.losen.search.internal;

import java.util.List;

/**
 * A unit of cleaned text: a heading, a prose paragraph, or a table kept line by line.
 * {@code origins[i]} is the source offset of {@code text.charAt(i)}; {@code section} is the
 * heading path the block sits under (chapter first).
 */
public record Block(Kind kind, String text, int[] origins, List<String> section) {

    public enum Kind { HEADING, PARAGRAPH, TABLE }

    public int sourceStart() {
        return origins.length == 0 ? 0 : origins[0];
    }

    public int sourceEnd() {
        return origins.length == 0 ? 0 : origins[origins.length - 1] + 1;
    }
}
