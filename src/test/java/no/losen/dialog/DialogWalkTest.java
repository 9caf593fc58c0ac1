package no.losen.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.session.SessionCodec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property: whatever a user does, in any dialog and any language it offers, every step gets a
 * valid reply, and from wherever they are they can reach an end or go back. Random walks mix
 * choices, check lists, typed text (labels, numbers, noise), back, restart and language switches,
 * plus invalid commands that must be refused with a stable code and change nothing. Every
 * session on the way survives the round trip through the form Redis stores.
 *
 * <p>Seeded: a failure prints the seed; rerun with {@code -Dlosen.seed=N} to replay it.
 */
class DialogWalkTest {

    static final long SEED = Long.getLong("losen.seed", 20261123L);
    static final int WALKS = Integer.getInteger("losen.walks", 40);
    static final int STEPS = 60;
    static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.UNKNOWN_CHOICE, ErrorCode.UNKNOWN_LANGUAGE,
            ErrorCode.TOO_LONG);

    /** The fixture always; the shipped content too once it has dialogs and validates. */
    static List<Path> roots() {
        List<Path> roots = new ArrayList<>(List.of(Fixtures.BASIC));
        if (Files.isDirectory(Path.of("dialogs"))) {
            roots.add(Fixtures.REPO);
        }
        return roots;
    }

    @TestFactory
    Stream<DynamicTest> randomWalksOverEveryDialogInEveryLanguage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path root : roots()) {
            Loaded loaded = ContentLoader.load(root);
            assertThat(loaded.ok()).as("content %s validates: %s", root, loaded.errors()).isTrue();
            Engine engine = new Engine(loaded.set(), Map.of("search", (text, lang) -> List.of()));
            for (Dialog d : loaded.set().dialogs().values()) {
                for (String lang : d.languages()) {
                    tests.add(DynamicTest.dynamicTest(root + " " + d.id() + " " + lang,
                            () -> walk(engine, d, lang, SEED ^ (d.id() + lang).hashCode())));
                }
            }
        }
        return tests.stream();
    }

    void walk(Engine engine, Dialog d, String lang, long seed) {
        Random rnd = new Random(seed);
        for (int w = 0; w < WALKS; w++) {
            Engine.Turn t = engine.start(d.id(), lang, true);
            String current = lang;
            for (int step = 0; step < STEPS; step++) {
                String where = "seed=" + seed + " walk=" + w + " step=" + step + " at " + t.session().node();
                check(d, current, t, where);
                assertThat(t.session().history().isEmpty() && !reachesEnd(engine, t)).as("stuck: " + where).isFalse();
                Command c = command(rnd, d, t.reply());
                try {
                    t = engine.apply(t.session(), c);
                    if (c instanceof Command.Lang l) {
                        current = l.lang();
                    }
                } catch (DialogException e) {
                    if (!REFUSALS.contains(e.code())) {
                        fail(where + ": " + c + " failed with " + e.code() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    static void check(Dialog d, String lang, Engine.Turn t, String where) {
        Reply r = t.reply();
        assertThat(r.dialog()).as(where).isEqualTo(d.id());
        assertThat(d.node(r.node())).as(where).isPresent();
        assertThat(r.node()).as(where).isEqualTo(t.session().node());
        assertThat(r.lang()).as(where).isEqualTo(lang);
        assertThat(r.dir()).as(where).isIn("ltr", "rtl");
        assertThat(r.text()).as(where).isNotNull();
        assertThat(r.choices()).as(where).isNotNull().allSatisfy(o -> assertThat(o.label()).isNotBlank());
        assertThat(r.choices().stream().map(Reply.Option::id).distinct().count()).as(where)
                .isEqualTo(r.choices().size());
        assertThat(r.end() || !r.choices().isEmpty() || r.input()).as("a dead end that is not an end: " + where)
                .isTrue();
        assertThat(r.multi()).as(where).isEqualTo(d.node(r.node()).orElseThrow().checklist() != null);
        // The memory store keeps sessions as objects; Redis must be able to hold every one of them too.
        assertThat(SessionCodec.decode(SessionCodec.encode(t.session()))).as("Redis round trip: " + where)
                .isEqualTo(t.session());
    }

    /** Breadth-first over the choices from here: is a node marked {@code end} reachable? */
    static boolean reachesEnd(Engine engine, Engine.Turn from) {
        ArrayDeque<Engine.Turn> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < 2_000) {
            Engine.Turn t = queue.poll();
            if (t.reply().end()) {
                return true;
            }
            if (!seen.add(t.session().node() + t.session().vars())) {
                continue;
            }
            List<Command> next = new ArrayList<>();
            if (t.reply().multi()) {
                next.add(new Command.Choose(List.of(), true));
                next.add(new Command.Choose(t.reply().choices().stream().map(Reply.Option::id).toList(), true));
            } else {
                t.reply().choices().forEach(o -> next.add(Command.Choose.one(o.id())));
            }
            if (t.reply().input()) {
                next.add(new Command.Type("x"));
            }
            for (Command c : next) {
                try {
                    queue.add(engine.apply(t.session(), c));
                } catch (DialogException refused) {
                    // not a way forward
                }
            }
        }
        return false;
    }

    static Command command(Random rnd, Dialog d, Reply r) {
        List<Reply.Option> opts = r.choices();
        int k = rnd.nextInt(100);
        if (k < 55 && !opts.isEmpty()) {
            if (r.multi()) {
                List<String> ticked = opts.stream().filter(o -> rnd.nextBoolean()).map(Reply.Option::id).toList();
                return new Command.Choose(ticked, true);
            }
            return Command.Choose.one(opts.get(rnd.nextInt(opts.size())).id());
        }
        if (k < 70) {
            return new Command.Type(text(rnd, opts));
        }
        if (k < 80) {
            return new Command.Back();
        }
        if (k < 84) {
            return new Command.Restart();
        }
        if (k < 90) {
            return new Command.Lang(d.languages().get(rnd.nextInt(d.languages().size())));
        }
        // Invalid on purpose: must be refused with a stable code, never a fault.
        return switch (rnd.nextInt(3)) {
            case 0 -> Command.Choose.one("no-such-choice-" + rnd.nextInt(9));
            case 1 -> new Command.Lang("xx");
            default -> new Command.Type("y".repeat(Engine.MAX_TEXT + 1));
        };
    }

    static String text(Random rnd, List<Reply.Option> opts) {
        return switch (rnd.nextInt(5)) {
            case 0 -> opts.isEmpty() ? "" : opts.get(rnd.nextInt(opts.size())).label();
            case 1 -> Integer.toString(rnd.nextInt(8));
            case 2 -> rnd.nextInt(4) + " " + rnd.nextInt(4);
            case 3 -> "";
            default -> noise(rnd);
        };
    }

    static String noise(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(switch (rnd.nextInt(4)) {
                case 0 -> 'a' + rnd.nextInt(26);
                case 1 -> 0x0600 + rnd.nextInt(0xff);     // Arabic
                case 2 -> ' ';
                default -> rnd.nextInt(0x2FFF);
            });
        }
        return b.toString();
    }
}
