package no.losen.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits Norwegian compounds ("helsehjelp", "oppholdstillatelse", "rusproblemer") into the
 * words they are glued from, so a question that says "hjelp til helse" or "tillatelse til
 * opphold" finds them. The dictionary is the corpus's own vocabulary: a part is accepted only
 * if the corpus uses it as a word of its own, often enough to be more than a fragment. That
 * keeps splits in the language of the handbook and needs no outside word list.
 */
public final class CompoundSplitter {

    private static final int MIN_WORD = 7;
    private static final int MIN_HEAD = 3;
    private static final int MIN_TAIL = 4;
    private static final int MIN_FREQUENCY = 3;
    private static final int MAX_CACHED = 200_000;

    private final Map<String, Integer> frequency;
    private final Set<String> stopWords;
    private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

    public CompoundSplitter(Map<String, Integer> frequency, Set<String> stopWords) {
        this.frequency = Map.copyOf(frequency);
        this.stopWords = Set.copyOf(stopWords);
    }

    /** The parts of {@code word} (lower case), or an empty list when it is not a known compound. */
    public List<String> split(String word) {
        if (word.length() < MIN_WORD || !word.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        List<String> known = cache.get(word);
        if (known != null) {
            return known;
        }
        List<String> parts = best(word, 2);
        // bounded: the corpus vocabulary fits easily, while arbitrary query words must not grow it forever
        if (cache.size() < MAX_CACHED) {
            cache.put(word, parts);
        }
        return parts;
    }

    /** Best two-way split (tail itself split once more if needed), by the parts' corpus frequency. */
    private List<String> best(String w, int depth) {
        List<String> best = List.of();
        double bestScore = 0;
        for (int i = MIN_HEAD; i <= w.length() - MIN_TAIL; i++) {
            String head = w.substring(0, i);
            if (!known(head)) {
                continue;
            }
            for (int link = 0; link <= 1; link++) { // linking -s- or -e-: "opphold-s-tillatelse"
                if (link == 1 && "se".indexOf(w.charAt(i)) < 0) {
                    continue;
                }
                String tail = w.substring(i + link);
                if (tail.length() < MIN_TAIL) {
                    continue;
                }
                List<String> tailParts = known(tail) ? List.of(tail) : depth > 1 ? best(tail, depth - 1) : List.of();
                if (tailParts.isEmpty()) {
                    continue;
                }
                double score = Math.log(frequency.get(head)) + tailParts.stream()
                        .mapToDouble(p -> Math.log(frequency.get(p))).min().orElse(0) - 0.5 * (tailParts.size() - 1);
                if (score > bestScore) {
                    bestScore = score;
                    best = new java.util.ArrayList<>();
                    best.add(head);
                    best.addAll(tailParts);
                }
            }
        }
        return List.copyOf(best);
    }

    private boolean known(String part) {
        return frequency.getOrDefault(part, 0) >= MIN_FREQUENCY && !stopWords.contains(part);
    }
}
