package no.losen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import no.losen.dialog.load.ContentLoader;

/** Which content a tool works on: a folder given on the command line, the current folder if it has dialogs/, else the bundled content. */
final class ContentOption {

    private ContentOption() {
    }

    static Path resolve(Path given) {
        if (given != null) {
            return given;
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("dialogs")) ? here : ContentLoader.bundled();
    }
}
