package no.losen.dialog.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import no.losen.Fixtures;
import no.losen.dialog.Dialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedCodecTest {

    @TempDir
    Path tmp;

    private static byte[] write(Loaded l) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LoadedCodec.INSTANCE.write(l, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static Loaded read(byte[] bytes) throws IOException {
        return LoadedCodec.INSTANCE.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void theShippedContentReadBackEqualsWhatTheLoaderMadeRecordForRecord() throws IOException {
        Loaded loaded = ContentLoader.load(Fixtures.REPO);
        assertThat(loaded.ok()).isTrue();

        Loaded back = read(write(loaded));

        // Record by record first, so a field the codec forgot names the record it is missing from.
        for (Dialog d : loaded.set().dialogs().values()) {
            Dialog b = back.set().dialog(d.id()).orElseThrow();
            d.nodes().forEach((id, n) -> assertThat(b.nodes().get(id)).as("node %s", id).isEqualTo(n));
            assertThat(b).isEqualTo(d);
        }
        assertThat(back.set().translations()).isEqualTo(loaded.set().translations());
        assertThat(back.set().facts()).isEqualTo(loaded.set().facts());
        assertThat(back.set().examples()).isEqualTo(loaded.set().examples());
        assertThat(back.coverage()).isEqualTo(loaded.coverage());
        assertThat(back).isEqualTo(loaded);
    }

    @Test
    void problemsAndTheStaleRuleComeBackToo() throws IOException {
        Path root = Fixtures.copyOfBasic(tmp.resolve("c"));
        Fixtures.write(root.resolve("dialogs/demo.yaml"), "id: demo\nstart: nowhere\n");
        Loaded broken = ContentLoader.load(root);
        assertThat(broken.problems()).isNotEmpty();
        Loaded noStale = new Loaded(new no.losen.dialog.DialogSet(broken.set().dialogs(),
                broken.set().translations().withStaleFallback(false), broken.set().facts(), broken.set().examples()),
                broken.problems(), broken.coverage());

        Loaded back = read(write(noStale));

        assertThat(back.problems()).isEqualTo(broken.problems());
        assertThat(back.set().translations().staleFallback()).isFalse();
        assertThat(back).isEqualTo(noStale);
    }

    @Test
    void aTruncatedEntryIsAnIOExceptionNotAHalfLoadedSet() throws IOException {
        byte[] whole = write(Fixtures.basic());

        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length / 2))).isInstanceOf(IOException.class);
    }

    @Test
    void aStringNumberTheEntryNeverWroteIsRefused() throws IOException {
        byte[] bytes = write(Fixtures.basic());
        // The first string (the first dialog's id) is written as -2 and its bytes; say it is string 7 instead.
        bytes[4] = 0;
        bytes[5] = 0;
        bytes[6] = 0;
        bytes[7] = 7;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class);
    }
}
