package no.losen.translate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.Fixtures;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;

/**
 * The basic fixture made ready for translation tests: French added as an offered language
 * (left to right, no words yet but one), and two orphans: {@code demo.old-step} (an nb key no
 * dialog uses any more, translated into French) and {@code demo.removed} (an Arabic text
 * whose nb key is gone).
 */
final class TrFixture {

    private TrFixture() {
    }

    static Path root(Path dir) {
        Path root = Fixtures.copyOfBasic(dir);
        edit(root.resolve("dialogs/demo.yaml"), "languages: [nb, en, ar]", "languages: [nb, en, ar, fr]");
        Fixtures.write(root.resolve("translations/fr.yaml"), """
                # Français: métadonnées et mots partagés.
                meta: {name: Français, dir: ltr, status: draft}
                keys:
                  common.choose-one: Choisissez une option.
                  demo.old-step: Ancienne étape
                """);
        edit(root.resolve("translations/demo/nb.yaml"), "  demo.emergency: Ring 112.\n",
                "  demo.emergency: Ring 112.\n  # left over from a node that was deleted\n  demo.old-step: Gammelt steg\n");
        edit(root.resolve("translations/ar.yaml"), "  demo.slip: ورقة\n", "  demo.slip: ورقة\n  demo.removed: محذوف\n");
        return root;
    }

    static Loaded load(Path root) {
        Loaded l = ContentLoader.load(root);
        if (!l.ok()) {
            throw new IllegalStateException("fixture does not validate: " + l.errors());
        }
        return l;
    }

    static Catalog catalog(Path root) {
        return new Catalog(load(root).set());
    }

    static void edit(Path file, String from, String to) {
        try {
            String s = Files.readString(file);
            if (!s.contains(from)) {
                throw new IllegalStateException(file + " has no '" + from + "'");
            }
            Files.writeString(file, s.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
