package no.losen.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every text in every language, with the fallback chain that decides what a user sees when
 * their language lacks a key. A raw key never reaches a user: the last resort is the first
 * language of the chain that has the key, and the validator makes sure nb and en have all.
 * A stale translation (made from an nb text that has since changed, see {@link Fingerprint})
 * counts as missing while {@code staleFallback} is on, so users read the current source
 * language rather than an outdated promise.
 */
public final class Translations {

    /**
     * A text found for a request, the language it actually came from, and whether it is stale
     * there (served only when the stale fallback is off).
     */
    public record Found(Text text, String lang, boolean stale, boolean variant) {

        public Found(Text text, String lang, boolean stale) {
            this(text, lang, stale, false);
        }
    }

    /**
     * The variant of a key for SMS: {@code rights.asylum.text.sms} is the short form of
     * {@code rights.asylum.text}. Only the SMS channel asks for it (see {@link #find(String, String, String)}).
     */
    public static final String SMS = "sms";

    private final Map<String, Language> languages;
    private final Map<String, Map<String, Text>> texts;
    private final List<String> fallback;
    private final boolean staleFallback;
    private final Map<String, String> sourceFingerprints;
    /**
     * What {@link #find} found, per language and key: every step renders a dozen texts. Only texts
     * that exist in a known language are kept, so its size is bounded by the content, whatever is asked.
     */
    private final Map<String, Map<String, Found>> resolved = new ConcurrentHashMap<>();
    /** The same for {@link #find(String, String, String)}, keyed by variant and key. */
    private final Map<String, Map<String, Found>> resolvedVariants = new ConcurrentHashMap<>();

    public Translations(Map<String, Language> languages, Map<String, Map<String, Text>> texts, List<String> fallback) {
        this(languages, texts, fallback, true);
    }

    public Translations(Map<String, Language> languages, Map<String, Map<String, Text>> texts, List<String> fallback,
                        boolean staleFallback) {
        this.languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        Map<String, Map<String, Text>> copy = new LinkedHashMap<>();
        texts.forEach((lang, keys) -> copy.put(lang, Map.copyOf(keys)));
        this.texts = Collections.unmodifiableMap(copy);
        this.fallback = List.copyOf(fallback);
        this.staleFallback = staleFallback;
        Map<String, String> fp = new HashMap<>();
        copy.getOrDefault(Fingerprint.SOURCE_LANG, Map.of()).forEach((k, t) -> fp.put(k, Fingerprint.of(t.text())));
        this.sourceFingerprints = Collections.unmodifiableMap(fp);
    }

    public Translations withFallback(List<String> chain) {
        return new Translations(languages, texts, chain, staleFallback);
    }

    /** {@code true}: a stale text is skipped by {@link #find} (the chain goes on); {@code false}: it is served, marked draft. */
    public Translations withStaleFallback(boolean on) {
        return new Translations(languages, texts, fallback, on);
    }

    public boolean staleFallback() {
        return staleFallback;
    }

    /** The fingerprint of the current nb text of {@code key}, if nb has it. */
    public Optional<String> sourceFingerprint(String key) {
        return Optional.ofNullable(sourceFingerprints.get(key));
    }

    /**
     * True when {@code lang}'s text of {@code key} was made from an nb text that has since changed
     * (or a file says {@code status: stale}). A text without a recorded source is not stale: its
     * origin is unknown, and calling every legacy text stale would hide whole languages.
     */
    public boolean stale(String lang, String key) {
        Text t = keys(lang).get(key);
        if (t == null || lang.equals(Fingerprint.SOURCE_LANG)) {
            return false;
        }
        if ("stale".equals(t.status())) {
            return true;
        }
        String now = sourceFingerprints.get(key);
        return t.source() != null && now != null && !now.equals(t.source());
    }

    public Optional<Language> language(String code) {
        return Optional.ofNullable(languages.get(code));
    }

    public Map<String, Language> languages() {
        return languages;
    }

    public List<String> fallback() {
        return fallback;
    }

    /** The keys defined in one language (not following the fallback chain). */
    public Map<String, Text> keys(String lang) {
        return texts.getOrDefault(lang, Map.of());
    }

