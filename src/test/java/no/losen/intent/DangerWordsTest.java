package no.losen.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Examples;
import no.losen.content.Language;
import no.losen.content.Origin;
import no.losen.content.Text;
import no.losen.content.Translations;
import org.junit.jupiter.api.Test;

/** How a word of danger is found in a message. */
class DangerWordsTest {

    private static Text t(String s) {
        return new Text(s, "reviewed", null, null, null, Origin.UNKNOWN);
    }

    /** The words of one key from {@code lists}: a comma-separated list per language code. */
    private static DangerWords listed(Map<String, String> lists) {
        return DangerWords.of(translations(lists), "k");
    }

    /** Key "k" in every language of {@code lists}, its comma-separated list. */
    private static Translations translations(Map<String, String> lists) {
        Map<String, Language> languages = new LinkedHashMap<>();
        Map<String, Map<String, Text>> texts = new LinkedHashMap<>();
        lists.forEach((lang, list) -> {
            languages.put(lang, new Language(lang, lang, "ltr", "draft"));
            texts.put(lang, Map.of("k", t(list)));
        });
        return new Translations(languages, texts, List.of("en"));
    }

    private final DangerWords words = listed(Map.of("nb", "kniv, drepe meg, hjelp nå$, livsfare",
            "en", "knife, kill, =help, =help me, following me, is hitting me", "ro", "cutit", "ar", "*قتل"));

    @Test
    void anEntryMatchesFromTheStartOfAWordAfterFolding() {
        assertThat(words.matches("han har en KNIV!", "nb")).isTrue();
        assertThat(words.matches("han har knivene", "nb")).isTrue();
        assertThat(words.matches("lommekniv", "nb")).isFalse();
        assertThat(words.matches("he is killing me", "nb")).isTrue();
        assertThat(words.matches("are cuțit", "ro")).isTrue();
    }

    @Test
    void aDollarEntryMatchesOnlyAWholeLastWord() {
        assertThat(words.matches("trenger hjelp nå", "nb")).isTrue();
        assertThat(words.matches("trenger hjelp naa", "nb")).isTrue();
        assertThat(words.matches("får jeg hjelp når jeg kommer", "nb")).isFalse();
    }

    @Test
    void theWordsOfAnEntryMayHaveOneOtherWordBetweenThem() {
        assertThat(words.matches("han vil drepe meg", "nb")).isTrue();
        assertThat(words.matches("han vil drepe faktisk meg", "nb")).isTrue();
        assertThat(words.matches("trenger hjelp akkurat nå", "nb")).isTrue();
        assertThat(words.matches("han vil drepe alle sammen, ikke meg", "nb")).as("two words between").isFalse();
        assertThat(words.matches("meg drepe", "nb")).as("the words in their order").isFalse();
        assertThat(words.matches("får jeg hjelp akkurat når jeg kommer", "nb")).as("still a whole last word").isFalse();
    }

    @Test
    void aStarEntryMatchesInsideAWord() {
        assertThat(words.matches("قال رح يقتلني", "ar")).isTrue();
    }

    @Test
    void latinSingleWordsOfOtherLanguagesThanTheSessionsAndEnglishAreNotCheckedTheirPhrasesAre() {
        assertThat(words.matches("are cutit", "nb")).isFalse();
        assertThat(words.matches("livsfare", "ro")).isFalse();
        assertThat(words.matches("han vil drepe meg", "en")).as("another Latin language's phrase is read").isTrue();
        assertThat(words.matches("knife", "ro")).isTrue();
        assertThat(words.matches("يقتلني", "nb")).isTrue();
        assertThat(words.match("he has a knife", "nb")).contains("en: knife");
    }

    private final DangerWords asking = listed(Map.of("en", "=help, =help me, knife, +please, +pls",
            "so", "=i caawiya, +fadlan", "fr", "=au secours, +s'il vous plaît, +svp"));

    @Test
    void aWholeMessageCryIsStillWholeWithWordsOfAskingBeforeOrAfterIt() {
        assertThat(asking.matches("i caawiya fadlan", "so")).isTrue();
        assertThat(asking.matches("fadlan i cawiya", "so")).as("misspelt too").isTrue();
        assertThat(asking.matches("au secours s'il vous plaît", "fr")).isTrue();
        assertThat(asking.matches("svp au secours svp", "fr")).isTrue();
        assertThat(asking.matches("help me pls", "so")).as("English words of asking in every session").isTrue();
        assertThat(asking.matches("please help me", "en")).isTrue();
        // still only the whole message: asking for help with something is no cry
        assertThat(asking.matches("please help me with my NAV form", "en")).isFalse();
        assertThat(asking.matches("fadlan", "so")).as("asking alone").isFalse();
        assertThat(asking.matches("please", "en")).isFalse();
        assertThat(asking.matches("fadlan help", "en")).as("another language's word of asking").isFalse();
    }

