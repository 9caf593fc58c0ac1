package no.losen.search.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the FreeDict English–Norwegian dictionary (Debian {@code dict-freedict-eng-nor},
 * CC-BY-SA) from its installed dictd files. It is read in place and never copied into the
 * repository, so its licence stays with the package; without it the glossary alone translates.
 */
public final class FreeDict {

    /** Where Debian installs the dictionary. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/dictd");
    private static final String BASE = "freedict-eng-nor";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern SENSE = Pattern.compile("^\\s*\\d+\\.\\s+(.+)$");
    private static final Pattern TRAILING_SENSE = Pattern.compile("\\s+\\d+\\.\\s*$");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SEPARATOR = Pattern.compile("[,;]");

    private final Map<String, List<String>> entries;
    private final String name;

    private FreeDict(String name, Map<String, List<String>> entries) {
        this.name = name;
        // In the order given (the index file's, headword by headword): Map.copyOf iterates in an order that changes
        // with every start of the JVM, and the lexicons built from a dictionary merge translations in its order.
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Loads the English–Norwegian dictionary from {@code dir} if it is installed there. */
    public static Optional<FreeDict> load(Path dir) {
        return load(dir, BASE);
    }

    /**
     * Loads {@code dir/<base>.index} and {@code .dict.dz} (a FreeDict dictd pair such as
     * {@code freedict-pol-nor}) if installed; empty when absent or unreadable.
     */
    public static Optional<FreeDict> load(Path dir, String base) {
        Path index = dir.resolve(base + ".index");
        Path dict = dir.resolve(base + ".dict.dz");
        if (!Files.isReadable(index) || !Files.isReadable(dict)) {
            return Optional.empty();
        }
        try {
            byte[] body;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dict))) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                body = buf.toByteArray();
            }
            Map<String, List<String>> entries = new LinkedHashMap<>();
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length != 3 || f[0].startsWith("00database")) {
                    continue;
                }
                int offset = (int) decode(f[1]);
                int length = (int) decode(f[2]);
                if (offset < 0 || offset + length > body.length) {
                    continue;
                }
                String entry = new String(body, offset, length, StandardCharsets.UTF_8);
                List<String> tr = translations(entry);
                if (!tr.isEmpty()) {
                    entries.merge(f[0].toLowerCase(Locale.ROOT), tr, (a, b) -> {
                        Set<String> all = new LinkedHashSet<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    });
                }
            }
            return Optional.of(new FreeDict(base, entries));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Norwegian translations of an English headword, first sense first; empty if unknown. */
    public List<String> lookup(String english) {
        return entries.getOrDefault(english.toLowerCase(Locale.ROOT), List.of());
    }

    public int size() {
        return entries.size();
    }

    /** The dictd base name it was read from ({@code freedict-eng-nor}). */
    public String name() {
        return name;
    }

    /** Every headword with its translations, first sense first. */
    public Map<String, List<String>> entries() {
        return entries;
    }

    /**
     * The dictionary read backwards: each translation becomes a headword whose translations are
     * the headwords that offered it ({@code freedict-eng-rus} read as Russian → English where
     * no Russian → English dictionary is packaged). Order: the sense rank it had, then headword.
     */
    public FreeDict inverted() {
        record Offered(String head, int rank) {
        }
        Map<String, List<Offered>> inv = new TreeMap<>();
        entries.forEach((head, translations) -> {
            for (int rank = 0; rank < translations.size(); rank++) {
                inv.computeIfAbsent(translations.get(rank), k -> new ArrayList<>()).add(new Offered(head, rank));
            }
        });
        Map<String, List<String>> out = new LinkedHashMap<>();
        inv.forEach((t, offered) -> out.put(t, offered.stream()
                .sorted(Comparator.comparingInt(Offered::rank).thenComparing(Offered::head))
                .map(Offered::head).distinct().toList()));
        return new FreeDict(name + " (inverted)", out);
    }

    /** Translation lines: the line after the headword, and each numbered sense; glosses follow them. */
    static List<String> translations(String entry) {
        String[] lines = entry.split("\n");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < lines.length; i++) {
            Matcher sense = SENSE.matcher(lines[i]);
            String candidate = sense.matches() ? sense.group(1) : i == 1 ? lines[i] : null;
            if (candidate == null) {
                continue;
            }
            candidate = PARENTHESES.matcher(TRAILING_SENSE.matcher(candidate).replaceAll("")).replaceAll("");
            for (String t : SEPARATOR.split(candidate)) {
                String w = t.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && w.chars().filter(c -> c == ' ').count() <= 1 && w.chars().noneMatch(Character::isDigit)) {
                    out.add(w);
                }
            }
        }
        return new ArrayList<>(out);
    }

    static long decode(String b64) {
        long v = 0;
        for (char c : b64.toCharArray()) {
            v = v * 64 + B64.indexOf(c);
        }
        return v;
    }
}