    public boolean has(String lang, String key) {
        return keys(lang).containsKey(key);
    }

    /** True when any language defines the key; params and variable values use this to tell keys from values. */
    public boolean isKey(String key) {
        for (Map<String, Text> byKey : texts.values()) {
            if (byKey.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The text for {@code key} in {@code lang}, else along the fallback chain. */
    public Optional<Found> find(String lang, String key) {
        Map<String, Found> known = resolved.get(lang);
        if (known == null) {
            if (!languages.containsKey(lang)) {
                return resolve(lang, key);
            }
            known = resolved.computeIfAbsent(lang, l -> new ConcurrentHashMap<>());
        }
        Found f = known.get(key);
        if (f != null) {
            return Optional.of(f);
        }
        Optional<Found> found = resolve(lang, key);
        Map<String, Found> cache = known;
        found.ifPresent(x -> cache.put(key, x));
        return found;
    }

    private Optional<Found> resolve(String lang, String key) {
        for (String l : chain(lang)) {
            Text t = keys(l).get(key);
            if (t != null) {
                boolean stale = stale(l, key);
                if (!(staleFallback && stale)) {
                    return Optional.of(new Found(t, l, stale));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code variant} form of {@code key} ({@code key + "." + variant}) where there is one,
     * else {@code key} itself, along the fallback chain language by language: in each language
     * of the chain its variant is tried first, then its full text, and only then the next
     * language. A person therefore reads their own language's full text rather than another
     * language's short form: a longer SMS they understand is better than a short one they
     * cannot read. A stale variant is skipped like any stale text. An empty nb variant
     * ({@code x.sms: ""}) means the text is left out of the variant, in every language: it is
     * found empty, without a fallback. {@code variant} null is {@link #find(String, String)}.
     */
    public Optional<Found> find(String lang, String key, String variant) {
        if (variant == null) {
            return find(lang, key);
        }
        String cacheKey = variant + '\0' + key;
        Map<String, Found> known = languages.containsKey(lang)
                ? resolvedVariants.computeIfAbsent(lang, l -> new ConcurrentHashMap<>()) : null;
        Found f = known == null ? null : known.get(cacheKey);
        if (f != null) {
            return Optional.of(f);
        }
        String variantKey = key + "." + variant;
        Text none = keys(Fingerprint.SOURCE_LANG).get(variantKey);
        if (none != null && none.text().isBlank()) {
            // An empty source form: the text is left out of this variant in every language.
            Found empty = new Found(none, lang, false, true);
            if (known != null) {
                known.put(cacheKey, empty);
            }
            return Optional.of(empty);
        }
        for (String l : chain(lang)) {
            Optional<Found> here = at(l, variantKey, true).or(() -> at(l, key, false));
            if (here.isPresent()) {
                if (known != null) {
                    known.put(cacheKey, here.get());
                }
                return here;
            }
        }
        return Optional.empty();
    }

    private Optional<Found> at(String l, String key, boolean variant) {
        Text t = keys(l).get(key);
        if (t == null) {
            return Optional.empty();
        }
        boolean stale = stale(l, key);
        return staleFallback && stale ? Optional.empty() : Optional.of(new Found(t, l, stale, variant));
    }

    /** The key a variant key shortens ({@code x.sms} → {@code x}), or null when {@code key} is no variant. */
    public static String variantOf(String key) {
        String suffix = "." + SMS;
        return key.endsWith(suffix) && key.length() > suffix.length() ? key.substring(0, key.length() - suffix.length()) : null;
    }

    /** The languages tried for a request, in order, without repeats. */
    public List<String> chain(String lang) {
        List<String> out = new ArrayList<>();
        out.add(lang);
        for (String l : fallback) {
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    public Set<String> codes() {
        return languages.keySet();
    }

    /**
     * Equal when they would serve the same texts: the same languages, texts, chain and stale rule (the
     * caches of what was found are not part of it). A set read back from the content cache equals the one loaded.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Translations t && staleFallback == t.staleFallback && languages.equals(t.languages)
                && texts.equals(t.texts) && fallback.equals(t.fallback);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(languages, texts, fallback, staleFallback);
    }
}
