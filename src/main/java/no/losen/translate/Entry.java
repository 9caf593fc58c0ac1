package no.losen.translate;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Text;
import no.losen.content.Translations;

/**
 * One key as a translation coordinator sees it for one language: the Norwegian source, the
 * English pivot, the current translation and its state, and where the text is used.
 *
 * @param fingerprint the current nb text's fingerprint; a translation made from it is current
 * @param unverified  a translation without a recorded source fingerprint (made before fingerprints
 *                    were kept): not stale, but nobody can tell which nb text it translates
 * @param smsBudget   the text travels by SMS, so it should fit the segment budget
 * @param lang        the language the entry is for
 */
public record Entry(String key, Text nb, Text en, Text target, State state, String fingerprint, boolean unverified,
                    List<Use> uses, boolean smsBudget, String lang) {

    /** The key this one is the short SMS form of ({@code x.sms} → {@code x}), or null. */
    public String shortens() {
        return Translations.variantOf(key);
    }

    /** Each place the text is shown, as dialog id and node id (node null: every node of the dialog). */
    public List<Map.Entry<String, String>> places() {
        return uses.stream().map(u -> new AbstractMap.SimpleEntry<>(u.dialog(), u.node()))
                .<Map.Entry<String, String>>map(x -> x).distinct().toList();
    }

    /** The file the nb text lives in, relative to the content root (translations/rights/nb.yaml). */
    public String nbFile() {
        return nb.origin().file();
    }

    /** The area of the content the key belongs to: the folder of its nb file ({@code rights}), or {@code shared}. */
    public String area() {
        String f = nbFile().replace('\\', '/');
        String[] parts = f.split("/");
        return parts.length >= 3 ? parts[parts.length - 2] : "shared";
    }
}
