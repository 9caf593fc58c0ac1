package no.losen.intent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.losen.content.Examples;
import no.losen.dialog.Reading;

/**
 * K-fold cross-validation over a dialog's own examples: every example is scored by a model trained
 * without it (folds are drawn per language and topic, so each fold holds a share of every cell).
 * What it measures is how well the examples teach messages nobody wrote down, which is what users send.
 * Extra training data (the topic keywords) is in every fold's training set and never scored.
 */
public final class CrossValidation {

    /** One held-out example and how the model trained without it scored it. */
    public record Scored(Examples.Labelled example, IntentModel.Scores scores, boolean dangerWord) {
    }

    private CrossValidation() {
    }

    public static List<Scored> run(List<Examples.Labelled> examples, List<Examples.Labelled> extra, DangerWords words,
                                   int k, IntentModel.Settings settings, long seed) {
        return run(examples, extra, words, k, settings, seed, 0, IntentModel.Bridge.NONE);
    }

    /** … with {@code neighbours} &gt; 0: the k-nearest-neighbour vote instead of the logistic regressions. */
    public static List<Scored> run(List<Examples.Labelled> examples, List<Examples.Labelled> extra, DangerWords words,
                                   int k, IntentModel.Settings settings, long seed, int neighbours, IntentModel.Bridge bridge) {
        if (k < 2) {
            throw new IllegalArgumentException("k-fold cross-validation needs k of at least 2");
        }
        Map<String, List<Integer>> cells = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Examples.Labelled e = examples.get(i);
            cells.computeIfAbsent(e.lang() + "\u0000" + e.topic(), x -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[examples.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> cell : cells.values()) {
            Collections.shuffle(cell, random);
            for (int i : cell) {
                fold[i] = next++ % k;
            }
        }
        List<Scored> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Examples.Labelled> train = new ArrayList<>(extra);
            List<Examples.Labelled> test = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == f ? test : train).add(examples.get(i));
            }
            java.util.function.BiFunction<String, String, IntentModel.Scores> m;
            if (neighbours > 0) {
                NearestNeighbours nn = new NearestNeighbours(train, Recogniser.DANGER, neighbours);
                m = (text, lang) -> nn.score(text);
            } else {
                m = IntentModel.train(train, Recogniser.DANGER, settings, bridge)::score;
            }
            test.forEach(e -> out.add(new Scored(e, m.apply(e.text(), e.lang()), words.matches(e.text(), e.lang()))));
        }
        return out;
    }

    /**
     * The held-out examples as routing outcomes under {@code thresholds}: an example of a topic is a hit
     * when routed there with confidence; a {@code none} example when it is not routed to any topic.
     */
    public static Tally tally(List<Scored> scored, Recogniser.Thresholds thresholds) {
        Tally t = new Tally();
        for (Scored s : scored) {
            Reading r = Recogniser.decide(s.scores(), Recogniser.words(s.example().text()), s.dangerWord(), Recogniser.DANGER,
                    thresholds);
            String got = r.dangerous() ? r.danger()
                    : r.kind() == Reading.Kind.SURE ? r.guesses().get(0).target()
                    : r.kind() == Reading.Kind.UNSURE ? "(did you mean)" : "(handbook)";
            boolean none = s.example().topic().equals(Examples.NONE);
            boolean hit = none ? got.startsWith("(") : got.equals(s.example().topic());
            t.add(new Tally.Outcome(null, s.example().lang(), s.example().text(), List.of(none ? "-" : s.example().topic()),
                    got, hit));
        }
        return t;
    }
}
