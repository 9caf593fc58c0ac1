package no.losen.dialog.load;

import no.losen.content.Origin;

/** Something wrong with the content, said where an author can find it: {@code file:line:column}. */
public record Problem(Severity severity, Origin at, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(Origin at, String message) {
        return new Problem(Severity.ERROR, at, message);
    }

    public static Problem warning(Origin at, String message) {
        return new Problem(Severity.WARNING, at, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return at + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
