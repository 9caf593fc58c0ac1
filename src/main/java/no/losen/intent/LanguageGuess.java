package no.losen.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.losen.content.Examples;

/**
 * Which language a message is written in, for the one moment a channel must know it before the
 * person has said: a first SMS or WhatsApp message about danger is answered at once, and it must be
 * answered in the language it was written in, not in English ("ninkaygu wuu i garaacayaa" is
 * Somali with no letter only Somali uses).
 *
 * <p>Learnt from the dialogs' own example messages, not from word lists kept by hand: every language
 * has hundreds, written as people type (without diacritics, misspelt, in dialect), so a language
 * is recognised better as its examples grow. The method is the textbook one for short texts: naive
 * Bayes over character 1–4-grams inside words, with add-one smoothing. Scripts need no rule of
 * their own; Arabic against Persian or Tigrinya against Amharic are told apart by the same grams.
 */
public final class LanguageGuess {

    private static final int MAX_GRAM = 4;

    private final Map<String, Map<String, Integer>> counts;
    private final Map<String, Long> totals;
    private final int vocabulary;

    private LanguageGuess(Map<String, Map<String, Integer>> counts) {
        this.counts = counts;
        this.totals = new HashMap<>();
        Set<String> all = new HashSet<>();
        counts.forEach((lang, grams) -> {
            totals.put(lang, grams.values().stream().mapToLong(Integer::longValue).sum());
            all.addAll(grams.keySet());
        });
        this.vocabulary = all.size();
    }

    /** Learns every language of {@code examples} (the labelled examples of a dialog, all languages). */
    public static LanguageGuess from(List<Examples.Labelled> examples) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Examples.Labelled e : examples) {
            Map<String, Integer> grams = counts.computeIfAbsent(e.lang(), l -> new HashMap<>());
            for (String g : grams(e.text())) {
                grams.merge(g, 1, Integer::sum);
            }
        }
        return new LanguageGuess(counts);
    }

    /** The languages learnt, most likely first; in a fixed order (by code) when the text has no letters. */
    public List<String> ranked(String text) {
        return scored(text).stream().map(Scored::lang).toList();
    }

    /** A language and how much likelier than the next one it is: log-odds per character gram. */
    public record Scored(String lang, double lead) {
    }

    /**
     * How far ahead (log-odds per character gram) the likeliest language must be to be taken as the
     * message's. On the routing check sets and dev-routing (388 messages, 12 languages) 95.6 % are
     * guessed right; at this lead or more 360 of 361 are, and below it the guesses are mostly messages
     * typed in another script's words (Russian in Latin letters) or nonsense.
     */
    public static final double SURE = 0.3;

    /** The language {@code text} is written in, when the guess leads by {@link #SURE} or more. */
    public Optional<String> sure(String text) {
        List<Scored> scored = scored(text);
        return !scored.isEmpty() && scored.get(0).lead() >= SURE ? Optional.of(scored.get(0).lang()) : Optional.empty();
    }

    /** The languages learnt, most likely first, each with its lead over the next. */
    public List<Scored> scored(String text) {
        List<String> grams = grams(text);
        Map<String, Double> score = new HashMap<>();
        for (var lang : counts.entrySet()) {
            Map<String, Integer> c = lang.getValue();
            double denominator = Math.log(totals.get(lang.getKey()) + (double) vocabulary);
            double s = 0;
            for (String g : grams) {
                s += Math.log(c.getOrDefault(g, 0) + 1.0) - denominator;
            }
            score.put(lang.getKey(), s);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparingDouble((String l) -> -score.get(l)).thenComparing(Comparator.naturalOrder()));
        List<Scored> out = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            double next = i + 1 < order.size() ? score.get(order.get(i + 1)) : score.get(order.get(i));
            out.add(new Scored(order.get(i), grams.isEmpty() ? 0 : (score.get(order.get(i)) - next) / grams.size()));
        }
        return out;
    }

    /** Character 1–4-grams of each word, the word padded with a space at either end. */
    static List<String> grams(String text) {
        String t = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        List<String> out = new ArrayList<>();
        for (String w : t.split("[^\\p{L}\\p{M}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            int[] cp = (" " + w + " ").codePoints().toArray();
            for (int n = 1; n <= MAX_GRAM; n++) {
                for (int i = 0; i + n <= cp.length; i++) {
                    if (n == 1 && cp[i] == ' ') {
                        continue;
                    }
                    out.add(new String(cp, i, n));
                }
            }
        }
        return out;
    }
}
