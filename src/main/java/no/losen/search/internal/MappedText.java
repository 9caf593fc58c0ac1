package no.losen.search.internal;

import java.util.Arrays;

/**
 * Cleaned text that remembers, for every character, where it came from in the source file,
 * so a passage cut from cleaned text can still cite exact source offsets.
 */
final class MappedText {

    private final StringBuilder text = new StringBuilder();
    private int[] origin = new int[256];

    /** Appends source characters {@code s} that start at {@code sourceStart}. */
    void append(CharSequence s, int sourceStart) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i), sourceStart + i);
        }
    }

    /** Appends a character the cleaner inserted (a joining space), attributed to {@code sourcePos}. */
    void insert(char c, int sourcePos) {
        put(c, sourcePos);
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    int lastOrigin() {
        return text.length() == 0 ? 0 : origin[text.length() - 1];
    }

    /** Drops trailing characters, e.g. a line-end hyphen that turned out to be a typesetting break. */
    void truncate(int newLength) {
        text.setLength(newLength);
    }

    void trimEnd() {
        int n = text.length();
        while (n > 0 && Character.isWhitespace(text.charAt(n - 1))) {
            n--;
        }
        text.setLength(n);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    int[] origins() {
        return Arrays.copyOf(origin, text.length());
    }

    private void put(char c, int pos) {
        int n = text.length();
        if (n == origin.length) {
            origin = Arrays.copyOf(origin, n * 2);
        }
        if (c != '\n' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            c = ' ';
        }
        // collapse runs of spaces: extraction pads lines with them
        if (c == ' ' && (n == 0 || text.charAt(n - 1) == ' ' || text.charAt(n - 1) == '\n')) {
            return;
        }
        text.append(c);
        origin[n] = pos;
    }
}
