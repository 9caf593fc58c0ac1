package no.losen.dialog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import no.losen.content.Translations;

/**
 * Reads typed text as a choice when it is one: a number ("2"), the label's words ("helse",
 * "Health care"), or a topic keyword. Case and accents are ignored because people type on
 * whatever keyboard they have; SMS users rely on this completely.
 */
final class TextMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NUMBERS = Pattern.compile("\\d+([\\s,;.]+\\d+)*");

    private final Translations translations;

    TextMatcher(Translations translations) {
        this.translations = translations;
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        return NON_WORD.matcher(n).replaceAll(" ").trim();
    }

    Optional<Choice> choice(String text, List<Choice> offered, Renderer r) {
        String t = normalize(text);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(Character::isDigit) && t.length() < 4) {
            int i = Integer.parseInt(t);
            return i >= 1 && i <= offered.size() ? Optional.of(offered.get(i - 1)) : Optional.empty();
        }
        List<Choice> prefix = new ArrayList<>();
        for (Choice c : offered) {
            String label = normalize(r.text(c.label()));
            if (label.equals(t) || normalize(c.id()).equals(t)) {
                return Optional.of(c);
            }
            if (t.length() >= 3 && label.startsWith(t)) {
                prefix.add(c);
            }
        }
        return prefix.size() == 1 ? Optional.of(prefix.get(0)) : Optional.empty();
    }

    /** "1 3 5" on a check list ticks those options; "0" ticks none. */
    Optional<List<String>> ticks(String text, List<Checklist.Option> options) {
        String t = text.strip();
        if (!NUMBERS.matcher(t).matches()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (String part : t.split("[\\s,;.]+")) {
            int i = Integer.parseInt(part);
            if (i == 0) {
                continue;
            }
            if (i > options.size()) {
                return Optional.empty();
            }
            String id = options.get(i - 1).id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return Optional.of(ids);
    }

    /** The first topic with a keyword in the text, in the user's language or along its fallback chain. */
    Optional<Topic> topic(String text, List<Topic> topics, String lang) {
        String t = " " + normalize(text) + " ";
        for (Topic topic : topics) {
            if (topic.keywords() == null) {
                continue;
            }
            for (String l : translations.chain(lang)) {
                var kw = translations.keys(l).get(topic.keywords());
                if (kw != null && matches(t, kw.text())) {
                    return Optional.of(topic);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String paddedText, String keywords) {
        for (String k : keywords.split(",")) {
            String kw = normalize(k);
            if (kw.length() < 2) {
                continue;
            }
            // A keyword matches the start of a word ("lege" finds "legevakt", not "kollege"); a short one only
            // a whole word, or "nav" would find "navn" and "mat" would find "material".
            if (paddedText.contains(" " + kw + (kw.length() <= 3 ? " " : ""))) {
                return true;
            }
        }
        return false;
    }
}
