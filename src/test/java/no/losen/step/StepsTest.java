package no.losen.step;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.dialog.Card;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.ErrorCode;
import no.losen.dialog.Reply;
import no.losen.dialog.TextAction;
import no.losen.metrics.Metrics;
import no.losen.session.FaultyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The one step service: load, engine, save, and one mapping from failure to error code. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StepsTest {

    static final Steps.Caller FLOOD = new Steps.Caller("ws", "192.0.2.1");
    static final Steps.Caller CALM = new Steps.Caller("ws", "192.0.2.2");

    private final CountDownLatch release = new CountDownLatch(1);
    private final FaultyStore store = new FaultyStore(3);
    private TextWorkers workers;
    private volatile String searchedOn;

    /** A search that hangs for "flood" questions (a slow model endpoint) and answers anything else. */
    private final TextAction search = (text, lang) -> {
        searchedOn = Thread.currentThread().getName();
        if (text.startsWith("flood")) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.of(new Card.Hit("handbook", "A title", "A section", "A passage"));
    };

    private Steps steps(TextAction action) {
        workers = new TextWorkers(new TextWorkers.Limits(2, 32, 4, 1));
        return new Steps(Fixtures.engine(Map.of("search", action)), store, workers, 3, Metrics.none());
    }

    @AfterEach
    void down() {
        release.countDown();
        if (workers != null) {
            workers.close();
        }
    }

    private static ErrorCode code(Future<?> f) throws Exception {
        Throwable e = f.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause();
        assertThat(e).isInstanceOf(DialogException.class);
        return ((DialogException) e).code();
    }

    /** A conversation from the flooding address whose four hanging questions take that address's share of the workers. */
    private static String flooding(Steps steps) throws Exception {
        String flood = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        for (int i = 0; i < 4; i++) {
            steps.apply(flood, FLOOD, new Command.Type("flood " + i));
        }
        return flood;
    }

    private static String started(Steps steps, Steps.Caller caller) throws Exception {
        return steps.start(null, caller, "demo", "en", false).await(5, TimeUnit.SECONDS).key();
    }

    @Test
    void typedTextIsAnsweredOnTheWorkersSoOneClientsHangingSearchesHoldNobodyElseUp() throws Exception {
        Steps steps = steps(search);
        String flood = started(steps, FLOOD);
        String calm = started(steps, CALM);
        List<Future<Reply>> hanging = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hanging.add(steps.apply(flood, FLOOD, new Command.Type("flood " + i)));
        }
        assertThat(hanging).noneMatch(Future::isComplete);
        assertThat(code(steps.apply(flood, FLOOD, new Command.Type("flood again")))).isEqualTo(ErrorCode.BUSY);

        Reply answer = steps.apply(calm, CALM, new Command.Type("a question")).await(5, TimeUnit.SECONDS);
        assertThat(answer.cards()).extracting(Card::type).contains("search");
        assertThat(searchedOn).startsWith("losen-text-");
        Reply chosen = steps.apply(calm, CALM, Command.Choose.one("adult")).await(5, TimeUnit.SECONDS);
        assertThat(chosen.node()).isEqualTo("health");

        release.countDown();
        for (Future<Reply> f : hanging) {
            assertThat(f.await(5, TimeUnit.SECONDS).cards()).isNotEmpty();
        }
    }

    /** The threads the intents of {@link #readingDanger} read on: the model, and the words of danger. */
    private final java.util.List<Thread> readOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<Thread> wordsOn = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Steps over the intent fixture's dialog, read by hand: "knife" is a word of danger, "outside" is
     * danger only to the model, anything else no topic.
     */
    private Steps readingDanger() {
        return readingDanger(new TextWorkers.Limits(2, 32, 4, 1));
    }

    /** As {@link #readingDanger()}, with text workers of these limits. */
    private Steps readingDanger(TextWorkers.Limits limits) {
        no.losen.dialog.Intents intents = new no.losen.dialog.Intents() {
            @Override
            public Optional<no.losen.dialog.Reading> read(no.losen.dialog.Dialog d, String text, String lang) {
                readOn.add(Thread.currentThread());
                return Optional.of(text.contains("knife") || text.contains("outside")
                        ? new no.losen.dialog.Reading("emergency", no.losen.dialog.Reading.Kind.SURE, List.of())
                        : no.losen.dialog.Reading.UNKNOWN);
            }

            @Override
            public boolean dangerWord(no.losen.dialog.Dialog d, String text, String lang) {
                wordsOn.add(Thread.currentThread());
                return text.contains("knife");
            }
        };
        workers = new TextWorkers(limits);
        return new Steps(new no.losen.dialog.Engine(no.losen.dialog.load.ContentLoader.load(
                java.nio.file.Path.of("src/test/resources/content/intent")).set(), Map.of("search", search), intents),
                store, workers, 3, Metrics.none());
    }

    @Test
    void everyRefusedMessageIsReadForDangerOnAThreadOfItsOwnNeverOnTheCallers() throws Exception {
        Steps steps = readingDanger();
        String flood = flooding(steps);
        assertThat(code(steps.apply(flood, FLOOD, new Command.Type("where can I sleep")))).isEqualTo(ErrorCode.BUSY);
        // The flood's running question is read on a worker before it hangs in the search; that read, late under
        // load, once fell after the clear below: waited for, the reads after it are the refused messages' alone.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (readOn.stream().noneMatch(t -> t.getName().startsWith("losen-text")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // No budget the flood could spend: each person behind the flooding address, in a conversation of their
        // own, has danger the model alone sees answered with the emergency help every time ...
        readOn.clear();
        for (int i = 0; i < 30; i++) {
            String person = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
            assertThat(steps.apply(person, FLOOD, new Command.Type("he waits outside " + i)).await(5, TimeUnit.SECONDS)
                    .node()).isEqualTo("emergency");
            steps.end(person, FLOOD).await(5, TimeUnit.SECONDS);
        }
        assertThat(readOn).allMatch(t -> t.getName().startsWith("losen-urgent"));
        // ... and a word of danger is found without the model, also on the reader's thread: an event loop
        // reading the words of every refused message was most of what a flood made the event loops do. The
        // flood's own conversation has its reads, three long ones at once: its four short messages read so far
        // (the three waiting behind its first, and the question above) took a fifth of one each, so two long
        // cries are read, and the third is refused unread.
        readOn.clear();
        wordsOn.clear();
        String longCry = "he has a knife " + "x".repeat(UrgentReads.READ);
        for (int i = 0; i < 2; i++) {
            assertThat(steps.apply(flood, FLOOD, new Command.Type(longCry)).await(5, TimeUnit.SECONDS).node())
                    .isEqualTo("emergency");
        }
        assertThat(code(steps.apply(flood, FLOOD, new Command.Type(longCry)))).isEqualTo(ErrorCode.BUSY);
        assertThat(readOn).isEmpty();
        assertThat(wordsOn).hasSize(2).allMatch(t -> t.getName().startsWith("losen-urgent"));
    }

    @Test
    void closingStopsTheUrgentReadersThread() throws Exception {
        Steps steps = readingDanger();
        String flood = flooding(steps);
        assertThat(steps.apply(flood, FLOOD, new Command.Type("he waits outside")).await(5, TimeUnit.SECONDS).node())
                .isEqualTo("emergency");
        Thread reader = readOn.stream().filter(t -> t.getName().startsWith("losen-urgent")).findFirst().orElseThrow();
        steps.close();
        reader.join(5_000);
        assertThat(reader.isAlive()).isFalse();
    }

    @Test
    void aDangerMessageRefusedBecauseItsAddressFloodsIsStillAnsweredWithTheEmergencyHelp() throws Exception {
        Steps steps = readingDanger();
        String flood = flooding(steps);
        String person = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        // The same address's share of the workers is taken: an ordinary question is refused ...
        assertThat(code(steps.apply(person, FLOOD, new Command.Type("where can I sleep")))).isEqualTo(ErrorCode.BUSY);
        // ... text over the length, read for danger, is refused as too long, not as busy: sent again shorter, it may be answered
        assertThat(code(steps.apply(person, FLOOD, new Command.Type("x".repeat(Engine.MAX_TEXT + 1))))).isEqualTo(ErrorCode.TOO_LONG);
        // ... a cry is answered, and the conversation is at the emergency help.
        Reply help = steps.apply(person, FLOOD, new Command.Type("he has a knife")).await(5, TimeUnit.SECONDS);
        assertThat(help.node()).isEqualTo("emergency");
        assertThat(store.peek(person)).map(no.losen.dialog.Session::node).contains("emergency");
        // A flood that ends and starts conversations, each refused and read, leaves the person's reads alone
        // (the independent tester's flood, which spent the budgets of reads per address this replaced): the
        // person's conversation has its own, three long reads at once (the refused question and the knife above
        // took a fifth of one each, the long text a whole one); beyond them a message is refused unread, busy (the
        // widget shows the help-now numbers), until a second later.
        for (int i = 0; i < 40; i++) {
            steps.end(flood, FLOOD).await(5, TimeUnit.SECONDS);
            flood = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
            steps.apply(flood, FLOOD, new Command.Type("outside " + i)).await(5, TimeUnit.SECONDS);
        }
        String longCry = "he is outside " + "x".repeat(UrgentReads.READ);
        assertThat(steps.apply(person, FLOOD, new Command.Type(longCry)).await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
        assertThat(code(steps.apply(person, FLOOD, new Command.Type(longCry)))).isEqualTo(ErrorCode.BUSY);
        // A long text then is unread, so busy (the numbers to call), not too long: it may be the same cry pasted again.
        assertThat(code(steps.apply(person, FLOOD, new Command.Type("x".repeat(Engine.MAX_TEXT) + " he is outside"))))
                .isEqualTo(ErrorCode.BUSY);
        Thread.sleep(1_100);
        assertThat(steps.apply(person, FLOOD, new Command.Type("he is outside again"))
                .await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
    }

    /**
     * A channel whose person waits for a message, not at a screen (SMS), may wait for the workers: a step refused
     * {@code busy} is tried again until its patience is spent. A gateway need not retry a 503, and an independent
     * tester's SMS questions during a flood got nothing.
     */
    @Test
    void aPatientStepRefusedBusyIsTriedAgainUntilAPlaceIsFreeAndRefusedOnlyWhenItsPatienceIsSpent() throws Exception {
        Steps steps = readingDanger();
        flooding(steps);
        String person = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        java.util.function.Function<Optional<no.losen.dialog.Session>, Outcome<String>> answer =
                s -> Outcome.keep("answered", s.orElseThrow());
        // The address's share is taken for longer than its patience: refused busy, after trying for it.
        long t0 = System.nanoTime();
        Future<String> impatient = steps.typed(person, FLOOD, "where can I sleep", answer, s -> Optional.empty(),
                Duration.ofSeconds(1));
        assertThat(code(impatient)).isEqualTo(ErrorCode.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("tried again at 0.25 and 0.75 s")
                .isBetween(Duration.ofMillis(700), Duration.ofMillis(1_500));
        // A place frees while it waits: answered.
        Future<String> patient = steps.typed(person, FLOOD, "where can I sleep", answer, s -> Optional.empty(),
                Duration.ofSeconds(8));
        Thread.sleep(600);
        assertThat(patient.isComplete()).as("still waiting for a place").isFalse();
        release.countDown();
        assertThat(patient.await(5, TimeUnit.SECONDS)).isEqualTo("answered");
    }

    /**
     * A message the workers refused is answered once its read for danger is; a read waits for the reader at most
     * {@link UrgentReads#LONGEST_WAIT}, so a patient step whose read is stuck behind others still gets its tries
     * (an independent tester's 400 phones through one SMS gateway: questions answered 503 after 22–37 s, or not within
     * 40 s); and its read is tried again at the next try, so a cry among such messages still gets the help.
     */
    @Test
    void aPatientStepIsNotHeldByAStuckReaderAndItsUnreadCryIsReadAtALaterTry() throws Exception {
        Steps steps = readingDanger();
        flooding(steps);   // the address's share of the workers, taken
        CountDownLatch reader = new CountDownLatch(1);
        java.util.function.Function<Optional<no.losen.dialog.Session>, Outcome<String>> answer =
                s -> Outcome.keep("answered", s.orElseThrow());
        try {
            String other = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
            steps.typed(other, FLOOD, "a long story", answer, s -> {
                try {
                    reader.await();   // this read holds the reader's one thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }, Duration.ZERO);
            String person = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
            long t0 = System.nanoTime();
            Future<String> question = steps.typed(person, FLOOD, "where can I sleep", answer, s -> Optional.empty(),
                    Duration.ofSeconds(3));
            assertThat(question.transform(Future::succeededFuture).await(8, TimeUnit.SECONDS).cause())
                    .isInstanceOfSatisfying(DialogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("within its patience, not held by the reader")
                    .isLessThan(Duration.ofMillis(4_500));
            Future<String> cry = steps.typed(person, FLOOD, "he is outside", answer,
                    s -> Optional.of(Outcome.keep("help", s.orElseThrow())), Duration.ofSeconds(8));
            Thread.sleep(1_500);   // its first read taken back unread
            reader.countDown();
            assertThat(cry.await(8, TimeUnit.SECONDS)).as("read at a later try").isEqualTo("help");
        } finally {
            reader.countDown();
        }
    }

    @Test
    void aCryAtTheEndOfATextTooLongToAnswerIsStillAnsweredWithTheEmergencyHelp() throws Exception {
        Steps steps = readingDanger();
        String person = steps.start(null, CALM, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        String story = "We came here last year and it was hard. ".repeat(40);
        // A word of danger within the last characters read, and danger only the model sees at the very end.
        assertThat(steps.apply(person, CALM, new Command.Type(story + "Now he has a knife."))
                .await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
        assertThat(store.peek(person)).map(no.losen.dialog.Session::node).contains("emergency");
        String other = steps.start(null, CALM, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        assertThat(steps.apply(other, CALM, new Command.Type(story + "He waits outside."))
                .await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
        // Anything else is refused as too long, the conversation where it was ...
        String calm = steps.start(null, CALM, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        String before = store.peek(calm).orElseThrow().node();
        assertThat(code(steps.apply(calm, CALM, new Command.Type(story)))).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(store.peek(calm)).map(no.losen.dialog.Session::node).contains(before);
        // ... as is a word of danger in the middle of more than is read (a flood of long frames stays cheap) ...
        String middle = "x".repeat(Engine.READ_WHEN_TOO_LONG) + " He has a knife. " + "x".repeat(Engine.READ_WHEN_TOO_LONG);
        assertThat(code(steps.apply(calm, CALM, new Command.Type(middle)))).isEqualTo(ErrorCode.TOO_LONG);
        // ... but a cry told first, before the story, is read: by the words, and by the model.
        assertThat(steps.apply(person, CALM, new Command.Type("He has a knife. " + "x".repeat(2 * Engine.READ_WHEN_TOO_LONG)))
                .await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
        assertThat(steps.apply(other, CALM, new Command.Type("He waits outside. " + story))
                .await(5, TimeUnit.SECONDS).node()).isEqualTo("emergency");
        assertThat(wordsOn).allMatch(t -> t.getName().startsWith("losen-urgent"));
    }

    /**
     * An address whose questions have spent its rate (a flood that has just stopped, or a shelter that asked a lot):
     * the next question waits for its turn, but a cry among them is read at once, as a refused one would be (an
     * independent tester's cries waited 1.3–1.9 s there).
     */
    @Test
    void aCryWaitingForItsAddressesRateIsReadAtOnceAndAnsweredWithTheEmergencyHelp() throws Exception {
        Steps steps = readingDanger(new TextWorkers.Limits(2, 32, 4, 1, 0.1, 1));   // one at once, then one in 10 s
        String person = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        steps.apply(person, FLOOD, new Command.Type("where can I sleep")).await(5, TimeUnit.SECONDS);
        Future<Reply> waiting = steps.apply(person, FLOOD, new Command.Type("where can I eat"));
        Reply help = steps.apply(person, FLOOD, new Command.Type("he has a knife")).await(3, TimeUnit.SECONDS);
        assertThat(help.node()).isEqualTo("emergency");
        assertThat(store.peek(person)).map(no.losen.dialog.Session::node).contains("emergency");
        Thread.sleep(200);
        assertThat(waiting.isComplete()).as("an ordinary question still waits for its turn, it is not refused").isFalse();
        assertThat(workers.held()).as("the cry gave its place back").isEqualTo(1);
    }

    /** The flooding address's search, hanging on {@code steps}' one thread once this returns. */
    private Future<Reply> searchingOnTheOneThread(Steps steps) throws Exception {
        String flood = steps.start(null, FLOOD, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        Future<Reply> searching = steps.apply(flood, FLOOD, new Command.Type("flood 0"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (workers.held() == 0 && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        return searching;
    }

    /**
     * A cry from an address of its own, waiting for a thread behind other addresses' searches, is read at once and
     * answered with the emergency help: an independent tester's twenty addresses, each within its limits, kept such
     * cries waiting 0.2–1 s for the emergency numbers, longer than a cry from the flooding address itself.
     */
    @Test
    void aCryWaitingForAThreadBehindOtherAddressesSearchesIsReadAtOnce() throws Exception {
        Steps steps = readingDanger(new TextWorkers.Limits(1, 32, 4, 1));   // one thread
        Future<Reply> searching = searchingOnTheOneThread(steps);
        String person = steps.start(null, CALM, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        Reply help = steps.apply(person, CALM, new Command.Type("he has a knife")).await(3, TimeUnit.SECONDS);
        assertThat(help.node()).isEqualTo("emergency");
        assertThat(searching.isComplete()).as("the search it waited behind still runs").isFalse();
        assertThat(workers.held()).as("the cry gave its place back").isEqualTo(1);
    }

    /**
     * A person who typed three quick questions and then the cry: the questions wait for the one thread behind
     * another address's search, and the cry waits behind them in its own address's lane. It is read at once: an
     * independent tester's such cries waited 2–16 s, or were refused, while the same cry alone took milliseconds.
     */
    @Test
    void aCryTypedRightAfterAFewQuestionsOfOnesOwnIsReadAtOnceWhileTheyWait() throws Exception {
        Steps steps = readingDanger(new TextWorkers.Limits(1, 32, 4, 1));   // one thread
        Future<Reply> searching = searchingOnTheOneThread(steps);
        String person = steps.start(null, CALM, "help", "en", false).await(5, TimeUnit.SECONDS).key();
        List<Future<Reply>> questions = new java.util.ArrayList<>();
        for (String q : List.of("where can I sleep", "can I see a doctor", "do I get money")) {
            questions.add(steps.apply(person, CALM, new Command.Type(q)));
        }
        Reply help = steps.apply(person, CALM, new Command.Type("he has a knife")).await(3, TimeUnit.SECONDS);
        assertThat(help.node()).isEqualTo("emergency");
        assertThat(questions).as("the questions keep their turn").noneMatch(Future::isComplete);
        assertThat(workers.held()).as("the cry gave its place back").isEqualTo(4);
        assertThat(searching.isComplete()).isFalse();
    }

    @Test
    void aStepThatRanWhileItsConversationWasEndedDoesNotBringItBack() throws Exception {
        Steps steps = steps(search);
        String key = started(steps, CALM);
        // Another socket on the same token ends the conversation while this step runs.
        Future<String> step = steps.run(key, CALM, false, s -> {
            store.remove(key);
            return Outcome.keep("moved", s.orElseThrow().at("elsewhere", s.orElseThrow().vars()));
        });
        assertThat(code(step)).isEqualTo(ErrorCode.NO_SESSION);
        assertThat(store.peek(key)).as("ended stays erased").isEmpty();
    }

    @Test
    void aStartOverAnEndedConversationIsANewConversationUnderANewKey() throws Exception {
        Steps steps = steps(search);
        String key = started(steps, CALM);
        String again = steps.start(key, CALM, "demo", "en", false).await(5, TimeUnit.SECONDS).key();
        assertThat(again).as("a conversation still stored starts over under its key").isEqualTo(key);
        steps.end(key, CALM).await(5, TimeUnit.SECONDS);   // say, from another socket on the same key
        String fresh = steps.start(key, CALM, "demo", "en", false).await(5, TimeUnit.SECONDS).key();
        assertThat(fresh).isNotEqualTo(key);
        assertThat(store.peek(key)).as("ended stays erased").isEmpty();
        assertThat(store.peek(fresh)).isPresent();
    }

    @Test
    void startsAndEndsFromOneClientAreLoggedOnceAMinuteEachOtherClientsStill() throws Exception {
        Steps steps = steps(search);
        Logger log = (Logger) LoggerFactory.getLogger(Steps.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        log.addAppender(captured);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            for (int i = 0; i < 3; i++) {
                String key = steps.start(null, FLOOD, "demo", "en", false).await(5, TimeUnit.SECONDS).key();
                steps.end(key, FLOOD).await(5, TimeUnit.SECONDS);
            }
            steps.start(null, CALM, "demo", "en", false).await(5, TimeUnit.SECONDS);
        } finally {
            log.detachAppender(captured);
            log.setLevel(null);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.startsWith("event=session.start")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.startsWith("event=session.end")).hasSize(1);
    }

    @Test
    void endSucceedsOnlyOnceTheStoreHasDeletedTheSession() throws Exception {
        Steps steps = steps(search);
        String key = started(steps, CALM);
        store.mode = FaultyStore.Mode.DOWN;
        assertThat(code(steps.end(key, CALM))).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(store.peek(key)).isPresent();
        store.mode = FaultyStore.Mode.UP;
        steps.end(key, CALM).await(5, TimeUnit.SECONDS);
        assertThat(store.peek(key)).isEmpty();
    }

    @Test
    void everyFailureBecomesOneErrorCodeAndOnlyAFaultIsLoggedWithoutItsMessage() throws Exception {
        Steps steps = steps((text, lang) -> {
            throw new IllegalStateException("the user typed: my name is Secret");
        });
        Logger log = (Logger) LoggerFactory.getLogger(Steps.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try {
            String key = started(steps, CALM);
            assertThat(code(steps.apply(key, CALM, Command.Choose.one("nope")))).isEqualTo(ErrorCode.UNKNOWN_CHOICE);
            assertThat(code(steps.apply(key, CALM, new Command.Type("anything")))).isEqualTo(ErrorCode.INTERNAL);
            assertThat(code(steps.apply(null, CALM, new Command.Back()))).isEqualTo(ErrorCode.NO_SESSION);
            store.mode = FaultyStore.Mode.DOWN;
            assertThat(code(steps.apply(key, CALM, new Command.Back()))).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(code(steps.start(null, CALM, "demo", "en", false))).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(code(steps.resume(key, false, k -> true))).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(code(steps.run("sms:x", CALM, true, s -> Outcome.answer("x")))).isEqualTo(ErrorCode.UNAVAILABLE);
        } finally {
            log.detachAppender(captured);
        }
        List<ILoggingEvent> errors = captured.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).toList();
        assertThat(errors).as("one fault, logged once; refusals and the outage are not errors").hasSize(1);
        ILoggingEvent fault = errors.get(0);
        assertThat(fault.getFormattedMessage()).isEqualTo("event=step.fault cause=java.lang.IllegalStateException");
        assertThat(fault.getThrowableProxy().getMessage()).doesNotContain("Secret");
    }

    @Test
    void whileTheStoreIsKnownDownAStepFailsAtOnceWithoutCallingIt() throws Exception {
        Steps steps = steps(search);
        String key = started(steps, CALM);
        store.mode = FaultyStore.Mode.HANG;
        store.knownDown = true;
        Future<Reply> f = steps.apply(key, CALM, new Command.Back());
        assertThat(f.failed()).isTrue();
        assertThat(code(f)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(code(steps.end(key, CALM))).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(store.hanging()).isZero();
        assertThat(steps.storeDown()).isTrue();
    }

    @Test
    void aNewConversationIsRefusedWhenTheStoreIsFullButAnExistingOneGoesOn() throws Exception {
        Steps steps = steps(search);
        String a = started(steps, CALM);
        started(steps, CALM);
        started(steps, CALM);
        assertThat(code(steps.start(null, CALM, "demo", "en", false))).isEqualTo(ErrorCode.BUSY);
        assertThat(steps.start(a, CALM, "demo", "nb", false).await(5, TimeUnit.SECONDS).key()).isEqualTo(a);
        assertThat(code(steps.run("sms:new", CALM, false, s -> Outcome.keep("hi",
                steps.engine().start("demo", "en", false).session())))).isEqualTo(ErrorCode.BUSY);
        assertThat(steps.apply(a, CALM, Command.Choose.one("adult")).await(5, TimeUnit.SECONDS).node()).isEqualTo("health");
    }

    @Test
    void aStaffConversationIsResumedOnlyByStaffAndOnlyUnderTheLogInThatStartedIt() throws Exception {
        Steps steps = steps(search);
        String key = steps.start(null, CALM, "demo-staff", null, true).await(5, TimeUnit.SECONDS).key();
        assertThat(code(steps.resume(key, false, k -> true))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(steps.resume(key, true, k -> true).await(5, TimeUnit.SECONDS).dialog()).isEqualTo("demo-staff");
        assertThat(code(steps.resume(key, true, k -> false))).as("another log-in's staff conversation").isEqualTo(ErrorCode.NO_SESSION);
        assertThat(code(steps.resume("not a token", true, k -> true))).isEqualTo(ErrorCode.NO_SESSION);
    }

    @Test
    void runStoresErasesOrLeavesTheSessionAsTheStepSays() throws Exception {
        Steps steps = steps(search);
        var first = steps.engine().start("demo", "en", false).session();
        assertThat(steps.run("sms:p", CALM, false, s -> {
            assertThat(s).isEmpty();
            return Outcome.keep("kept", first);
        }).await(5, TimeUnit.SECONDS)).isEqualTo("kept");
        assertThat(store.peek("sms:p")).contains(first);
        assertThat(steps.run("sms:p", CALM, true, s -> Outcome.answer(s.map(x -> x.node()).orElse("none")))
                .await(5, TimeUnit.SECONDS)).isEqualTo("hello");
        steps.run("sms:p", CALM, false, s -> Outcome.erase("gone")).await(5, TimeUnit.SECONDS);
        assertThat(store.peek("sms:p")).isEqualTo(Optional.empty());
    }

    /** Steps over a store of its own where each client may start two new conversations a minute. */
    private Steps withBudgetOfTwo() {
        workers = new TextWorkers(new TextWorkers.Limits(2, 32, 4, 1));
        return new Steps(Fixtures.engine(Map.of("search", search)),
                new no.losen.session.MemorySessionStore(java.time.Duration.ofMinutes(30), 1000), workers, 1000,
                new NewSessions(new NewSessions.Budget(2, java.time.Duration.ofMinutes(1))), Metrics.none());
    }

    @Test
    void aClientOverItsBudgetOfNewConversationsIsBusyAloneWhileItsRunningOnesAndOtherClientsGoOn() throws Exception {
        Steps steps = withBudgetOfTwo();
        String a = started(steps, FLOOD);
        started(steps, FLOOD);
        assertThat(code(steps.start(null, FLOOD, "demo", "en", false))).isEqualTo(ErrorCode.BUSY);
        // SMS: a new phone session is created by run(); its budget is the phone's, not the address's.
        Steps.Caller phone = new Steps.Caller("sms", "phone-key-1");
        for (int i = 0; i < 2; i++) {
            steps.run("sms:a" + i, phone, false, s -> Outcome.keep("hi", steps.engine().start("demo", "en", false)
                    .session())).await(5, TimeUnit.SECONDS);
        }
        assertThat(code(steps.run("sms:a3", phone, false, s -> Outcome.keep("hi",
                steps.engine().start("demo", "en", false).session())))).isEqualTo(ErrorCode.BUSY);
        // Its running conversation goes on and starts over at no cost; another client still starts.
        assertThat(steps.apply(a, FLOOD, Command.Choose.one("adult")).await(5, TimeUnit.SECONDS).node()).isEqualTo("health");
        assertThat(steps.start(a, FLOOD, "demo", "nb", false).await(5, TimeUnit.SECONDS).key()).isEqualTo(a);
        assertThat(started(steps, CALM)).isNotNull();
        // An unknown dialog costs no token.
        assertThat(code(steps.start(null, CALM, "no-such-dialog", "en", false))).isEqualTo(ErrorCode.UNKNOWN_DIALOG);
        assertThat(started(steps, CALM)).isNotNull();
    }

    /**
     * A flood behind one address that ends and starts conversations in turn no longer spends the address's
     * budget, so a person behind the same address still starts (before: {@code busy} at start for some 17 s
     * in an independent tester's runs); a conversation left without {@code end}, or ended twice, still counts.
     */
    @Test
    void anEndedConversationGivesItsStartBackSoChurningWithEndSpendsNothing() throws Exception {
        Steps steps = withBudgetOfTwo();
        for (int i = 0; i < 20; i++) {
            steps.end(started(steps, FLOOD), FLOOD).await(5, TimeUnit.SECONDS);
        }
        String person = started(steps, FLOOD);
        assertThat(person).as("after twenty started and ended, a person still starts").isNotNull();
        String left = started(steps, FLOOD);
        assertThat(code(steps.start(null, FLOOD, "demo", "en", false))).as("two held: the budget").isEqualTo(ErrorCode.BUSY);
        steps.end(left, FLOOD).await(5, TimeUnit.SECONDS);
        steps.end(left, FLOOD).await(5, TimeUnit.SECONDS);   // a second end of the same conversation gives nothing
        started(steps, FLOOD);
        assertThat(code(steps.start(null, FLOOD, "demo", "en", false))).isEqualTo(ErrorCode.BUSY);
    }

    @Test
    void conversationsOnlyStartedFromManyAddressesStopCountingAgainstTheMaximumOnceTheirShortLifeEnds() throws Exception {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        workers = new TextWorkers(new TextWorkers.Limits(2, 32, 4, 1));
        Steps steps = new Steps(Fixtures.engine(Map.of("search", search)),
                new no.losen.session.MemorySessionStore(java.time.Duration.ofMinutes(30), 1000, now::get), workers, 10,
                new NewSessions(NewSessions.Budget.DEFAULT), Metrics.none());
        // A person's conversation that has taken a step, then a flood of starts dropped at once, one per address.
        String person = started(steps, CALM);
        steps.apply(person, CALM, Command.Choose.one("adult")).await(5, TimeUnit.SECONDS);
        for (int i = 0; i < 9; i++) {
            started(steps, new Steps.Caller("ws", "198.51.100." + i));
        }
        Steps.Caller visitor = new Steps.Caller("ws", "203.0.113.7");
        assertThat(code(steps.start(null, visitor, "demo", "en", false))).as("full").isEqualTo(ErrorCode.BUSY);

        now.addAndGet(no.losen.session.SessionStore.STARTED_TTL.plusSeconds(1).toNanos());
        assertThat(started(steps, visitor)).as("the started-only ones are gone; a new visitor gets in").isNotNull();
        assertThat(steps.resume(person, false, k -> true).await(5, TimeUnit.SECONDS).node())
                .as("the person's conversation lives on").isEqualTo("health");
        now.addAndGet(java.time.Duration.ofMinutes(29).toNanos());
        assertThat(steps.resume(person, false, k -> true).await(5, TimeUnit.SECONDS).node()).isEqualTo("health");
    }

    @Test
    void aStoreThatIsUpButFullIsBusyAndOneThatCannotBeReachedIsUnavailable() {
        assertThat(Steps.failure(new no.losen.session.StoreBusyException(null)).code()).isEqualTo(ErrorCode.BUSY);
        assertThat(Steps.failure(new no.losen.session.StoreUnavailableException(null)).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }
}
