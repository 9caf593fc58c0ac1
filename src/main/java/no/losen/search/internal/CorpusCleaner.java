package no.losen.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one PDF extraction into headings, paragraphs and tables with their section path.
 * The raw text stays in {@code corpus/} as extracted; cleaning at start-up keeps the repair
 * rules in code, testable and improvable, instead of baked into a hand-edited copy.
 *
 * <p>Repairs: running headers, footers and page numbers dropped ({@link RunningHeaders});
 * words broken across lines joined, real hyphens kept ({@link Dehyphenator}); footnote markers
 * removed and footnote/URL lines dropped ({@link FootnoteMarkers}); paragraphs broken by a page
 * re-joined; headings found ({@link Headings}); table fragments kept as lines.
 */
public final class CorpusCleaner {

    private static final Pattern FOOTNOTE_TEXT = Pattern.compile("\\d{1,3}:\\s.*");
    private static final Pattern URL_LINE = Pattern.compile("(https?://|www\\.)\\S*");
    private static final Pattern DOTTED_HEADING = Pattern.compile("(?m)^\\s?\\d{1,2}\\.\\d{1,2}\\.?\\s+\\p{Lu}");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}\\d-]*)-$");
    private static final Pattern FIRST_WORD = Pattern.compile("^([\\p{L}\\d]+)");
    private static final String TERMINAL = ".!?:»”)";

    private final Dehyphenator dehyphenator;

    private CorpusCleaner(Dehyphenator dehyphenator) {
        this.dehyphenator = dehyphenator;
    }

    /** A cleaner whose hyphenation decisions consult the vocabulary of all {@code texts}. */
    public static CorpusCleaner forCorpus(Iterable<String> texts) {
        return new CorpusCleaner(Dehyphenator.fromTexts(texts));
    }

    public List<Block> clean(String raw) {
        List<SourceLine> lines = SourceLine.split(raw);
        boolean[] drop = RunningHeaders.detect(lines);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trimmed();
            if (FOOTNOTE_TEXT.matcher(t).matches() || URL_LINE.matcher(t).matches()) {
                drop[i] = true;
            }
        }
        return new Pass(DOTTED_HEADING.matcher(raw).find()).run(lines, drop);
    }

    /** State of one cleaning pass over a document. */
    private final class Pass {
        private final boolean numberedDocument;
        private final List<Block> out = new ArrayList<>();
        private final List<Headings.Heading> sections = new ArrayList<>();
        private final List<SourceLine> paragraph = new ArrayList<>();
        private Integer lastChapter;

        Pass(boolean numberedDocument) {
            this.numberedDocument = numberedDocument;
        }

        List<Block> run(List<SourceLine> lines, boolean[] drop) {
            List<SourceLine> group = new ArrayList<>();
            for (int i = 0; i <= lines.size(); i++) {
                if (i < lines.size() && drop[i]) {
                    continue;
                }
                if (i == lines.size() || lines.get(i).isBlank()) {
                    if (!group.isEmpty()) {
                        group(group);
                        group.clear();
                    }
                } else {
                    group.add(lines.get(i));
                }
            }
            flush();
            return out;
        }

        /** One run of lines between blank lines. */
        private void group(List<SourceLine> g) {
            String first = g.get(0).trimmed();
            boolean continues = !paragraph.isEmpty() && !first.isEmpty()
                    && (Character.isLowerCase(first.charAt(0)) || endsWithHyphen(last(paragraph)))
                    && TERMINAL.indexOf(lastChar(last(paragraph))) < 0;
            if (!continues) {
                flush();
            }
            for (int i = 0; i < g.size(); i++) {
                int consumed = i == 0 && continues ? 0 : heading(g, i);
                if (consumed > 0) {
                    i += consumed - 1;
                    continue;
                }
                SourceLine line = g.get(i);
                boolean indentedStart = line.text().startsWith(" ") && !line.text().startsWith("  ")
                        && Character.isUpperCase(line.trimmed().isEmpty() ? 'a' : line.trimmed().charAt(0));
                if (indentedStart && !paragraph.isEmpty() && TERMINAL.indexOf(lastChar(last(paragraph))) >= 0) {
                    flush();
                }
                paragraph.add(line);
            }
        }

        /** Emits a heading starting at line i if there is one; returns the number of lines it took. */
        private int heading(List<SourceLine> g, int i) {
            SourceLine line = g.get(i);
            String t = line.trimmed();
            boolean indented = line.text().startsWith(" ") && !line.text().startsWith("  ");
            if (i > 0 && !indented) {
                return 0;
            }
            String next = i + 1 < g.size() ? g.get(i + 1).trimmed() : null;
            String afterNext = i + 2 < g.size() ? g.get(i + 2).trimmed() : null;
            boolean dangling = Headings.endsWithContinuation(t);
            if (next != null && next.length() < 45 && !next.contains(".") && (startsLowerOrDash(next) || dangling)
                    && (afterNext == null || startsUpper(afterNext)) && !endsWithHyphen(line)
                    && ".,;:".indexOf(lastChar(line)) < 0 && Headings.looksLikeHeading(t + " " + next)) {
                if (accept(t + " " + next, indented, g.subList(i, i + 2))) {
                    return 2;
                }
            }
            if (Headings.looksLikeHeading(t) && (next == null ? i == 0 : startsUpper(next))
                    && accept(t, indented, g.subList(i, i + 1))) {
                return 1;
            }
            return 0;
        }

        private boolean accept(String title, boolean indented, List<SourceLine> lines) {
            Headings.Heading h = Headings.classify(FootnoteMarkers.strip(title), indented, numberedDocument, lastChapter);
            if (h == null) {
                return false;
            }
            flush();
            if (h.chapterNumber() != null) {
                lastChapter = h.chapterNumber();
            }
            Integer chapterOfSection = Headings.chapterOf(h.title());
            if (chapterOfSection != null) { // "6.5 ..." closes chapter 5 even if chapter 6's title was missed
                sections.removeIf(s -> s.chapterNumber() != null && !s.chapterNumber().equals(chapterOfSection));
            }
            sections.removeIf(s -> s.level() >= h.level());
            sections.add(h);
            MappedText text = new MappedText();
            for (SourceLine l : lines) {
                if (text.length() > 0) {
                    text.insert(' ', l.start());
                }
                int lead = l.text().length() - l.text().stripLeading().length();
                text.append(l.text().strip(), l.start() + lead);
            }
            out.add(new Block(Block.Kind.HEADING, h.title(), text.origins(), sectionPath()));
            return true;
        }

        private void flush() {
            if (paragraph.isEmpty()) {
                return;
            }
            double avg = paragraph.stream().mapToInt(l -> l.trimmed().length()).average().orElse(0);
            boolean table = paragraph.size() >= 3 && avg < 32;
            MappedText text = new MappedText();
            for (SourceLine l : paragraph) {
                join(text, l, table);
            }
            text.trimEnd();
            if (text.length() > 0) {
                out.add(new Block(table ? Block.Kind.TABLE : Block.Kind.PARAGRAPH, text.toString(),
                        text.origins(), sectionPath()));
            }
            paragraph.clear();
        }

        private void join(MappedText text, SourceLine l, boolean table) {
            String body = l.text().strip();
            int start = l.start() + (l.text().length() - l.text().stripLeading().length());
            text.trimEnd();
            int n = text.length();
            if (n > 1 && text.charAt(n - 1) == '-' && Character.isLetterOrDigit(text.charAt(n - 2))) {
                Matcher left = LAST_WORD.matcher(text.toString().substring(Math.max(0, n - 60)));
                Matcher right = FIRST_WORD.matcher(body);
                String leftWord = left.find() ? left.group(1) : "";
                String rightWord = right.find() ? right.group(1) : "";
                switch (dehyphenator.decide(leftWord, rightWord)) {
                    case DROP_HYPHEN -> text.truncate(n - 1);
                    case KEEP_HYPHEN -> { }
                    case KEEP_HYPHEN_AND_SPACE -> text.insert(' ', start);
                }
            } else if (n > 0) {
                text.insert(table || body.startsWith("•") ? '\n' : ' ', start);
            }
            FootnoteMarkers.appendClean(body, start, text);
        }

        private List<String> sectionPath() {
            return sections.stream().map(Headings.Heading::title).toList();
        }
    }

    private static SourceLine last(List<SourceLine> lines) {
        return lines.get(lines.size() - 1);
    }

    private static char lastChar(SourceLine l) {
        String t = l.trimmed();
        return t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    }

    private static boolean endsWithHyphen(SourceLine l) {
        return lastChar(l) == '-';
    }

    private static boolean startsUpper(String t) {
        char c = t.isEmpty() ? ' ' : t.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "•«–-\"".indexOf(c) >= 0;
    }

    private static boolean startsLowerOrDash(String t) {
        char c = t.isEmpty() ? ' ' : t.charAt(0);
        return Character.isLowerCase(c) || c == '–';
    }
}
