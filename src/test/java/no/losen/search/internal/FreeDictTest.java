package no.losen.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictd reader, on a small dictionary in the installed package's format. */
class FreeDictTest {

    @Test
    void readsTranslationLinesAndNumberedSensesButNotGlosses() {
        String entry = "resign //ɹɪˈzaɪn// <v>\n1. gå av, si opp\nquit a job or position\n2. gi opp, resignere\nto give up\n";
        assertThat(FreeDict.translations(entry)).containsExactly("gå av", "si opp", "gi opp", "resignere");
        String single = "residence permit /ɹˈɛzɪdəns/ <n>\noppholdstillatelse\nright to legally reside in a country\n";
        assertThat(FreeDict.translations(single)).containsExactly("oppholdstillatelse");
        String trailing = "child //t͡ʃaɪld// <n>\nbarn 2.\nchild; daughter, son\n 3.\na minor\n";
        assertThat(FreeDict.translations(trailing)).containsExactly("barn");
    }

    @Test
    void decodesDictdBase64Offsets() {
        assertThat(FreeDict.decode("A")).isZero();
        assertThat(FreeDict.decode("BA")).isEqualTo(64);
        assertThat(FreeDict.decode("Bn")).isEqualTo(64 + 39);
    }

    @Test
    void loadsIndexAndCompressedBodyFromDisk(@TempDir Path dir) throws Exception {
        String a = "asylum /əˈsaɪləm/ <n>\nasyl\nprotection\n";
        String b = "child /tʃaɪld/ <n>\nbarn\na minor\n";
        byte[] body = (a + b).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("freedict-eng-nor.dict.dz")))) {
            out.write(body);
        }
        int aLen = a.getBytes(StandardCharsets.UTF_8).length;
        int bLen = b.getBytes(StandardCharsets.UTF_8).length;
        Files.writeString(dir.resolve("freedict-eng-nor.index"),
                "00databaseshort\tA\tB\nasylum\tA\t" + b64(aLen) + "\nchild\t" + b64(aLen) + "\t" + b64(bLen) + "\n");
        Optional<FreeDict> dict = FreeDict.load(dir);
        assertThat(dict).isPresent();
        assertThat(dict.get().lookup("Asylum")).containsExactly("asyl");
        assertThat(dict.get().lookup("child")).containsExactly("barn");
        assertThat(dict.get().lookup("unknown")).isEmpty();
    }

    @Test
    void keepsTheIndexOrderAndReadsBackwardsBySenseRankThenHeadwordTheSameInEveryProcess(@TempDir Path dir) throws Exception {
        // A lexicon merges translations in the dictionary's order, so that order must not change between starts
        // (an immutable Map.copyOf iterates differently in every JVM: the same question was answered differently).
        List<String> heads = List.of("abandon", "border", "camp", "debt", "employer", "fine", "guard", "harbour",
                "interpreter", "judge", "knife", "lawyer");
        StringBuilder body = new StringBuilder();
        StringBuilder index = new StringBuilder();
        for (String h : heads) {
            // "beskytte" is every headword's first sense but "lawyer"'s and "abandon"'s second
            String entry = h + " <n>\n" + (h.equals("lawyer") || h.equals("abandon") ? "ord-" + h + ", beskytte" : "beskytte, ord-" + h) + "\n";
            index.append(h).append('\t').append(b64(body.toString().getBytes(StandardCharsets.UTF_8).length)).append('\t')
                    .append(b64(entry.getBytes(StandardCharsets.UTF_8).length)).append('\n');
            body.append(entry);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("freedict-eng-nor.dict.dz")))) {
            out.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("freedict-eng-nor.index"), index);
        FreeDict dict = FreeDict.load(dir).orElseThrow();
        assertThat(dict.entries().keySet()).containsExactlyElementsOf(heads);
        assertThat(dict.inverted().lookup("beskytte")).containsExactly("border", "camp", "debt", "employer", "fine",
                "guard", "harbour", "interpreter", "judge", "knife", "abandon", "lawyer");
    }

    @Test
    void isAbsentWhenThePackageIsNotInstalled(@TempDir Path dir) {
        assertThat(FreeDict.load(dir)).isEmpty();
    }

    private static String b64(int v) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder s = new StringBuilder();
        do {
            s.insert(0, alphabet.charAt(v % 64));
            v /= 64;
        } while (v > 0);
        return s.toString();
    }
}
