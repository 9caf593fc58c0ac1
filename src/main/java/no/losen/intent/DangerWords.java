package no.losen.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import no.losen.content.Translations;
import no.losen.intent.internal.Normalizer;
import no.losen.intent.internal.Romanized;

/**
 * Words of danger now, written per language by people ("kniv", "ne dyshit", "*اقتل نفسي"). A model
 * trained from a dozen danger examples per language cannot know every way to say "he has a knife" or
 * "she is not breathing"; a short list can, and a message holding any of them goes to emergency help
 * whatever else it is about. The words of the session's language and English are checked, and those of
 * every language written in another script than Latin (they can only match text in their own script, so
 * an Arabic word reaches a Persian session's Arabic message); other Latin-script languages' words are
 * not, because they collide ("drep", kill in Norwegian, starts "drepturi", rights in Romanian).
 *
 * <p>An entry matches from the start of a word after folding ("kill" finds "killing"); {@code *entry}
 * matches inside a word too, for languages that join prefixes to words (Arabic, Persian, Tigrinya,
 * Amharic: "يقتلني" holds "قتل"); {@code entry$} only up to the end of a word ("hjelp nå$" must not find
 * "hjelp når", which folds to the same letters plus one); {@code =entry} only when it is the whole
 * message, once or repeated ("help", "HELP HELP!!", "помогите помогите"): a bare cry for help is
 * danger now, while the same word in a sentence ("thanks for the help", "I need help with NAV") is
 * not, and a message of a few words needs more than the danger model's low bar (Recogniser.Thresholds).
 *
 * <p>An entry of several words matches with up to {@link #GAP} other words between each two of them:
 * people put a word in ("не хочу <b>більше</b> жити", "ما <b>عاد</b> بدي عيش", "dusi <b>mnie</b> teraz"),
 * and a list of every such variant in twelve languages would never be complete. Cross-validation found
 * such messages among the danger examples the list missed; a false alarm costs a look at the emergency
 * numbers.
 *
 * <p>An entry in Cyrillic, Arabic or Ethiopic script also matches the message typed in Latin letters
 * ({@link Romanized}: "не хочу жить" finds "ne hochu zhit", "بدي موت" finds "bdi mot", "ክሞት ደልየ" finds
 * "kimut delye"), in sessions of its own language, as its other Latin entries do.
 */
public final class DangerWords {

    /** Other words allowed between two words of an entry. */
    static final int GAP = 1;

    /** Shorter romanized forms are left out: "ubu" (убью, I will kill) or "mt" (موت) would start too many Latin words. */
    private static final int MIN_ROMANIZED = 4;

    /** {@code latin}: in Latin letters, as written or as the {@link Romanized} form of an entry in another script. */
    private record Entry(String folded, String[] words, boolean inside, boolean whole, boolean alone, String lang,
                         String written, boolean latin) {
    }

    /** An entry in another script, still to be written in Latin letters. */
    private record Unwritten(String bare, boolean inside, boolean whole, boolean alone, String lang, String written) {
    }

    private final List<Entry> entries;
    /**
     * The entries in other scripts as {@link Romanized} forms, made beside the start: ICU's transliterators
     * take a few hundred milliseconds of a cold JVM to build, and the server is ready without them; a
     * message that needs them waits for them (by then long made).
     */
    private final CompletableFuture<List<Entry>> romanized;

    private DangerWords(List<Entry> entries, CompletableFuture<List<Entry>> romanized) {
        this.entries = List.copyOf(entries);
        this.romanized = romanized;
    }

    public static final DangerWords NONE = new DangerWords(List.of(), CompletableFuture.completedFuture(List.of()));

