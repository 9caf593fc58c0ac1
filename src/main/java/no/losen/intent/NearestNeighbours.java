package no.losen.intent;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Examples;
import no.losen.intent.internal.Features;

/**
 * The alternative measured against the logistic regressions (docs/measurements.md, "Free text"): the k most
 * similar examples (cosine over the same features) vote for their topic, weighted by similarity.
 * Kept for {@code routing score --cv K --method knn}, not used to route.
 */
final class NearestNeighbours {

    private final Features features;
    private final List<Feature[]> vectors = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final String danger;
    private final int k;

    NearestNeighbours(List<Examples.Labelled> examples, String danger, int k) {
        this.features = Features.fit(examples.stream().map(Examples.Labelled::text).toList());
        this.danger = danger;
        this.k = k;
        for (Examples.Labelled e : examples) {
            vectors.add(features.vector(e.text()));
            topics.add(e.topic());
        }
    }

    IntentModel.Scores score(String text) {
        Feature[] q = features.vector(text);
        Map<Integer, Double> qm = new HashMap<>();
        for (Feature f : q) {
            qm.put(f.getIndex(), f.getValue());
        }
        double[] sim = new double[vectors.size()];
        Integer[] order = new Integer[vectors.size()];
        for (int i = 0; i < sim.length; i++) {
            double s = 0;
            for (Feature f : vectors.get(i)) {
                Double w = qm.get(f.getIndex());
                if (w != null) {
                    s += w * f.getValue();
                }
            }
            sim[i] = s;
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        for (int i = 0; i < Math.min(k, order.length); i++) {
            votes.merge(topics.get(order[i]), sim[order[i]], Double::sum);
            total += sim[order[i]];
        }
        List<IntentModel.Scores.Scored> ranked = new ArrayList<>();
        for (var e : votes.entrySet()) {
            ranked.add(new IntentModel.Scores.Scored(e.getKey(), total == 0 ? 0 : e.getValue() / total));
        }
        ranked.sort((a, b) -> Double.compare(b.p(), a.p()));
        double d = votes.getOrDefault(danger, 0.0) / (total == 0 ? 1 : total);
        return new IntentModel.Scores(total == 0 ? List.of() : ranked, d);
    }
}
