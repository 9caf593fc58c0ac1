package no.losen.content;

/**
 * One translated text with what a translation coordinator needs to trust it.
 *
 * @param text     the words, with {@code {placeholders}}
 * @param status   {@code reviewed}, {@code draft} or {@code stale}; inherited from the file when not given
 * @param source   fingerprint of the source text this translation was made from (may be null)
 * @param reviewer free-text tag of who reviewed it (no personal data required)
 * @param reviewed date of the review, ISO format (may be null)
 * @param origin   where it was defined, for error messages
 */
public record Text(String text, String status, String source, String reviewer, String reviewed, Origin origin) {

    /** Not reviewed by a person: a draft, or a stale text served anyway; widgets may mark it. */
    public boolean draft() {
        return !"reviewed".equals(status);
    }
}
