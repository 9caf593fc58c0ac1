package no.losen.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.content.Examples;
import no.losen.content.Translations;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Intents;
import no.losen.dialog.Reading;
import no.losen.dialog.Topic;
import no.losen.intent.IntentModel.Scores;

/**
 * Recognises typed text for the engine with a model per dialog that has example messages, trained at
 * start-up. The bands: danger first (its own model, a low bar: a false alarm costs a look at the
 * emergency numbers, a miss may cost a life); then a topic scoring at least {@code route} is entered;
 * one scoring at least {@code ask} is offered with the next best ("Did you mean …?"); anything below,
 * or text most like the {@code none} examples, goes to the handbook with the menu.
 */
public final class Recogniser implements Intents {

    /** The topic of danger now: its examples train the danger model, and it wins over every other topic. */
    public static final String DANGER = "emergency";
    /** At most this many topics are offered when unsure. */
    static final int OFFER = 3;

    /** Where the bands begin, as probabilities; chosen by cross-validation (README, "Free text"). */
    public record Thresholds(double route, double ask, double danger) {
        public static final Thresholds DEFAULT = new Thresholds(0.45, 0.2, 0.35);
    }

    private final Map<String, IntentModel> models;
    private final Thresholds thresholds;

    public Recogniser(Map<String, IntentModel> models, Thresholds thresholds) {
        this.models = Map.copyOf(models);
        this.thresholds = thresholds;
    }

    /** Trains a model for every dialog of {@code set} that has examples. */
    public static Recogniser train(DialogSet set) {
        return train(set, IntentModel.Settings.DEFAULT, Thresholds.DEFAULT);
    }

    public static Recogniser train(DialogSet set, IntentModel.Settings settings, Thresholds thresholds) {
        Map<String, IntentModel> models = new LinkedHashMap<>();
        for (Dialog d : set.dialogs().values()) {
            List<Examples.Labelled> data = trainingData(set, d);
            if (!set.examples().of(d.id()).isEmpty() && !data.isEmpty()) {
                models.put(d.id(), IntentModel.train(data, DANGER, settings));
            }
        }
        return new Recogniser(models, thresholds);
    }

    /**
     * The dialog's examples, and each topic keyword of every language as one more (short) example, so
     * the keyword lists writers already keep teach the model too.
     */
    public static List<Examples.Labelled> trainingData(DialogSet set, Dialog d) {
        List<Examples.Labelled> out = new ArrayList<>(set.examples().labelled(d.id()));
        if (Boolean.parseBoolean(System.getProperty("intent.kw", "true"))) out.addAll(keywords(set.translations(), d));
        return out;
    }

    static List<Examples.Labelled> keywords(Translations tr, Dialog d) {
        List<Examples.Labelled> out = new ArrayList<>();
        for (Topic t : d.topics()) {
            if (t.keywords() == null) {
                continue;
            }
            for (String lang : tr.codes()) {
                var text = tr.keys(lang).get(t.keywords());
                if (text == null) {
                    continue;
                }
                for (String k : text.text().split(",")) {
                    if (!k.isBlank()) {
                        out.add(new Examples.Labelled(lang, t.target(), k.strip()));
                    }
                }
            }
        }
        return out;
    }

    public boolean knows(String dialog) {
        return models.containsKey(dialog);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    @Override
    public Optional<Reading> read(Dialog dialog, String text, String lang) {
        IntentModel m = models.get(dialog.id());
        return m == null ? Optional.empty() : Optional.of(decide(m.score(text), thresholds));
    }

    /** The scores of a dialog's model, for tools that report more than the decision. */
    public Optional<Scores> scores(String dialog, String text) {
        IntentModel m = models.get(dialog);
        return m == null ? Optional.empty() : Optional.of(m.score(text));
    }

    /** The bands applied to one message's scores. */
    static Reading decide(Scores s, Thresholds t) {
        List<Scores.Scored> topics = s.ranked().stream()
                .filter(x -> !x.topic().equals(Examples.NONE) && !x.topic().equals(DANGER)).toList();
        boolean danger = s.danger() >= t.danger()
                || !s.ranked().isEmpty() && s.ranked().get(0).topic().equals(DANGER) && s.ranked().get(0).p() >= t.ask();
        if (danger) {
            List<Reading.Guess> beside = topics.stream().limit(1).filter(x -> x.p() >= t.ask())
                    .map(x -> new Reading.Guess(x.topic(), x.p())).toList();
            return new Reading(DANGER, Reading.Kind.SURE, beside);
        }
        if (s.ranked().isEmpty() || topics.isEmpty() || s.ranked().get(0).topic().equals(Examples.NONE)) {
            return Reading.UNKNOWN;
        }
        Scores.Scored top = topics.get(0);
        if (top.p() >= t.route()) {
            return new Reading(null, Reading.Kind.SURE, List.of(new Reading.Guess(top.topic(), top.p())));
        }
        if (top.p() >= t.ask()) {
            return new Reading(null, Reading.Kind.UNSURE, topics.stream().limit(OFFER)
                    .map(x -> new Reading.Guess(x.topic(), x.p())).toList());
        }
        return Reading.UNKNOWN;
    }
}
