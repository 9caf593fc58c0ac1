package no.losen.translate;

import java.util.List;

/**
 * The content of one exchange file: the target language and its rows. {@code problems} holds
 * what could not be read (with the line), so import can refuse the file and say where.
 */
public record Exchange(String lang, List<Row> rows, List<String> problems) {
}
