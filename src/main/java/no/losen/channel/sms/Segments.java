package no.losen.channel.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many SMS segments a text costs, and how to cut a long text into messages. A phone bill
 * and a basic handset see segments, not characters: GSM-7 fits 160 septets in one segment and
 * 153 per part once concatenated (an extension-table character costs two septets and is never
 * cut in half); a single character outside GSM-7 turns the whole message into UCS-2, 70 units
 * alone or 67 per part (a surrogate pair is never cut). Splitting prefers paragraph and
 * sentence ends, then words, so a reader gets whole sentences; nothing is ever dropped.
 */
public final class Segments {

    /** The encoding a message travels in. */
    public enum Encoding { GSM7, UCS2 }

    /** A text's cost: its encoding, its length in that encoding's units, and its segments. */
    public record Count(Encoding encoding, int units, int segments) {
    }

    /** A reply is kept to this many segments per message where the dialog allows. */
    public static final int BUDGET = 3;

    // 3GPP TS 23.038 default alphabet (without the escape 0x1B) and its extension table.
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "^{}\\[~]|€\f";
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?;:؟።…])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("(?<=\\s)");

    private Segments() {
    }

    public static boolean gsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENDED.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    public static Count count(String text) {
        if (gsm(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return new Count(Encoding.GSM7, septets, septets <= 160 ? 1 : pack(text, 153, true));
        }
        int units = text.length();
        return new Count(Encoding.UCS2, units, units <= 70 ? 1 : pack(text, 67, false));
    }

    /** Parts needed when each holds {@code size} units and no character is split between two. */
    private static int pack(String text, int size, boolean gsm) {
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost = gsm ? (EXTENDED.indexOf(c) >= 0 ? 2 : 1)
                    : (Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1);
            if (used + cost > size) {
                parts++;
                used = 0;
            }
            used += cost;
            if (cost == 2 && !gsm) {
                i++;
            }
        }
        return parts;
    }

    /**
     * Replaces typography that has a plain GSM-7 equivalent (curly quotes, dashes, ellipsis,
     * non-breaking spaces), as Twilio's "smart encoding" does: one stray "–" would otherwise
     * turn a Norwegian reply into UCS-2 and more than double its cost. Bidi isolates and marks
     * are dropped from lines with no right-to-left letter: there they change nothing (every SMS
     * line is its own bidi paragraph, directed by its first letter), yet they would force UCS-2.
     */
    public static String plain(String text) {
        return typography(bidi(text));
    }

    private static String bidi(String text) {
        if (text.chars().noneMatch(c -> (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            boolean rtl = line.codePoints().anyMatch(cp -> {
                byte d = Character.getDirectionality(cp);
                return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            });
            out.append(rtl ? line : line.replaceAll("[\u2066-\u2069\u200E\u200F]", ""));
        }
        return out.toString();
    }

    private static String typography(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '\u00B4' -> b.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> b.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> b.append('-');
                case '\u2026' -> b.append("...");
                case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A' -> b.append(' ');
                case '\u2022', '\u00B7' -> b.append('-');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Cuts {@code text} into messages of at most {@code maxSegments} segments each: whole
     * paragraphs and sentences where they fit, else words, else characters. Only the
     * whitespace at a cut is lost.
     */
    public static List<String> split(String text, int maxSegments) {
        List<String> out = new ArrayList<>();
        String t = text.strip();
        if (t.isEmpty()) {
            return out;
        }
        if (count(t).segments() <= maxSegments) {
            out.add(t);
            return out;
        }
        StringBuilder current = new StringBuilder();
        for (String piece : pieces(t, SENTENCE)) {
            if (fits(current + piece, maxSegments)) {
                current.append(piece);
                continue;
            }
            flush(current, out);
            if (fits(piece, maxSegments)) {
                current.append(piece);
                continue;
            }
            for (String word : pieces(piece, WORD)) {
                if (!fits(current + word, maxSegments)) {
                    flush(current, out);
                }
                if (fits(word, maxSegments)) {
                    current.append(word);
                    continue;
                }
                for (int i = 0; i < word.length(); ) {
                    int step = Character.charCount(word.codePointAt(i));
                    String ch = word.substring(i, i + step);
                    if (!fits(current + ch, maxSegments)) {
                        flush(current, out);
                    }
                    current.append(ch);
                    i += step;
                }
            }
        }
        flush(current, out);
        return out;
    }

    /** Like {@link #split}, but the last part is filled first, from the end, with whole lines and sentences. */
    static List<String> splitKeepingTail(String text, int maxSegments) {
        List<String> pieces = pieces(text.strip(), SENTENCE);
        int from = pieces.size();
        while (from > 0 && fits(String.join("", pieces.subList(from - 1, pieces.size())), maxSegments)) {
            from--;
        }
        if (from == pieces.size() || from == 0) {
            return split(text, maxSegments);
        }
        List<String> out = new ArrayList<>(split(String.join("", pieces.subList(0, from)), maxSegments));
        out.add(String.join("", pieces.subList(from, pieces.size())).strip());
        return out;
    }

    /**
     * Packs blocks (a node's text, its cards, its numbered choices with the answer line) into
     * as few messages of at most {@code maxSegments} as it can without breaking a block; only a
     * block that alone is too long is cut, by {@link #split}. So the choices usually arrive
     * together, in the last message, right where the user answers.
     */
    public static List<String> pack(List<String> blocks, int maxSegments) {
        List<String> out = new ArrayList<>();
        String current = "";
        for (int i = 0; i < blocks.size(); i++) {
            String b = blocks.get(i).strip();
            if (b.isEmpty()) {
                continue;
            }
            String joined = current.isEmpty() ? b : current + "\n" + b;
            if (count(joined).segments() <= maxSegments) {
                current = joined;
                continue;
            }
            if (!current.isEmpty()) {
                out.add(current);
            }
            // The last block (the choices and how to answer) is cut from its end, so its last lines stay together.
            List<String> parts = i == blocks.size() - 1 ? splitKeepingTail(b, maxSegments) : split(b, maxSegments);
            out.addAll(parts.subList(0, parts.size() - 1));
            current = parts.get(parts.size() - 1);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * {@code text} shortened at a word so that it and {@code suffix} (on its own line) fit in
     * {@code maxSegments}; a shortened text ends in "..." so the cut is visible.
     */
    public static String fit(String text, String suffix, int maxSegments) {
        String tail = suffix == null || suffix.isBlank() ? "" : "\n" + suffix;
        String whole = text.strip() + tail;
        if (count(whole).segments() <= maxSegments) {
            return whole;
        }
        String best = "";
        StringBuilder acc = new StringBuilder();
        for (String word : pieces(text.strip(), WORD)) {
            acc.append(word);
            String candidate = acc.toString().strip() + "..." + tail;
            if (count(candidate).segments() > maxSegments) {
                break;
            }
            best = candidate;
        }
        return best.isEmpty() ? ("..." + tail).strip() : best;
    }

    private static boolean fits(CharSequence s, int maxSegments) {
        return count(s.toString().strip()).segments() <= maxSegments;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    /** The text cut after each separator, the separator kept with the piece before it. */
    private static List<String> pieces(String text, Pattern separator) {
        List<String> out = new ArrayList<>();
        Matcher m = separator.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.end() > start) {
                out.add(text.substring(start, m.end()));
                start = m.end();
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
