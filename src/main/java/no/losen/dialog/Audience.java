package no.losen.dialog;

/** Who may run a dialog. Staff dialogs need a staff log-in on every channel. */
public enum Audience {
    PUBLIC, STAFF;

    public static Audience of(String s) {
        return "staff".equals(s) ? STAFF : PUBLIC;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
