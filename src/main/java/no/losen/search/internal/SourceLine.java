package no.losen.search.internal;

import java.util.ArrayList;
import java.util.List;

/** One line of an extracted source text with its character offsets in that text. */
public record SourceLine(String text, int start, int end) {

    public String trimmed() {
        return text.strip();
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    /** Splits on \n (and \r\n), keeping each line's offsets so passages can point back into the source. */
    public static List<SourceLine> split(String raw) {
        List<SourceLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == '\n') {
                int end = i > start && raw.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(new SourceLine(raw.substring(start, end), start, end));
                start = i + 1;
            }
        }
        return lines;
    }
}
