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
 * an Arabic word reaches a Persian session's Arabic message); other Latin-script languages' single words
 * are not, because they collide ("drep", kill in Norwegian, starts "drepturi", rights in Romanian), but
 * their entries of two words or more are: a Polish woman in an English session writes "grozi mi
 * śmiercią", and a phrase seldom means something else in another language (an independent tester's
 * cries in Norwegian and Polish, typed in an English session, found no word and, under a flood, no
 * answer but "busy").
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

    /** Words a message may have for a cry or phrase in it to be found misspelt ({@link #cry}). */
    private static final int CRY_WORDS = 4;

    /** Letters a phrase must have to be found typed as one word ({@link #runTogether}). */
    static final int JOINED = 9;
    /**
     * Russian and Ukrainian "не" (not) and a space: an entry that begins with it is also found with the two
     * words typed as one ("дитина недихає", the child is not breathing: an independent tester's cry, not read).
     */
    private static final String NOT_CYRILLIC = "не ";

    /** Letters a single word must have to be found written as heard ({@link #soundsLike}). */
    static final int VOICED = 4;

    /** Consonants a one-word cry must have to be found misspelt ({@link #cry}): fewer are shared by chance. */
    static final int CRY_CONSONANTS = 3;

    /**
     * Letters (spaces not counted) a romanized phrase must have to be read in a session of another language
     * ({@link #romanizedPhrases}): a consonant form of two short words ("bd mt", بدي موت) is also the
     * consonants of everyday English or Norwegian ("bad meeting").
     */
    static final int ANYWHERE = 7;

    /**
     * The longest message read in another language than the session's ({@link #match}): a cry in another
     * language is short, and a story of 1,000 characters read in three more forms took 0.9 ms instead of
     * 0.25 (every message refused for a flood is read, step.UrgentReads).
     */
    static final int GUESSED = 300;

    /** Shorter romanized forms are left out: "ubu" (убью, I will kill) or "mt" (موت) would start too many Latin words. */
    private static final int MIN_ROMANIZED = 4;

    /** {@code latin}: in Latin letters, as written or as the {@link Romanized} form of an entry in another script. */
    private record Entry(String folded, String[] words, boolean inside, boolean whole, boolean alone, String lang,
                         String written, boolean latin, boolean romanized) {
    }

    /** An entry in another script, still to be written in Latin letters. */
    private record Unwritten(String bare, boolean inside, boolean whole, boolean alone, String lang, String written) {
    }

    private final Lookup entries;
    /**
     * Which language a message is written in, to read a cry in another language than the session's
     * ({@link #match}): the dialog's, learnt beside the start ({@code Recogniser}); null: none.
     */
    private final CompletableFuture<LanguageGuess> languages;
    /**
     * The entries in other scripts as {@link Romanized} forms, made beside the start: ICU's transliterators
     * take a few hundred milliseconds of a cold JVM to build, and the server is ready without them; a
     * message that needs them waits for them (by then long made).
     */
    private final CompletableFuture<Lookup> romanized;
    /**
     * The romanized entries of {@link #ANYWHERE} letters or more and two words or more, by the language whose
     * {@link Romanized#form} folds a text for them (one for ru and uk, one for ar and fa, one for am and ti):
     * read in a session of any language, as other languages' Latin phrases are ("rasen megdel efeligalehu",
     * Amharic I want to kill myself, typed in an English session: an independent tester's cry, not read).
     */
    private final CompletableFuture<Map<String, Lookup>> romanizedPhrases;

    /**
     * Words of asking per language ({@code +fadlan}, {@code +s'il vous plaît}), folded: a cry that must be the
     * whole message ({@code =i caawiya}) is still the whole message with one of them before or after it
     * ("i cawiya fadlan", help me please: blind set 12 missed it). Lists that spelt each such pair out
     * ("=help please", "=please help") cannot hold every cry with every way of asking in every language.
     */
    private final Map<String, List<String>> asking;

    private DangerWords(List<Entry> entries, CompletableFuture<List<Entry>> romanized, Map<String, List<String>> asking,
                        CompletableFuture<LanguageGuess> languages) {
        this.entries = new Lookup(entries);
        this.romanized = romanized.thenApply(Lookup::new);
        this.romanizedPhrases = romanized.thenApply(DangerWords::phrasesByForm);
        this.asking = Map.copyOf(asking);
        this.languages = languages;
    }

    private static Map<String, Lookup> phrasesByForm(List<Entry> romanized) {
        Map<String, String> folder = new HashMap<>();
        Map<String, List<Entry>> by = new java.util.TreeMap<>();
        for (Entry e : romanized) {
            if (e.words().length >= 2 && e.folded().replace(" ", "").length() >= ANYWHERE) {
                String lang = folder.computeIfAbsent(Romanized.form(e.lang()).orElseThrow(), f -> e.lang());
                by.computeIfAbsent(lang, k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, Lookup> out = new java.util.LinkedHashMap<>();
        by.forEach((lang, list) -> out.put(lang, new Lookup(list)));
        return out;
    }

    /**
     * Entries by their first word, so a message is compared with the entries whose first word begins
     * one of its words rather than with all of them: over a story of 1,000 characters trying every
     * entry at every word took 0.9 ms, and every message refused for a flood is read for these words (on
     * the urgent reader's thread, step.UrgentReads; on an event loop until 2026-12-06). Entries matched
     * inside a word ({@code *}) or as the whole message ({@code =}) are few and are tried in turn, an
     * entry inside a word only when the message holds it somewhere (one scan of the message, not one per
     * word). The entry found is still the first in list order. The whole read of 1,000 characters:
     * 0.4–0.7 ms ({@code bench/jmh DangerWordsBench}; it was 1.8–4.1 ms while every phrase was compared
     * with every word to find it typed as one).
     */
    private static final class Lookup {
        final List<Entry> entries;
        final Map<String, int[]> byFirst;
        final int[] inTurn;
        /** The script of each entry tried in turn: an entry in Arabic letters cannot be inside a word in Latin ones. */
        final Character.UnicodeScript[] scripts;
        final int longestFirst;
        /** The one-word cries in Latin letters ({@code =komak}), by index, and their consonants ({@link #consonants}). */
        final int[] cries;
        final String[] cryConsonants;
        /** The entries of two words or more in Latin letters, by index, and the consonants of each of their words. */
        final int[] phrases;
        final String[][] phraseConsonants;
        /** Each of those phrases with its spaces left out, null when shorter than {@link #JOINED} ({@link #runTogether}). */
        final String[] phraseJoined;
        /** The single Latin words of {@link #VOICED} letters or more, by their {@link #voiced} form ({@link #soundsLike}). */
        final Map<String, int[]> byVoiced;
        /** The single Latin words with a digit (Arabizi), by their {@link #consonants} of three or more ({@link #arabizi}). */
        final Map<String, int[]> byDigitConsonants;
        final int longestDigitConsonants;

        Lookup(List<Entry> list) {
            this.entries = List.copyOf(list);
            Map<String, List<Integer>> first = new HashMap<>();
            List<Integer> turn = new ArrayList<>();
            List<Integer> cry = new ArrayList<>();
            List<Integer> phrase = new ArrayList<>();
            int longest = 0;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (e.alone() || e.inside()) {
                    turn.add(i);
                } else {
                    first.computeIfAbsent(e.words()[0], k -> new ArrayList<>()).add(i);
                    longest = Math.max(longest, e.words()[0].length());
                }
                if (e.alone() && e.latin() && e.words().length == 1 && consonants(e.folded()).length() >= CRY_CONSONANTS) {
                    cry.add(i);
                }
                if (e.latin() && !e.inside() && e.words().length >= 2 && e.words().length <= CRY_WORDS
                        && consonants(e.folded().replace(" ", "")).length() >= CRY_CONSONANTS) {
                    phrase.add(i);
                }
            }
            this.byFirst = indexes(first);
            // single words as typed in Latin letters: found written as heard, or in Arabizi with other vowels
            Map<String, List<Integer>> voiced = new HashMap<>();
            Map<String, List<Integer>> digits = new HashMap<>();
            int longestDigits = 0;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (!e.latin() || e.romanized() || e.inside() || e.alone() || e.words().length != 1) {
                    continue;
                }
                if (e.folded().length() >= VOICED) {
                    voiced.computeIfAbsent(voiced(e.folded()), k -> new ArrayList<>()).add(i);
                }
                String c = consonants(e.folded());
                if (hasDigit(e.folded()) && c.length() >= CRY_CONSONANTS) {
                    digits.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
                    longestDigits = Math.max(longestDigits, c.length());
                }
            }
            this.byVoiced = indexes(voiced);
            this.byDigitConsonants = indexes(digits);
            this.longestDigitConsonants = longestDigits;
            this.inTurn = turn.stream().mapToInt(Integer::intValue).toArray();
            this.scripts = new Character.UnicodeScript[inTurn.length];
            for (int i = 0; i < inTurn.length; i++) {
                scripts[i] = script(entries.get(inTurn[i]).folded());
            }
            this.longestFirst = longest;
            this.cries = cry.stream().mapToInt(Integer::intValue).toArray();
            this.cryConsonants = cry.stream().map(i -> consonants(entries.get(i).folded())).toArray(String[]::new);
            this.phrases = phrase.stream().mapToInt(Integer::intValue).toArray();
            this.phraseConsonants = phrase.stream().map(i -> java.util.Arrays.stream(entries.get(i).words())
                    .map(DangerWords::consonants).toArray(String[]::new)).toArray(String[][]::new);
            this.phraseJoined = phrase.stream().map(i -> entries.get(i).folded().replace(" ", ""))
                    .map(j -> j.length() < JOINED ? null : j).toArray(String[]::new);
        }
    }

    /** Each key's entry indices as an array: looked up for every word of every message read. */
    private static Map<String, int[]> indexes(Map<String, List<Integer>> lists) {
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((k, l) -> out.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    public static final DangerWords NONE = new DangerWords(List.of(), CompletableFuture.completedFuture(List.of()), Map.of(), null);

    /** The words of translation key {@code key} in every language, read in the session's language (and as {@link #match} says). */
    public static DangerWords of(Translations tr, String key) {
        return of(tr, key, null);
    }

    /**
     * The words of translation key {@code key} in every language; a message {@code languages} is sure is
     * written in another language than the session's is read in that language too.
     */
    public static DangerWords of(Translations tr, String key, CompletableFuture<LanguageGuess> languages) {
        List<Entry> out = new ArrayList<>();
        List<Unwritten> unwritten = new ArrayList<>();
        Map<String, List<String>> asking = new HashMap<>();
        for (String lang : tr.codes()) {
            var t = tr.keys(lang).get(key);
            if (t == null) {
                continue;
            }
            for (String w : t.text().split(",")) {
                String s = w.strip();
                if (s.startsWith("+")) {
                    String f = Normalizer.fold(s.substring(1));
                    if (!f.isEmpty()) {
                        asking.computeIfAbsent(lang, k -> new ArrayList<>()).add(f);
                    }
                    continue;
                }
                boolean alone = s.startsWith("=");
                boolean inside = s.startsWith("*");
                boolean whole = s.endsWith("$");
                String bare = s.substring(inside || alone ? 1 : 0, whole ? s.length() - 1 : s.length());
                String f = Normalizer.fold(bare);
                if (f.length() >= 2) {
                    boolean latin = latin(f);
                    out.add(new Entry(f, f.split(" "), inside, whole, alone, lang, s, latin, false));
                    if (f.startsWith(NOT_CYRILLIC) && f.indexOf(' ', NOT_CYRILLIC.length()) != NOT_CYRILLIC.length()) {
                        // "не дихає" typed "недихає": the particle glued to its verb, as the spoken phrase is one word
                        String glued = "не" + f.substring(NOT_CYRILLIC.length());
                        out.add(new Entry(glued, glued.split(" "), inside, whole, alone, lang, s, false, false));
                    }
                    if (!latin) {
                        unwritten.add(new Unwritten(bare, inside, whole, alone, lang, s));
                    }
                }
            }
        }
        return new DangerWords(out, CompletableFuture.supplyAsync(() -> romanized(unwritten)), asking, languages);
    }

    private static List<Entry> romanized(List<Unwritten> unwritten) {
        List<Entry> out = new ArrayList<>();
        Map<String, Optional<UnaryOperator<String>>> writers = new HashMap<>();
        for (Unwritten u : unwritten) {
            // a cry that must be the whole message ("erdugn", እርዱኝ) collides with nothing: shorter is fine
            int min = u.alone() ? MIN_ROMANIZED - 1 : MIN_ROMANIZED;
            Optional<UnaryOperator<String>> writer = writers.computeIfAbsent(u.lang(), Romanized::in);
            java.util.Set<String> forms = new java.util.LinkedHashSet<>();
            for (String spelling : spellings(u.bare())) {
                writer.map(r -> r.apply(spelling)).filter(r -> r.replace(" ", "").length() >= min).ifPresent(forms::add);
            }
            forms.forEach(r -> out.add(new Entry(r, r.split(" "), u.inside(), u.whole(), u.alone(), u.lang(), u.written(),
                    true, true)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code bare} as written, and in Russian or Ukrainian with ё (often written е: "убьет") as о too:
     * people type ё as "yo" or "o" ("on menya ubyot", he will kill me: an independent tester's cry, not
     * found), while a transliteration writes it e.
     */
    private static List<String> spellings(String bare) {
        String o = bare.replace('ё', 'о').replace("ье", "ьо").replace("ъе", "ъо");
        return o.equals(bare) ? List.of(bare) : List.of(bare, o);
    }

    /** Whether the first letter of {@code folded} is a Latin one (a loop, not a stream: it runs for every word of a message). */
    private static boolean latin(String folded) {
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            if (Character.isLetter(c)) {
                return c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    public boolean matches(String text, String lang) {
        return match(text, lang).isPresent();
    }

    /**
     * The first entry found in {@code text} typed in a session in {@code lang}, with its language ("en: kill").
     * A message of at most {@link #GUESSED} characters is read twice more: when it is found to be in another
     * language ({@link LanguageGuess#sure}), as in a session of that language, since people write a cry in
     * the language they think in, whatever they chose at the start ("wuxuu haystaa mindi", Somali he has a
     * knife, in a French session: the word is Somali's alone, and other Latin-script languages' single
     * words are not read); and for the phrases of every language of another script typed in Latin letters
     * ({@link #romanizedPhrases}).
     */
    public Optional<String> match(String text, String lang) {
        Optional<String> found = read(text, lang);
        if (found.isPresent()) {
            return found;
        }
        for (String held : heldDown(text)) {
            if ((found = read(held, lang)).isPresent()) {
                return found;
            }
        }
        if (text.length() > GUESSED) {
            return Optional.empty();
        }
        if (languages != null) {
            Optional<String> other = languages.join().sure(text).filter(l -> !l.equals(lang));
            if (other.isPresent() && (found = read(text, other.get())).isPresent()) {
                return found;
            }
        }
        if (!latin(text)) {
            return Optional.empty();
        }
        Optional<String> sessionForm = Romanized.form(lang);
        for (var phrases : romanizedPhrases.join().entrySet()) {
            if (!Romanized.form(phrases.getKey()).equals(sessionForm)) {
                String folded = Romanized.fold(text, phrases.getKey());
                found = first(phrases.getValue(), folded, words(folded), phrases.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code text} with its letters held down written plainly, when it has any: a run of three or more of one
     * letter written once and written twice ("AIDEZ MOIIII" is "aidez moi", "killlll" is "kill"), and in Arabic
     * script a doubled letter written once too ("ساعدووني", help me), where the spelling doubles none (a
     * doubled consonant is a mark over one letter, which folding drops). A frightened person stretches a cry;
     * an independent tester's stretched cries in Arabic, Persian, Russian, Ukrainian and French were not read
     * (13 of 19 found), while the same words unstretched were. Empty when nothing is held down: most messages
     * are read once.
     */
    static List<String> heldDown(String text) {
        StringBuilder once = new StringBuilder(text.length());
        StringBuilder twice = new StringBuilder(text.length());
        boolean held = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            int run = 1;
            while (i + run * n < text.length() && text.codePointAt(i + run * n) == c) {
                run++;
            }
            boolean letter = Character.isLetter(c);
            boolean arabic = letter && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
            if (letter && (run >= 3 || run == 2 && arabic)) {
                held = true;
                once.appendCodePoint(c);
                twice.appendCodePoint(c).appendCodePoint(c);
            } else {
                for (int k = 0; k < run; k++) {
                    once.appendCodePoint(c);
                    twice.appendCodePoint(c);
                }
            }
            i += run * n;
        }
        if (!held) {
            return List.of();
        }
        // held: the two differ; twice is the text itself when every run held down was an Arabic letter doubled
        String b = twice.toString();
        return b.equals(text) ? List.of(once.toString()) : List.of(once.toString(), b);
    }

    /** {@link #match} in a session of {@code lang} alone. */
    private Optional<String> read(String text, String lang) {
        String plain = Normalizer.fold(text);
        Optional<String> found = firstAsked(entries, plain, lang);
        if (found.isPresent() || !Romanized.has(lang)) {
            return found;
        }
        // only in a session of a language of another script, typed in Latin letters
        return firstAsked(this.romanized.join(), Romanized.fold(text, lang), lang);
    }

    /** {@link #first} in {@code folded}, and else in it without the words of asking of {@code lang} and English. */
    private Optional<String> firstAsked(Lookup lookup, String folded, String lang) {
        Optional<String> found = first(lookup, folded, words(folded), lang);
        if (found.isPresent() || asking.isEmpty()) {
            return found;
        }
        String bare = " " + folded + " ";
        for (String l : lang.equals("en") ? List.of(lang) : List.of(lang, "en")) {
            for (String a : asking.getOrDefault(l, List.of())) {
                while (bare.contains(" " + a + " ")) {
                    bare = bare.replace(" " + a + " ", " ");
                }
            }
        }
        bare = bare.strip();
        return bare.isEmpty() || bare.equals(folded) ? found : first(lookup, bare, words(bare), lang);
    }

    private static Optional<String> first(Lookup lookup, String folded, String[] tokens, String lang) {
        int best = Integer.MAX_VALUE;
        java.util.Set<Character.UnicodeScript> written = scripts(folded);
        for (int k = 0; k < lookup.inTurn.length; k++) {
            Entry e = lookup.entries.get(lookup.inTurn[k]);
            // an entry inside a word is somewhere in the message first: one scan of it, not one per word
            if (written.contains(lookup.scripts[k]) && !skipped(e, lang)
                    && (e.alone() ? alone(folded, e.folded()) : folded.contains(e.words()[0]) && at(tokens, e))) {
                best = lookup.inTurn[k];
                break;
            }
        }
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            for (int len = 1; len <= Math.min(token.length(), lookup.longestFirst); len++) {
                int[] candidates = lookup.byFirst.get(token.substring(0, len));
                if (candidates == null) {
                    continue;
                }
                for (int idx : candidates) {
                    if (idx >= best) {
                        break;
                    }
                    Entry e = lookup.entries.get(idx);
                    if (!skipped(e, lang) && word(token, e, 0) && rest(tokens, i + 1, e, 1)) {
                        best = idx;
                        break;
                    }
                }
            }
        }
        if (best == Integer.MAX_VALUE) {
            best = soundsLike(lookup, tokens, lang);
        }
        if (best == Integer.MAX_VALUE) {
            best = arabizi(lookup, tokens, lang);
        }
        if (best == Integer.MAX_VALUE) {
            best = cry(lookup, tokens, lang);
        }
        if (best == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Entry e = lookup.entries.get(best);
        return Optional.of(e.lang() + ": " + e.written());
    }

    /** The script of the first letter of {@code folded} (COMMON when it has none). */
    private static Character.UnicodeScript script(String folded) {
        return folded.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).findFirst()
                .orElse(Character.UnicodeScript.COMMON);
    }

    /** The scripts of the letters of {@code folded}, and COMMON. */
    private static java.util.Set<Character.UnicodeScript> scripts(String folded) {
        java.util.Set<Character.UnicodeScript> out = java.util.EnumSet.of(Character.UnicodeScript.COMMON);
        Character.UnicodeScript last = null;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (Character.isLetter(c)) {
                    out.add(Character.UnicodeScript.LATIN);
                }
                continue;
            }
            if (Character.isLetter(c)) {
                Character.UnicodeScript sc = Character.UnicodeScript.of(c);
                if (sc != last) {
                    out.add(sc);
                    last = sc;
                }
            }
        }
        return out;
    }

    /** Another Latin-script language's single word (they collide: "drep" begins Romanian "drepturi"); English's are read. */
    private static boolean skipped(Entry e, String lang) {
        return e.latin() && !e.lang().equals(lang) && !e.lang().equals("en") && e.words().length == 1;
    }

    /** Entry {@code e} begins at some word of {@code tokens}. */
    private static boolean at(String[] tokens, Entry e) {
        for (int i = 0; i < tokens.length; i++) {
            if (word(tokens[i], e, 0) && rest(tokens, i + 1, e, 1)) {
                return true;
            }
        }
        return false;
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

    /**
     * A cry misspelt in Latin letters, as people type it in a hurry: a message of at most {@link #CRY_WORDS}
     * words, one of them a one-word cry ({@code =komak}, {@code =pomogite}) with other vowels, a letter left
     * out or doubled — the same consonants in the same order ("komk mizane", "pamagiti bjot", "hjlep han
     * slor"), or a letter held down ("ajutorr"). Cries
     * written by ear take the vowels as they sound (Russian "pamagiti"), and a frightened thumb drops
     * letters; the list cannot hold every spelling. Only a misspelling counts: the cry itself, or a
     * word it begins or that begins it, is a word of the language in its other uses ("pomoc prawna",
     * legal aid; "juridisk hjelp"), and stays a cry only as the whole message. Only cries of at least
     * {@link #CRY_CONSONANTS} consonants, so a word does not share them by chance, and only in messages
     * this short. Returns the entry's index, or {@code Integer.MAX_VALUE}.
     */
    private static int cry(Lookup lookup, String[] tokens, String lang) {
        boolean[] latin = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            latin[i] = latin(tokens[i]);
        }
        int[][] byLength = byLength(tokens, latin);
        for (int k = 0; k < lookup.phrases.length; k++) {
            Entry e = lookup.entries.get(lookup.phrases[k]);
            if (!skipped(e, lang) && runTogether(tokens, byLength, e, lookup.phraseJoined[k])) {
                return lookup.phrases[k];
            }
        }
        if (tokens.length == 0 || tokens.length > CRY_WORDS) {
            return Integer.MAX_VALUE;
        }
        for (int k = 0; k < lookup.cries.length; k++) {
            Entry e = lookup.entries.get(lookup.cries[k]);
            if (skipped(e, lang)) {
                continue;
            }
            String cry = e.folded();
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                if (!latin[i]) {
                    continue;
                }
                if (token.equals(cry)) {
                    // a cry of another script typed in Latin letters, with one word more ("dopomozit plz"); with two
                    // more it may be a request ("pomogite s dokumentami", help with the papers)
                    if (e.romanized() && tokens.length <= 2) {
                        return lookup.cries[k];
                    }
                    continue;
                }
                boolean inflected = token.startsWith(cry) || cry.startsWith(token);
                // "ajutorr", "hjeeelp": a letter held down is a misspelling, not an inflection. Not in a romanized
                // form: its doubled letters are single already, and without its vowels "dhnn" (ድሕኑኒ, save me) is
                // no held-down "dhn" ("dehan", fine)
                if (inflected ? !e.romanized() && squeezed(token).equals(squeezed(cry))
                        : consonants(token).equals(lookup.cryConsonants[k])) {
                    return lookup.cries[k];
                }
            }
        }
        for (int k = 0; k < lookup.phrases.length; k++) {
            Entry e = lookup.entries.get(lookup.phrases[k]);
            if (!skipped(e, lang) && misspelt(tokens, latin, e, lookup.phraseConsonants[k])) {
                return lookup.phrases[k];
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * A single word of the list written with one of its consonants voiced or unvoiced, or as another letter
     * of the same sound, and the same vowels ("knif" for "kniv", "mezer" for "meser"), in a message of any
     * length: people write a word as they hear it, and a language they learnt late they hear with the
     * sounds of their own (an independent tester's "han har knif" was not read). Only whole words of at
     * least {@link #VOICED} letters: a word that begins another is a word of the language in its other
     * uses. Returns the entry's index, or {@code Integer.MAX_VALUE}.
     */
    private static int soundsLike(Lookup lookup, String[] tokens, String lang) {
        int best = Integer.MAX_VALUE;
        for (String token : tokens) {
            if (token.length() < VOICED || !latin(token)) {
                continue;
            }
            int[] candidates = lookup.byVoiced.get(voiced(token));
            if (candidates == null) {
                continue;
            }
            for (int idx : candidates) {
                Entry e = lookup.entries.get(idx);
                if (idx < best && !skipped(e, lang) && !token.equals(e.folded())) {
                    best = idx;
                }
            }
        }
        return best;
    }

    /**
     * A word of the list typed with digits for letters (Arabizi: "y2tel", he kills) found with other vowels
     * ("y2tolni", he kills me): Arabizi writes the vowels the script leaves out as each person hears them,
     * and a list cannot hold every way ("7ad bido y2tolni" was missed by an independent tester). Its
     * consonants and digits must begin the word's, at least {@link #CRY_CONSONANTS} of them: with a digit
     * among them they are seldom another word's. Returns the entry's index, or {@code Integer.MAX_VALUE}.
     */
    private static int arabizi(Lookup lookup, String[] tokens, String lang) {
        int best = Integer.MAX_VALUE;
        if (lookup.byDigitConsonants.isEmpty()) {
            return best;
        }
        for (String token : tokens) {
            if (!hasDigit(token) || !latin(token)) {
                continue;
            }
            String c = consonants(token);
            for (int len = CRY_CONSONANTS; len <= Math.min(c.length(), lookup.longestDigitConsonants); len++) {
                int[] candidates = lookup.byDigitConsonants.get(c.substring(0, len));
                if (candidates == null) {
                    continue;
                }
                for (int idx : candidates) {
                    Entry e = lookup.entries.get(idx);
                    if (idx < best && !skipped(e, lang) && (!e.whole() || len == c.length())) {
                        best = idx;
                    }
                }
            }
        }
        return best;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** {@code word} with every consonant written as the voiced one of its pair, or the one letter of its sound: "knif" is "gniv". */
    static String voiced(String word) {
        char[] out = word.toCharArray();
        for (int i = 0; i < out.length; i++) {
            int k = VOICELESS.indexOf(out[i]);
            if (k >= 0) {
                out[i] = VOICE.charAt(k);
            }
        }
        return new String(out);
    }

    /** Each letter of {@link #VOICELESS} is written as the letter at the same place here. */
    private static final String VOICELESS = "ptkcqfws";
    private static final String VOICE = "bdgggvvz";

    /**
     * A phrase of {@code e} misspelt in {@code tokens}, word by word as {@link #cry} finds one word ("sumone
     * folowing me" for "following me"): in turn, each word with the consonants of the entry's and at most two
     * letters off ("passet" is not "puste"), a word of fewer than two consonants as written ("to" is not
     * "out"), and one word at least not as written. An entry that must be the whole message must be all of it.
     */
    private static boolean misspelt(String[] tokens, boolean[] latin, Entry e, String[] consonants) {
        int n = e.words().length;
        if (e.alone() && tokens.length != n) {
            return false;
        }
        for (int i = 0; i + n <= tokens.length; i++) {
            boolean same = true;
            boolean differs = false;
            for (int k = 0; k < n && same; k++) {
                String token = tokens[i + k];
                String word = e.words()[k];
                same = latin[i + k] && (consonants[k].length() < 2 ? token.equals(word)
                        : consonants(token).equals(consonants[k]) && edits(token, word) <= 2);
                differs |= !token.equals(word);
            }
            if (same && differs) {
                return true;
            }
        }
        return false;
    }

    /**
     * A phrase typed as one word, its spaces left out, at most one letter off, in a message of any length:
     * "ausecour" for "au secours", "helpme", "aidezmoi". A thumb in a hurry drops the spaces as it drops
     * letters; a phrase's words run together make a word no language has, so one letter off is still that
     * phrase (only phrases of at least {@link #JOINED} letters: "en danger" run together is English
     * "endanger"). A phrase that must be the whole message must be the one word of it. {@code byLength}: the
     * tokens in Latin letters by length ({@link #byLength}); {@code joined}: the phrase run together, as the
     * lookup keeps it (null: too short).
     */
    private static boolean runTogether(String[] tokens, int[][] byLength, Entry e, String joined) {
        if (joined == null || e.alone() && tokens.length != 1) {
            return false;
        }
        for (int len = joined.length() - 1; len <= Math.min(joined.length() + 1, byLength.length - 1); len++) {
            for (int i : byLength[len]) {
                if (oneEditAtMost(tokens[i], joined)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The indices of the tokens in Latin letters by their length: a phrase run together is compared only
     * with words of about its length (every phrase with every word of a story of 1,000 characters took
     * 2 ms, and every message refused for a flood is read: step.UrgentReads).
     */
    private static int[][] byLength(String[] tokens, boolean[] latin) {
        int longest = 0;
        for (String t : tokens) {
            longest = Math.max(longest, t.length());
        }
        int[] count = new int[longest + 1];
        for (int i = 0; i < tokens.length; i++) {
            if (latin[i]) {
                count[tokens[i].length()]++;
            }
        }
        int[][] out = new int[longest + 1][];
        for (int len = 0; len <= longest; len++) {
            out[len] = new int[count[len]];
            count[len] = 0;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (latin[i]) {
                int len = tokens[i].length();
                out[len][count[len]++] = i;
            }
        }
        return out;
    }

    /**
     * The letters of {@code word} but vowels (y too), a doubled letter once: "pamagiti" and "pomogite" are
     * "pmgt", "hjelpp" is "hjlp". Digits stay: in Arabizi they are consonants ("sa3douni", ع). A consonant
     * repeated across a vowel is two: "dihnuni" (Tigrinya, save me) is "dhnn", not the "dhn" of the everyday
     * "dehan" (fine), which read as the cry with other vowels.
     */
    static String consonants(String word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0 || c >= '0' && c <= '9')
                    && (i == 0 || word.charAt(i - 1) != c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code edits(a, b) <= 1}, in one pass: a story's every word of about a phrase's length is compared with it. */
    static boolean oneEditAtMost(String a, String b) {
        if (a.length() < b.length()) {
            return oneEditAtMost(b, a);
        }
        if (a.length() - b.length() > 1) {
            return false;
        }
        int i = 0;
        while (i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == b.length()) {
            return true;   // the same, or one letter more at the end of a
        }
        // past the first difference: one letter changed (same length) or one left out of b
        return a.length() == b.length() ? a.regionMatches(i + 1, b, i + 1, b.length() - i - 1)
                : a.regionMatches(i + 1, b, i, b.length() - i);
    }

    /** The letters to insert, delete or change to make {@code a} into {@code b} (Levenshtein). */
    static int edits(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** {@code word} with every run of one letter written once: "ajutorr" is "ajutor". */
    static String squeezed(String word) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
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
