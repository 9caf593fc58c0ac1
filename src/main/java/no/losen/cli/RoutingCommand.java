package no.losen.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.losen.content.Examples;
import no.losen.dialog.Dialog;
import no.losen.dialog.Engine;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.intent.CrossValidation;
import no.losen.intent.HeldOut;
import no.losen.intent.IntentModel;
import no.losen.intent.Recogniser;
import no.losen.intent.RoutingCheck;
import no.losen.intent.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tools for people who write example messages: how well free text is routed. */
@Command(name = "routing", mixinStandardHelpOptions = true, subcommands = {RoutingCommand.Score.class, RoutingCommand.Explain.class},
        description = "Measure how typed text is routed to the topics of a dialog.")
public final class RoutingCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("usage: losen routing score [FILE.jsonl …] [--cv K] (see --help)");
        return 2;
    }

    /** The content and dialog both sub-commands work on, loaded and checked once in one place. */
    static final class DialogContent {

        @Option(names = "--content", description = "Content folder (default: this folder if it has dialogs/, else bundled).")
        Path content;

        @Option(names = "--dialog", defaultValue = "rights", description = "Dialog (default: ${DEFAULT-VALUE}).")
        String dialog;

        /** The loaded content, or null after saying on stderr why it cannot be used. */
        Loaded load() {
            Loaded loaded = ContentLoader.load(ContentOption.resolve(content));
            if (!loaded.ok()) {
                loaded.errors().forEach(System.err::println);
                System.err.println("the content does not validate");
                return null;
            }
            if (loaded.set().dialog(dialog).isEmpty()) {
                System.err.println("no dialog '" + dialog + "'");
                return null;
            }
            return loaded;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Show how one message is read: the best topics with their probability, the danger model, "
                    + "a danger word, and what the engine does.")
    static final class Explain implements Callable<Integer> {

        @Parameters(index = "0", description = "The message, as typed.")
        String text;

        @Option(names = "--lang", defaultValue = "nb", description = "The session's language (default: ${DEFAULT-VALUE}).")
        String lang;

        @Mixin
        DialogContent target;

        @Override
        public Integer call() {
            Loaded loaded = target.load();
            if (loaded == null) {
                return 1;
            }
            String dialog = target.dialog;
            Dialog d = loaded.set().dialog(dialog).orElseThrow();
            Recogniser r = Recogniser.train(loaded.set());
            var scores = r.scores(dialog, text, lang).orElse(null);
            if (scores == null) {
                System.out.println("dialog '" + dialog + "' has no examples: routing by keywords only");
                return 0;
            }
            System.out.println("  Norwegian words    " + String.join(" ", Recogniser.bridge().words(text, lang)));
            scores.ranked().stream().limit(5).forEach(x -> System.out.printf("  %-18s %.3f%n", x.topic(), x.p()));
            System.out.printf("  danger (both)      %.3f (bar %.2f)%n", scores.danger(), r.thresholds().danger());
            System.out.println("  danger word        " + Recogniser.dangerWords(loaded.set(), d).match(text, lang).orElse("none"));
            System.out.println("  reading            " + r.read(d, text, lang).orElseThrow());
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Score JSONL lines {id, lang, text, expect} in-process (accuracy per language, danger recall, "
                    + "off-topic kept out, confusion pairs, misses); with --cv K, K-fold cross-validation over the "
                    + "dialog's own examples.")
    static final class Score implements Callable<Integer> {

        @Parameters(arity = "0..*", description = "JSONL files like dialogs/tests/routing/*.jsonl")
        List<Path> files = new ArrayList<>();

        @Mixin
        DialogContent target;

        @Option(names = "--cv", description = "K-fold cross-validation over the examples, per language.")
        int cv;

        @Option(names = "--seed", defaultValue = "13", description = "Seed of the cross-validation folds.")
        long seed;

        @Option(names = "--misses", description = "List every message that missed.")
        boolean misses;

        @Option(names = "--sweep", description = "With --cv: accuracy, off-topic and danger for a grid of thresholds.")
        boolean sweep;

        @Option(names = "--c", description = "Regularisation C of the logistic regressions (default: the built-in).")
        Double c;

        @Option(names = "--danger-weight", description = "Weight of danger examples in the danger model (default: the built-in).")
        Double dangerWeight;

        @Option(names = "--none-weight", description = "How many times each example of no topic counts as a negative of "
                + "the danger model (default: the built-in).")
        Integer noneWeight;

        @Option(names = "--solver", description = "LIBLINEAR solver, e.g. L2R_LR, L2R_LR_DUAL (default: the built-in).")
        de.bwaldvogel.liblinear.SolverType solver;

        @Option(names = "--eps", description = "LIBLINEAR stopping tolerance (default: the built-in).")
        Double eps;

        @Option(names = "--knn", description = "With --cv: measure a k-nearest-neighbour vote with this k instead.")
        int knn;

        @Option(names = "--no-danger-words", description = "With --cv: measure the danger model without the words.")
        boolean nowords;

        @Option(names = "--thresholds", split = ",", description = "route,ask,danger[,short-words,short-danger[,narrow-lead,unsure-danger,sure-topic,danger-beside-sure-topic]] "
                + "(default: the built-in).")
        double[] thresholds;

        @Option(names = "--no-misspellings", description = "Train the topic model on the examples as written only, without "
                + "a misspelt copy of each (the default trains on both: docs/measurements.md, \"Free text\").")
        boolean nomisspellings;

        @Option(names = "--no-bridge", description = "Read messages without the Norwegian words the glossaries give them.")
        boolean nobridge;

        @Option(names = "--holdout", description = "Keep this percentage of the examples (a fixed split by their text) "
                + "out: with --cv, cross-validate over the rest; without, train on the rest and score the held-out ones.")
        int holdout;

        @Option(names = "--held-out-list", description = "With --holdout: score only the held-out examples listed in this "
                + "file (lang TAB topic TAB text a line; written when it does not exist), so examples added since are "
                + "trained on but do not change the test set.")
        Path heldOutList;

        @Option(names = "--scores", description = "Write every scored example or line of the files (language, topic, "
                + "danger word, danger probability, the text, every topic with its probability, best first) to this TSV file, "
                + "to study a decision rule without training again.")
        Path scoresOut;

        @Override
        public Integer call() throws IOException {
            Loaded loaded = target.load();
            if (loaded == null) {
                return 1;
            }
            String dialog = target.dialog;
            Dialog d = loaded.set().dialog(dialog).orElseThrow();
            IntentModel.Settings b = IntentModel.Settings.DEFAULT;
            IntentModel.Settings settings = new IntentModel.Settings(solver != null ? solver : b.solver(),
                    c != null ? c : b.c(), dangerWeight != null ? dangerWeight : b.dangerWeight(), eps != null ? eps : b.eps(),
                    b.misspellings() && !nomisspellings, noneWeight != null ? noneWeight : b.noneWeight());
            Recogniser.Thresholds t = thresholds(thresholds);
            if (t == null) {
                System.err.println("--thresholds takes 3, 5 or 9 numbers: route,ask,danger[,short-words,short-danger"
                        + "[,narrow-lead,unsure-danger,sure-topic,danger-beside-sure-topic]]");
                return 2;
            }
            if (files.isEmpty() && cv == 0 && holdout == 0) {
                System.err.println("give JSONL files to score, or --cv K, or --holdout PERCENT");
                return 2;
            }
            IntentModel.Bridge bridge = nobridge ? IntentModel.Bridge.NONE : Recogniser.bridge();
            if (!files.isEmpty()) {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long t0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                Recogniser r = Recogniser.train(loaded.set(), settings, t, bridge);
                System.out.printf("trained in %d ms (%d ms of CPU)%n", (System.nanoTime() - t0) / 1_000_000,
                        (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
                if (!r.knows(dialog)) {
                    System.out.println("dialog '" + dialog + "' has no examples: routing by keywords only");
                }
                Engine engine = new Engine(loaded.set(), Map.of("search", (text, lang) -> List.of()), r);
                List<RoutingCheck.Line> lines = new ArrayList<>();
                for (Path f : files) {
                    lines.addAll(RoutingCheck.read(f));
                }
                System.out.println("== " + lines.size() + " messages from " + files.size() + " file(s)");
                RoutingCheck.run(engine, dialog, lines).print(System.out, misses);
                if (r.knows(dialog)) {
                    writeScores(lines.stream().map(l -> new CrossValidation.Scored(
                            new Examples.Labelled(l.lang(), l.expect().get(0), l.text()),
                            r.scores(dialog, l.text(), l.lang()).orElseThrow(), r.dangerWord(d, l.text(), l.lang()))).toList());
                }
                long[] nanos = RoutingCheck.latency(engine, dialog, lines, 10);
                if (nanos.length > 0) {
                    System.out.printf("step with routing, warm (search off): p50 %.3f ms, p95 %.3f ms, max %.3f ms over %d steps%n",
                            nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6,
                            nanos[nanos.length - 1] / 1e6, nanos.length);
                }
            }
            if (cv > 0 || holdout > 0) {
                List<Examples.Labelled> all = loaded.set().examples().labelled(dialog);
                List<Examples.Labelled> extra = new ArrayList<>(Recogniser.trainingData(loaded.set(), d));
                extra.removeAll(all);
                List<Examples.Labelled> examples = holdout > 0 ? HeldOut.split(all, holdout).train() : all;
                if (cv == 0) {
                    HeldOut.Split split = HeldOut.split(all, holdout);
                    System.out.println("== " + split.test().size() + " held-out examples (" + holdout + " %), trained on "
                            + split.train().size() + " (+" + extra.size() + " keywords)");
                    List<Examples.Labelled> test = split.test();
                    if (heldOutList != null) {
                        test = HeldOut.restrict(test, heldOutList);
                        System.out.println("   scoring the " + test.size() + " of them listed in " + heldOutList);
                    }
                    List<Examples.Labelled> train = new ArrayList<>(extra);
                    train.addAll(split.train());
                    IntentModel m = IntentModel.train(train, Recogniser.DANGER, settings, bridge);
                    var words = nowords ? no.losen.intent.DangerWords.NONE : Recogniser.dangerWords(loaded.set(), d);
                    List<CrossValidation.Scored> scored = test.stream().map(e -> new CrossValidation.Scored(e,
                            m.score(e.text(), e.lang()), words.matches(e.text(), e.lang()))).toList();
                    CrossValidation.tally(scored, t).print(System.out, misses);
                    writeScores(scored);
                    return 0;
                }
                System.out.println("== " + cv + "-fold cross-validation over " + examples.size() + " examples (+"
                        + extra.size() + " keywords in training only)");
                List<CrossValidation.Scored> scored = CrossValidation.run(examples, extra,
                        nowords ? no.losen.intent.DangerWords.NONE : Recogniser.dangerWords(loaded.set(), d), cv, settings, seed, knn, bridge);
                CrossValidation.tally(scored, t).print(System.out, misses);
                writeScores(scored);
                var words = Recogniser.dangerWords(loaded.set(), d);
                long alarms = examples.stream().filter(e -> !e.topic().equals(Recogniser.DANGER) && words.matches(e.text(), e.lang()))
                        .peek(e -> {
                            if (misses) {
                                System.out.printf("  danger word %s in %s example [%s] %s%n", words.match(e.text(), e.lang()).orElse(""),
                                        e.topic(), e.lang(), e.text().length() > 60 ? e.text().substring(0, 60) : e.text());
                            }
                        }).count();
                long found = examples.stream().filter(e -> e.topic().equals(Recogniser.DANGER) && words.matches(e.text(), e.lang())).count();
                long dangerous = examples.stream().filter(e -> e.topic().equals(Recogniser.DANGER)).count();
                System.out.printf("danger words alone: %d/%d danger examples, in %d examples of other topics%n", found,
                        dangerous, alarms);
                if (sweep) {
                    sweep(scored, t);
                }
            }
            return 0;
        }

        private void writeScores(List<CrossValidation.Scored> scored) throws IOException {
            if (scoresOut == null) {
                return;
            }
            List<String> lines = new ArrayList<>();
            for (CrossValidation.Scored x : scored) {
                StringBuilder b = new StringBuilder().append(x.example().lang()).append('\t').append(x.example().topic())
                        .append('\t').append(x.dangerWord() ? 1 : 0).append('\t').append(String.format("%.4f", x.scores().danger()))
                        .append('\t').append(x.example().text().replace('\t', ' '));
                x.scores().ranked().forEach(r -> b.append('\t').append(r.topic()).append('\t')
                        .append(String.format("%.4f", r.p())));
                lines.add(b.toString());
            }
            java.nio.file.Files.write(scoresOut, lines);
        }

        /** The bars given on the command line (3, 5 or all 9 numbers), the built-in ones without; null when malformed. */
        static Recogniser.Thresholds thresholds(double[] v) {
            if (v == null) {
                return Recogniser.Thresholds.DEFAULT;
            }
            return switch (v.length) {
                case 3 -> new Recogniser.Thresholds(v[0], v[1], v[2]);
                case 5 -> new Recogniser.Thresholds(v[0], v[1], v[2], (int) v[3], v[4]);
                case 9 -> new Recogniser.Thresholds(v[0], v[1], v[2], (int) v[3], v[4], v[5], v[6], v[7], v[8]);
                default -> null;
            };
        }

        /** The three bars over a grid, the others as given. */
        private static void sweep(List<CrossValidation.Scored> scored, Recogniser.Thresholds given) {
            System.out.println("route  ask    danger  routed  worst-lang  danger-recall  off-topic-routed");
            for (double route : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
                for (double ask : new double[] {0.15, 0.2}) {
                    for (double danger : new double[] {0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.35}) {
                        Tally t = CrossValidation.tally(scored, given.withBars(route, ask, danger));
                        double worst = t.perLanguage().keySet().stream().mapToDouble(t::accuracy).min().orElse(0);
                        int[] d = t.danger();
                        int[] off = t.offTopic();
                        System.out.printf("%.2f   %.2f   %.2f    %.3f   %.3f       %d/%d        %.3f%n", route, ask, danger,
                                t.accuracy(), worst, d[0], d[1], off[1] == 0 ? 0 : (double) (off[1] - off[0]) / off[1]);
                    }
                }
            }
        }
    }
}