    /** The words of translation key {@code key} in every language. */
    public static DangerWords of(Translations tr, String key) {
        List<Entry> out = new ArrayList<>();
        List<Unwritten> unwritten = new ArrayList<>();
        for (String lang : tr.codes()) {
            var t = tr.keys(lang).get(key);
            if (t == null) {
                continue;
            }
            for (String w : t.text().split(",")) {
                String s = w.strip();
                boolean alone = s.startsWith("=");
                boolean inside = s.startsWith("*");
                boolean whole = s.endsWith("$");
                String bare = s.substring(inside || alone ? 1 : 0, whole ? s.length() - 1 : s.length());
                String f = Normalizer.fold(bare);
                if (f.length() >= 2) {
                    boolean latin = latin(f);
                    out.add(new Entry(f, f.split(" "), inside, whole, alone, lang, s, latin));
                    if (!latin) {
                        unwritten.add(new Unwritten(bare, inside, whole, alone, lang, s));
                    }
                }
            }
        }
        return new DangerWords(out, CompletableFuture.supplyAsync(() -> romanized(unwritten)));
    }

    private static List<Entry> romanized(List<Unwritten> unwritten) {
        List<Entry> out = new ArrayList<>();
        Map<String, Optional<UnaryOperator<String>>> writers = new HashMap<>();
        for (Unwritten u : unwritten) {
            // a cry that must be the whole message ("erdugn", እርዱኝ) collides with nothing: shorter is fine
            int min = u.alone() ? MIN_ROMANIZED - 1 : MIN_ROMANIZED;
            writers.computeIfAbsent(u.lang(), Romanized::in).map(r -> r.apply(u.bare()))
                    .filter(r -> r.replace(" ", "").length() >= min)
                    .ifPresent(r -> out.add(new Entry(r, r.split(" "), u.inside(), u.whole(), u.alone(), u.lang(), u.written(),
                            true)));
        }
        return List.copyOf(out);
    }

    private static boolean latin(String folded) {
        return folded.codePoints().filter(Character::isLetter).findFirst()
                .stream().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    public boolean matches(String text, String lang) {
        return match(text, lang).isPresent();
    }

    /** The first entry found in {@code text} typed in a session in {@code lang}, with its language ("en: kill"). */
    public Optional<String> match(String text, String lang) {
        String plain = Normalizer.fold(text);
        String[] plainTokens = words(plain);
        Optional<String> found = first(entries, plain, plainTokens, lang);
        if (found.isPresent() || !Romanized.has(lang)) {
            return found;
        }
        // only in a session of a language of another script, typed in Latin letters
        String romanized = Romanized.fold(text, lang);
        return first(this.romanized.join(), romanized, words(romanized), lang);
    }

    private static Optional<String> first(List<Entry> entries, String folded, String[] tokens, String lang) {
        for (Entry e : entries) {
            if (e.latin() && !e.lang().equals(lang) && !e.lang().equals("en")) {
                continue;
            }
            if (e.alone()) {
                if (alone(folded, e.folded())) {
                    return Optional.of(e.lang() + ": " + e.written());
                }
                continue;
            }
            for (int i = 0; i < tokens.length; i++) {
                if (word(tokens[i], e, 0) && rest(tokens, i + 1, e, 1)) {
                    return Optional.of(e.lang() + ": " + e.written());
                }
            }
        }
        return Optional.empty();
    }

    private static String[] words(String folded) {
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }

    /** Words {@code k}… of entry {@code e} follow from {@code tokens[from]}, with at most {@link #GAP} others before each. */
    private static boolean rest(String[] tokens, int from, Entry e, int k) {
        if (k == e.words().length) {
            return true;
        }
        for (int j = from; j < tokens.length && j <= from + GAP; j++) {
            if (word(tokens[j], e, k) && rest(tokens, j + 1, e, k + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Word {@code k} of entry {@code e} matches {@code token}: the first may end a longer word ({@code *}),
     * the last may begin one (unless {@code $}), a word between must be the word itself.
     */
    private static boolean word(String token, Entry e, int k) {
        String w = e.words()[k];
        boolean first = k == 0;
        boolean last = k == e.words().length - 1;
        if (first && e.inside()) {
            return !last ? token.endsWith(w) : e.whole() ? token.endsWith(w) : token.contains(w);
        }
        return last && !e.whole() ? token.startsWith(w) : token.equals(w);
    }

    /** {@code folded} is {@code entry}, once or several times, and nothing else. */
    private static boolean alone(String folded, String entry) {
        String rest = folded;
        while (rest.startsWith(entry) && (rest.length() == entry.length() || rest.charAt(entry.length()) == ' ')) {
            rest = rest.substring(entry.length()).strip();
            if (rest.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