    @Test
    void anEqualsEntryMatchesOnlyTheWholeMessageOnceOrRepeated() {
        assertThat(words.matches("HELP HELP!!", "nb")).isTrue();
        assertThat(words.matches("help me", "en")).isTrue();
        assertThat(words.matches("help", "en")).isTrue();
        assertThat(words.matches("thanks for the help", "en")).isFalse();
        assertThat(words.matches("helpful", "en")).isFalse();
        assertThat(words.matches("help me with my NAV form", "en")).isFalse();
    }

    @Test
    void aOneWordCryMisspeltWithTheSameConsonantsIsACryInAMessageOfUpToFourWords() {
        assertThat(words.match("halp", "en")).contains("en: =help");
        assertThat(words.matches("hlep me", "nb")).as("English cries are read in every session").isTrue();
        assertThat(words.matches("hlep he hits", "en")).as("three words").isTrue();
        assertThat(words.matches("pls hlep hes heer", "en")).as("four words").isTrue();
        assertThat(words.matches("can you hlep with forms", "en")).as("five: a sentence").isFalse();
        assertThat(words.matches("heeelp", "en")).as("a letter doubled").isTrue();
        assertThat(words.matches("helpp he hits", "en")).as("a letter held down is not an inflection").isTrue();
        assertThat(words.matches("halp with my NAV form", "en")).as("in a sentence it may be anything").isFalse();
        assertThat(words.matches("hlep with forms", "en"))
                .as("three words and a cry misspelt: a cry, whatever the rest (a false alarm costs a look)").isTrue();
        assertThat(words.matches("help with forms", "en")).as("spelt right, the cry is a word of the sentence").isFalse();
        assertThat(words.matches("legal help", "en")).as("the cry itself counts only as the whole message").isFalse();
        assertThat(words.matches("helper needed", "en")).as("a word the cry begins is a word, not a misspelling")
                .isFalse();
        assertThat(DangerWords.consonants("pamagiti")).isEqualTo(DangerWords.consonants("pomogite"));
        assertThat(DangerWords.consonants("sa3douni")).as("Arabizi digits are letters").isEqualTo("s3dn");
    }

    /**
     * A doubled letter counts once only where it is doubled: "dihnuni" (Tigrinya, save me) keeps both its n, so
     * the everyday "dehan" (fine) is not the cry with other vowels; the cry misspelt still is.
     */
    @Test
    void aConsonantRepeatedAcrossAVowelIsTwoConsonants() {
        DangerWords tigrinya = listed(Map.of("ti", "=dihnuni"));
        assertThat(tigrinya.matches("dehan", "ti")).isFalse();
        assertThat(tigrinya.matches("dehan do", "ti")).isFalse();
        assertThat(tigrinya.matches("dehnuni", "ti")).isTrue();
        assertThat(tigrinya.matches("dihnnuni", "ti")).as("a letter doubled").isTrue();
        assertThat(DangerWords.consonants("dihnuni")).isEqualTo("dhnn");
        DangerWords ethiopic = listed(Map.of("ti", "=ድሕኑኒ"));
        assertThat(ethiopic.matches("dehan", "ti")).as("the cry in its own script, typed in Latin letters").isFalse();
        assertThat(ethiopic.matches("dihnuni", "ti")).isTrue();
        assertThat(ethiopic.matches("dehnuni", "ti")).isTrue();
        assertThat(DangerWords.consonants("hjelpp")).isEqualTo("hjlp");
    }

    @Test
    void aPhraseMisspeltWordByWordIsFoundInAMessageOfUpToFourWords() {
        assertThat(words.match("sumone folowing me", "en")).contains("en: following me");
        assertThat(words.matches("drpe meg", "en")).as("a phrase of another Latin-script language too").isTrue();
        assertThat(words.matches("he folowing me home yesterday", "en")).as("in a sentence it may be anything").isFalse();
        assertThat(words.matches("is hiting me", "en")).isTrue();
        assertThat(words.matches("his hitting me", "en")).as("every word with the same consonants").isFalse();
        assertThat(words.match("drpe meg", "nb")).contains("nb: drepe meg");
        assertThat(words.matches("dårlig drupa mig", "nb")).as("at most two letters off").isTrue();
        assertThat(words.matches("vil ikke dropsene mine", "nb")).as("more than two letters off").isFalse();
    }

