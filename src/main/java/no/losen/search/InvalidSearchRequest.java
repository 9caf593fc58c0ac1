package no.losen.search;

/** A request the search refuses; its message is safe to return to the caller (HTTP 400). */
public class InvalidSearchRequest extends IllegalArgumentException {
    public InvalidSearchRequest(String message) {
        super(message);
    }
}
