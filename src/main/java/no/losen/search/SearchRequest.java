package no.losen.search;

import java.util.Locale;
import java.util.regex.Pattern;
import no.losen.internal.Characters;

/**
 * One question. {@code lang} is a BCP-47 primary tag or null (then detected); {@code k} the
 * number of passages wanted. The constructor enforces the API's limits so every caller, HTTP or
 * dialog engine, gets the same refusals.
 */
public record SearchRequest(String q, String lang, int k, SearchMode mode) {

    public static final int MAX_QUERY_CHARS = 1000;
    public static final int MAX_K = 20;
    public static final int DEFAULT_K = 5;
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    /** The languages a question is understood in (docs/search.md); Norwegian also as nn and no. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("nb", "nn", "no", "en", "ar", "fa", "fr", "pl",
            "ro", "ru", "so", "ti", "am", "uk");

    public SearchRequest {
        if (q == null || q.isBlank()) {
            throw new InvalidSearchRequest("q is empty");
        }
        if (Characters.count(q) > MAX_QUERY_CHARS) {
            throw new InvalidSearchRequest("q is longer than " + MAX_QUERY_CHARS + " characters");
        }
        if (k < 1 || k > MAX_K) {
            throw new InvalidSearchRequest("k must be between 1 and " + MAX_K);
        }
        if (lang != null && lang.isBlank()) {
            lang = null;
        }
        if (lang != null) {
            lang = lang.trim().toLowerCase(Locale.ROOT);
            if (!LANG.matcher(lang).matches()) {
                throw new InvalidSearchRequest("lang must be a language tag such as nb or en");
            }
            if (!LANGUAGES.contains(lang.split("-")[0])) {
                // Searched as Norwegian it would find only cognates: an answer that looks like one but is noise.
                throw new InvalidSearchRequest("lang must be one of " + String.join(", ", new java.util.TreeSet<>(LANGUAGES)));
            }
        }
        mode = mode == null ? SearchMode.HYBRID : mode;
    }

    /** A hybrid search for {@code q} with the default k and detected language. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, DEFAULT_K, SearchMode.HYBRID);
    }
}