    @Test
    void aPhraseTypedAsOneWordAtMostOneLetterOffIsFoundInAMessageOfAnyLength() {
        DangerWords fr = listed(Map.of("fr", "au secours, =aide moi vite, en danger", "en", "following me"));
        assertThat(fr.match("ausecour qlqn rentre ches moi", "fr")).contains("fr: au secours");
        assertThat(fr.matches("je vous ecris parce que ausecours quelqu un est dans l escalier avec un couteau", "fr")).isTrue();
        assertThat(fr.matches("followingme since the station", "en")).isTrue();
        assertThat(fr.matches("aidemoivite", "fr")).as("a whole-message phrase, the whole message").isTrue();
        assertThat(fr.matches("aidemoivite avec les papiers", "fr")).as("… and only then").isFalse();
        assertThat(fr.matches("does climate change endanger the coast", "fr")).as("phrases under nine letters: 'endanger' is English").isFalse();
        assertThat(fr.matches("ausecxurs", "fr")).isTrue();
        assertThat(fr.matches("ausxcxurs", "fr")).as("two letters off").isFalse();
    }

    private final DangerWords cyrillic = listed(Map.of("en", "knife",
            "ru", "не хочу жить, ломает дверь, =помогите, убью", "uk", "не хочу жити"));

    @Test
    void aRussianOrUkrainianEntryAlsoMatchesTheMessageTypedInLatinLetters() {
        assertThat(cyrillic.match("ne hochu zhit bolshe", "ru")).contains("ru: не хочу жить");
        assertThat(cyrillic.matches("ne xochu jit'", "ru")).as("x for х; 'j' for ж is not one of the spellings")
                .isFalse();
        assertThat(cyrillic.matches("ne khochu zhit'", "ru")).isTrue();
        assertThat(cyrillic.matches("kto-to lomaet dver", "ru")).isTrue();
        assertThat(cyrillic.matches("kto-to lomayet dver'", "ru")).isTrue();
        assertThat(cyrillic.matches("POMOGITE pomogite", "ru")).isTrue();
        assertThat(cyrillic.matches("pomogite s dokumentami", "ru")).as("a request, not a cry").isFalse();
        assertThat(cyrillic.matches("pomogite plz", "ru")).as("the cry in Latin letters and one word more").isTrue();
        assertThat(cyrillic.matches("pamagiti bjot", "ru")).as("by ear, with a second word").isTrue();
        assertThat(cyrillic.matches("ne hochu zhyty", "uk")).isTrue();
    }

    @Test
    void romanizedWordsCountInTheirOwnLanguageTheirLongPhrasesInEveryLanguageAndNothingTooShort() {
        assertThat(cyrillic.matches("ubuntu ne rabotaet", "ru")).as("убью is 'ubu' in Latin letters: too short").isFalse();
        assertThat(cyrillic.matches("не хочу жить", "ru")).isTrue();
        assertThat(cyrillic.match("ne hochu zhit", "en")).as("a phrase of nine letters").contains("ru: не хочу жить");
        assertThat(cyrillic.matches("pomogite", "en")).as("a single word").isFalse();
        DangerWords amharic = listed(Map.of("am", "*ራሴን መግደል", "ar", "بدي موت"));
        assertThat(amharic.matches("rasen megdel efeligalehu", "en")).isTrue();
        assertThat(amharic.matches("rasen megdel efeligalehu", "am")).isTrue();
        assertThat(amharic.matches("bdi mot", "ar")).isTrue();
        assertThat(amharic.matches("a bad meeting with the lawyer", "en"))
                .as("'bd mt', four letters, is read in Arabic sessions alone").isFalse();
    }

    @Test
    void aMessageSurelyInAnotherLanguageIsReadInThatLanguageToo() {
        Map<String, String> lists = Map.of("so", "mindi", "fr", "couteau");
        LanguageGuess guess = LanguageGuess.from(List.of(
                new Examples.Labelled("so", "x", "waxaan u baahanahay caawimaad maanta"),
                new Examples.Labelled("so", "x", "wuxuu igu yiri waan ku dilayaa haddii aad baxdo"),
                new Examples.Labelled("so", "x", "xaaskaygu waxay haysataa warqadaha oo dhan"),
                new Examples.Labelled("fr", "x", "je voudrais savoir comment on fait une demande d'asile"),
                new Examples.Labelled("fr", "x", "est-ce que je peux voir un médecin sans papiers"),
                new Examples.Labelled("fr", "x", "mon patron ne me paie pas depuis trois mois")));
        DangerWords words = DangerWords.of(translations(lists), "k", java.util.concurrent.CompletableFuture.completedFuture(guess));
        assertThat(words.match("wuxuu haystaa mindi", "fr")).contains("so: mindi");
        assertThat(listed(lists).matches("wuxuu haystaa mindi", "fr"))
                .as("without a guess, another Latin language's single word is not read").isFalse();
        assertThat(words.matches("le mindi est un mot", "fr")).as("a French message reads French words").isFalse();
    }

