package no.losen.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The fingerprint of a Norwegian source text: the first 12 hex digits of the SHA-256 of the
 * text in Unicode NFC. Every translation records the fingerprint of the nb text it was made
 * from (its {@code source} field); when the nb text changes, the fingerprints differ and the
 * translation is stale. NFC first, so an editor that stores "å" as "a" plus a ring does not
 * make every translation stale; 12 digits are short enough to read in a spreadsheet and
 * collide with odds of one in 2^48 per key.
 */
public final class Fingerprint {

    /** The language every translation is made from. */
    public static final String SOURCE_LANG = "nb";
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{12}");

    private Fingerprint() {
    }

    public static String of(String sourceText) {
        String nfc = Normalizer.normalize(sourceText, Normalizer.Form.NFC);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(nfc.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** True when {@code s} looks like a fingerprint (so a mangled spreadsheet cell is caught). */
    public static boolean valid(String s) {
        return s != null && FORM.matcher(s).matches();
    }
}
