package no.losen.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packs cleaned blocks into passages of at most {@value #MAX_CHARS} characters. A passage never
 * spans two sections (its section label must be true for all of it); long paragraphs are cut
 * between sentences, and a passage cut inside a section starts with the previous passage's last
 * sentence, so an answer that straddles the cut is still whole in one of them.
 */
public final class PassageSplitter {

    public static final int MAX_CHARS = 1200;
    private static final int OVERLAP_MAX = 250;
    static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?»”])\\s+(?=[\\p{Lu}\\d«•–-])|\\n");

    private final List<Passage> out = new ArrayList<>();
    private final String sourceId;
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> origins = new ArrayList<>();
    private String section = "";

    private PassageSplitter(String sourceId) {
        this.sourceId = sourceId;
    }

    /** Splits one source's blocks; {@code firstOrdinal} numbers passages across the corpus. */
    public static List<Passage> split(String sourceId, List<Block> blocks, int firstOrdinal) {
        PassageSplitter s = new PassageSplitter(sourceId);
        for (Block b : blocks) {
            s.add(b);
        }
        s.flush(false);
        List<Passage> numbered = new ArrayList<>();
        for (Passage p : s.out) {
            numbered.add(new Passage(firstOrdinal + numbered.size(), p.sourceId(), p.section(), p.text(), p.start(), p.end()));
        }
        return numbered;
    }

    private void add(Block b) {
        if (b.kind() == Block.Kind.HEADING) {
            flush(false);
            section = String.join(" › ", b.section());
            return;
        }
        section = String.join(" › ", b.section());
        if (text.length() + 1 + b.text().length() <= MAX_CHARS) {
            append(b.text(), b.origins(), 0, b.text().length(), '\n');
            return;
        }
        // too long together: cut between sentences
        Matcher m = SENTENCE_END.matcher(b.text());
        int from = 0;
        boolean first = true;
        while (from < b.text().length()) {
            boolean found = m.find();
            int to = found ? m.start() : b.text().length();
            appendPiece(b, from, to, first ? '\n' : ' ');
            first = false;
            from = found ? m.end() : b.text().length();
        }
    }

    /** Appends one sentence, cutting first if it does not fit. */
    private void appendPiece(Block b, int from, int to, char separator) {
        while (to - from > MAX_CHARS) { // a "sentence" longer than a passage: a table or a list
            int cut = b.text().lastIndexOf(' ', from + MAX_CHARS - 1);
            cut = cut <= from ? from + MAX_CHARS - 1 : cut;
            flush(true);
            append(b.text(), b.origins(), from, cut, separator);
            from = cut + 1;
        }
        if (text.length() + 1 + (to - from) > MAX_CHARS) {
            flush(true);
        }
        if (text.length() + 1 + (to - from) > MAX_CHARS) {
            flush(false);
        }
        append(b.text(), b.origins(), from, to, separator);
    }

    private void append(String s, int[] o, int from, int to, char separator) {
        if (to <= from) {
            return;
        }
        if (text.length() > 0) {
            text.append(text.charAt(text.length() - 1) == '\n' ? '\n' : separator);
            origins.add(o[from]);
        }
        text.append(s, from, to);
        for (int i = from; i < to; i++) {
            origins.add(o[i]);
        }
    }

    /** Ends the current passage; {@code carry}: start the next one with its last sentence. */
    private void flush(boolean carry) {
        if (text.length() == 0) {
            return;
        }
        String t = text.toString();
        out.add(new Passage(0, sourceId, section, t, origins.get(0), origins.get(origins.size() - 1) + 1));
        int tail = lastSentenceStart(t);
        String carried = carry && t.length() - tail <= OVERLAP_MAX && tail > 0 ? t.substring(tail) : "";
        List<Integer> carriedOrigins = new ArrayList<>(origins.subList(tail, origins.size()));
        text.setLength(0);
        origins.clear();
        if (!carried.isEmpty()) {
            text.append(carried);
            origins.addAll(carriedOrigins);
        }
    }

    private static int lastSentenceStart(String t) {
        Matcher m = SENTENCE_END.matcher(t);
        int last = 0;
        while (m.find()) {
            if (m.end() < t.length()) {
                last = m.end();
            }
        }
        return last;
    }
}