    @Test
    void anArabiziWordIsFoundWithOtherVowels() {
        DangerWords ar = listed(Map.of("ar", "y2tel, 7ari2$", "en", "knife"));
        assertThat(ar.match("7ad bido y2tolni", "ar")).contains("ar: y2tel");
        assertThat(ar.matches("ye2telni", "ar")).isTrue();
        assertThat(ar.matches("fi 7ar2 bel bet", "ar")).isTrue();
        assertThat(ar.matches("fi 7ar2ani", "ar")).as("a whole-word entry, a longer word").isFalse();
        assertThat(ar.matches("ytolni", "ar")).as("no digit, no Arabizi").isFalse();
    }

    @Test
    void aCyrillicNotIsAlsoFoundGluedToItsVerb() {
        DangerWords uk = listed(Map.of("uk", "не дихає, не хочу жити"));
        assertThat(uk.match("дитина недихає", "uk")).contains("uk: не дихає");
        assertThat(uk.matches("нехочу жити більше", "uk")).isTrue();
        assertThat(uk.matches("не знаю", "uk")).isFalse();
    }

    @Test
    void aRussianYoIsAlsoTypedAsO() {
        DangerWords ru = listed(Map.of("ru", "убьет"));
        assertThat(ru.matches("on menya ubyot", "ru")).isTrue();
        assertThat(ru.matches("on menya ubiet", "ru")).isTrue();
        assertThat(ru.matches("он меня убьёт", "ru")).isTrue();
    }

    @Test
    void aLetterHeldDownIsReadWrittenOnceAndTwiceInAnyScript() {
        DangerWords held = listed(Map.of("fr", "=aidez-moi", "ar", "=ساعدوني", "fa", "=کمک, =کمکم کنید",
                "uk", "=допоможіть", "en", "kill"));
        assertThat(held.match("AIDEZ MOIIII 😭😭", "fr")).contains("fr: =aidez-moi");
        assertThat(held.matches("ساعدوووني 😭", "ar")).isTrue();
        assertThat(held.matches("ساعدووني", "ar")).as("Arabic spelling doubles no letter: two are one held down").isTrue();
        assertThat(held.matches("کمممممک", "fa")).isTrue();
        assertThat(held.matches("کمکم کنیددد", "fa")).isTrue();
        assertThat(held.matches("ДОПОМОЖІТЬЬЬЬ", "uk")).isTrue();
        assertThat(held.matches("he is killllling me", "en")).as("a doubled letter of the word itself").isTrue();
        assertThat(held.matches("aidez moi avec le loyer svp", "fr")).as("still a whole-message cry").isFalse();
        assertThat(DangerWords.heldDown("good morning")).as("nothing held down: read once").isEmpty();
        assertThat(DangerWords.heldDown("killlll")).containsExactly("kil", "kill");
    }

    @Test
    void aWordWrittenAsHeardWithAConsonantVoicedOrUnvoicedIsFound() {
        DangerWords nb = listed(Map.of("nb", "kniv, drepe meg", "en", "stab"));
        assertThat(nb.match("han har knif", "nb")).contains("nb: kniv");
        assertThat(nb.matches("han har en gnif", "nb")).isTrue();
        assertThat(nb.matches("han har knaf", "nb")).as("other vowels").isFalse();
        assertThat(nb.matches("han knipser", "nb")).isFalse();
        assertThat(nb.matches("please stop", "en")).as("'stab' with other vowels").isFalse();
        assertThat(DangerWords.voiced("knif")).isEqualTo("gniv");
    }

    @Test
    void withinOneEditIsWhatTheEditDistanceSays() {
        java.util.Random r = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            String a = randomWord(r);
            String b = r.nextBoolean() ? randomWord(r) : nearby(a, r);
            assertThat(DangerWords.oneEditAtMost(a, b)).as(a + " / " + b).isEqualTo(DangerWords.edits(a, b) <= 1);
        }
    }

    private static String randomWord(java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            b.append((char) ('a' + r.nextInt(3)));
        }
        return b.toString();
    }

    /** {@code a} with a letter or two changed, left out or put in. */
    private static String nearby(String a, java.util.Random r) {
        StringBuilder b = new StringBuilder(a);
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> b.insert(at, (char) ('a' + r.nextInt(3)));
                case 1 -> { if (at < b.length()) { b.deleteCharAt(at); } }
                default -> { if (at < b.length()) { b.setCharAt(at, (char) ('a' + r.nextInt(3))); } }
            }
        }
        return b.toString();
    }
}
