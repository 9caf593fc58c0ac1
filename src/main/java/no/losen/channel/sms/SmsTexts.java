package no.losen.channel.sms;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.content.Translations;

/**
 * The SMS channel's own words ({@code sms.*} in {@code translations/sms/<lang>.yaml}) and its
 * keywords. Keywords are read in every language at once: a person writing in Arabic may still
 * type STOP, and a STOP must work whoever sends it. Matching ignores case, accents and
 * punctuation, as the engine does for choices, because people type on whatever keyboard they have.
 */
public final class SmsTexts {

    /** The channel's commands, each with its keyword list key. */
    public enum Keyword {
        HELP("sms.kw.help"), MENU("sms.kw.menu"), STOP("sms.kw.stop"), BACK("sms.kw.back");

        final String key;

        Keyword(String key) {
            this.key = key;
        }
    }

    /** A keyword found in a message, and the language whose list it came from. */
    public record Match(Keyword keyword, String lang) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private final Translations tr;

    public SmsTexts(Translations tr) {
        this.tr = tr;
    }

    /** The text of {@code key} in {@code lang} (or along the fallback chain), {@code {name}} filled from params. */
    public String text(String lang, String key, Map<String, String> params) {
        String t = tr.find(lang, key).map(f -> f.text().text()).orElse("");
        if (params.isEmpty()) {
            return t;
        }
        var m = PARAM.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = params.get(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String text(String lang, String key) {
        return text(lang, key, Map.of());
    }

    /** The keyword that the whole message is, in any language; the message's own language wins a tie. */
    public Optional<Match> keyword(String message, String preferredLang) {
        for (String t : readings(message)) {
            for (String lang : order(preferredLang)) {
                for (Keyword k : Keyword.values()) {
                    if (words(lang, k.key).contains(t)) {
                        return Optional.of(new Match(k, lang));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The language whose comma-separated list under {@code key} holds the whole message (its own
     * language first), read like the keywords above; empty when none does. Other channels' own
     * keywords ({@code wa.kw.exit}) are read this way.
     */
    public Optional<String> listedIn(String message, String key, String preferredLang) {
        for (String t : readings(message)) {
            Optional<String> lang = order(preferredLang).stream().filter(l -> words(l, key).contains(t)).findFirst();
            if (lang.isPresent()) {
                return lang;
            }
        }
        return Optional.empty();
    }

    /**
     * A message as written, then, when every letter of it is a Cyrillic or Greek letter that looks
     * like a Latin one, as those Latin letters: a Ukrainian or Russian keyboard has no X, and the
     * key where it would be types "х", so "х" must be quick exit as "x" is (the uk and ru texts say
     * "write X"). Words in those alphabets ("стоп") stay as they are and are read first.
     */
    static List<String> readings(String message) {
        String t = normalize(message);
        if (t.isEmpty()) {
            return List.of();
        }
        StringBuilder latin = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int at = LOOKALIKE.indexOf(c);
            if (at >= 0) {
                latin.append(LATIN.charAt(at));
            } else if (c == ' ' || c < 128) {
                latin.append(c);
            } else {
                return List.of(t);
            }
        }
        String l = latin.toString();
        return l.equals(t) ? List.of(t) : List.of(t, l);
    }

    /** Cyrillic and Greek lower-case letters drawn like Latin ones, and the Latin letter each looks like. */
    private static final String LOOKALIKE = "асеікорхујѕαοχκνρτιυε";
    private static final String LATIN = "aceikopxyjsaoxkvptiue";

    /**
     * The language a message names, among {@code offered}: its code ("ar"), its name in itself
     * ("العربية"), or a word for it in its own {@code sms.kw.lang} list ("arabic").
     */
    public Optional<String> language(String message, List<String> offered) {
        String t = normalize(message);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        for (String lang : offered) {
            String name = tr.language(lang).map(l -> l.name()).orElse(lang);
            if (t.equals(lang) || t.equals(normalize(name)) || words(lang, "sms.kw.lang").contains(t)) {
                return Optional.of(lang);
            }
            // "فارسی / دری" names two; either is enough.
            for (String part : name.split("/")) {
                if (t.equals(normalize(part))) {
                    return Optional.of(lang);
                }
            }
        }
        return Optional.empty();
    }

    /** The language's name in itself, for the menu. */
    public String name(String lang) {
        return tr.language(lang).map(l -> l.name()).orElse(lang);
    }

    private List<String> order(String preferred) {
        LinkedHashMap<String, Boolean> langs = new LinkedHashMap<>();
        if (preferred != null) {
            langs.put(preferred, true);
        }
        tr.codes().forEach(c -> langs.put(c, true));
        return List.copyOf(langs.keySet());
    }

    /** A comma-separated keyword list in one language only (not the fallback chain: "stop" in en is not nb's). */
    private List<String> words(String lang, String key) {
        var t = tr.keys(lang).get(key);
        if (t == null) {
            return List.of();
        }
        return java.util.Arrays.stream(t.text().split(",")).map(SmsTexts::normalize).filter(s -> !s.isEmpty()).toList();
    }

    public static String normalize(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        return NON_WORD.matcher(n).replaceAll(" ").trim();
    }

    /**
     * The line under a node on a phone channel: how to answer a check list or a choice (with "0 = back"
     * when there is a step to go back to), how to start over at an end, or how to go back.
     */
    public String footer(no.losen.dialog.Reply r, List<no.losen.dialog.Reply.Option> choices, boolean canGoBack) {
        if (r.multi()) {
            return text(r.lang(), "sms.checklist");
        }
        if (!choices.isEmpty()) {
            return text(r.lang(), canGoBack ? "sms.answer.back" : "sms.answer");
        }
        if (r.end()) {
            return text(r.lang(), "sms.end");
        }
        return canGoBack && !r.input() ? text(r.lang(), "sms.back") : "";
    }
}
