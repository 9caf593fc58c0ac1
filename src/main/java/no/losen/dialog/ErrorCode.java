package no.losen.dialog;

import java.util.Locale;

/** Stable error codes: clients and tests match on these, never on messages. */
public enum ErrorCode {
    BAD_FRAME, UNKNOWN_TYPE, UNKNOWN_DIALOG, UNKNOWN_CHOICE, UNKNOWN_LANGUAGE, NO_SESSION, TOO_LONG,
    TOO_LARGE, RATE_LIMITED, FORBIDDEN, UNAVAILABLE, BUSY, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
