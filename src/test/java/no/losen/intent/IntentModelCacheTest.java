package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.losen.cache.DerivedCache;
import no.losen.content.Examples;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.load.ContentLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intent models and their cache: a model read back is the model training gives. */
class IntentModelCacheTest {

    private static final List<String> MESSAGES = List.of(
            "the boss has not paid my salary", "han truer meg med kniv", "kan jeg få lege uten papirer",
            "hehe god morgen", "أحتاج طبيب", "where do I sleep tonight", "mi-au luat pașaportul");

    @TempDir
    Path tmp;

    private static IntentModel.Scores[] scores(IntentModel m) {
        return MESSAGES.stream().map(t -> m.score(t, "en")).toArray(IntentModel.Scores[]::new);
    }

    @Test
    void trainingTwiceGivesTheSameModel() {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        Dialog help = set.dialog("help").orElseThrow();
        List<Examples.Labelled> data = Recogniser.trainingData(set, help);
        IntentModel a = IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT);
        IntentModel b = IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT);
        assertThat(a.sameAs(b)).isTrue();
    }

    @Test
    void theBundledDialogsModelsReadFromTheCacheAreTheModelsTrained() throws IOException {
        DialogSet set = ContentLoader.load(Path.of(".")).set();
        DerivedCache cache = DerivedCache.at(tmp);
        for (Dialog d : set.dialogs().values()) {
            if (set.examples().of(d.id()).isEmpty()) {
                continue;
            }
            List<Examples.Labelled> data = Recogniser.trainingData(set, d);
            String danger = d.dangerTopic().map(t -> t.target()).orElse(null);
            IntentModel trained = IntentModel.train(data, danger, IntentModel.Settings.DEFAULT, IntentModel.Bridge.NONE, cache);
            IntentModel read = IntentModel.train(data, danger, IntentModel.Settings.DEFAULT, IntentModel.Bridge.NONE, cache);
            assertThat(read).isNotSameAs(trained);
            assertThat(read.sameAs(trained)).as(d.id()).isTrue();
            assertThat(scores(read)).usingRecursiveFieldByFieldElementComparator().containsExactly(scores(trained));
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("intents-"))).isNotEmpty();
        }
    }

    @Test
    void theDangerModelIsTheOneTrainedWithoutMisspeltCopies() {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        List<Examples.Labelled> data = Recogniser.trainingData(set, set.dialog("help").orElseThrow());
        IntentModel.Settings d = IntentModel.Settings.DEFAULT;
        IntentModel with = IntentModel.train(data, "emergency", new IntentModel.Settings(d.solver(), d.c(), d.dangerWeight(), d.eps(), true));
        IntentModel without = IntentModel.train(data, "emergency", new IntentModel.Settings(d.solver(), d.c(), d.dangerWeight(), d.eps(), false));
        for (String m : MESSAGES) {
            assertThat(with.dangerModel(m, "en")).as(m).isEqualTo(without.dangerModel(m, "en"));
        }
        assertThat(with.sameAs(without)).as("the topic model is not").isFalse();
    }

    @Test
    void aChangedExampleTrainsANewModel() throws IOException {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        Dialog help = set.dialog("help").orElseThrow();
        DerivedCache cache = DerivedCache.at(tmp);
        List<Examples.Labelled> data = Recogniser.trainingData(set, help);
        IntentModel before = IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT, IntentModel.Bridge.NONE, cache);
        List<Examples.Labelled> more = new ArrayList<>(data);
        more.add(new Examples.Labelled("en", "wages", "they keep my pay every month"));
        IntentModel after = IntentModel.train(more, "emergency", IntentModel.Settings.DEFAULT, IntentModel.Bridge.NONE, cache);

        assertThat(after.sameAs(before)).isFalse();
        assertThat(after.sameAs(IntentModel.train(more, "emergency", IntentModel.Settings.DEFAULT))).isTrue();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("intents-"))).hasSize(2);
        }
    }

    @Test
    void anotherBridgeIsAnotherKeyAndABridgeWithoutAnIdIsNeverCached() throws IOException {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        List<Examples.Labelled> data = Recogniser.trainingData(set, set.dialog("help").orElseThrow());
        DerivedCache cache = DerivedCache.at(tmp);
        IntentModel.Bridge pay = (text, lang) -> text.contains("salario") ? List.of("wages") : List.of();

        IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT, IntentModel.Bridge.NONE, cache);
        IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT, pay, cache);
        IntentModel named = IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT,
                IntentModel.Bridge.named("pay", pay), cache);

        assertThat(named.score("mi salario", "es"))
                .isEqualTo(IntentModel.train(data, "emergency", IntentModel.Settings.DEFAULT, pay).score("mi salario", "es"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("intents-"))).hasSize(2);
        }
    }

    @Test
    void aRecogniserFromTheCacheReadsMessagesAsATrainedOne() {
        DialogSet set = ContentLoader.load(RecogniserTest.INTENT).set();
        Dialog help = set.dialog("help").orElseThrow();
        DerivedCache cache = DerivedCache.at(tmp);
        Recogniser trained = Recogniser.train(set, cache);
        Recogniser read = Recogniser.train(set, cache);
        AtomicInteger compared = new AtomicInteger();
        for (String m : MESSAGES) {
            assertThat(read.read(help, m, "en")).isEqualTo(trained.read(help, m, "en"));
            compared.incrementAndGet();
        }
        assertThat(compared).hasValue(MESSAGES.size());
    }
}
