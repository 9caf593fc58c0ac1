package no.losen.content;

/** A place in a content file, so every problem can be reported as {@code file:line:column}. */
public record Origin(String file, int line, int column) {

    public static final Origin UNKNOWN = new Origin("?", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
