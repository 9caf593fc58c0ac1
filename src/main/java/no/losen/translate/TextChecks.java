package no.losen.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import no.losen.channel.sms.Segments;
import no.losen.channel.sms.SmsBudget;
import no.losen.content.Fact;
import no.losen.dialog.DialogSet;

/**
 * What a translated text must satisfy before it is imported: the same placeholders as the
 * Norwegian source, the SMS budget where the text travels by SMS, and (for right-to-left
 * languages) sound direction controls. Each finding is an error (the import is refused) or a
 * warning (imported, and said).
 */
final class TextChecks {

    record Finding(boolean error, String message) {
    }

    private final DialogSet set;

    TextChecks(DialogSet set) {
        this.set = set;
    }

    List<Finding> check(Entry e, String target, boolean rtl) {
        List<Finding> out = new ArrayList<>();
        Set<String> want = placeholders(e.nb().text());
        Set<String> got = placeholders(target);
        if (!want.equals(got)) {
            Set<String> lacking = new TreeSet<>(want);
            lacking.removeAll(got);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(want);
            out.add(new Finding(true, "placeholders differ from the Norwegian text"
                    + (lacking.isEmpty() ? "" : "; missing " + String.join(" ", lacking))
                    + (extra.isEmpty() ? "" : "; not in the source " + String.join(" ", extra))
                    + " (copy them exactly, braces included)"));
        }
        String full = e.shortens();
        OptionalInt room = full == null ? OptionalInt.empty() : SmsBudget.room(set, full, e.lang(), e.places());
        int length = Segments.count(Segments.plain(filled(target))).units();
        if (room.isPresent() && length > room.getAsInt()) {
            out.add(new Finding(false, "the SMS form is " + length + " characters; about " + room.getAsInt()
                    + " fit beside the rest of its node in 3 SMS (validate says whether it fits)"));
        }
        if (e.smsBudget()) {
            int segments = Segments.count(Segments.plain(filled(target))).segments();
            if (segments > Segments.BUDGET) {
                int source = Segments.count(Segments.plain(filled(e.nb().text()))).segments();
                boolean sourceFits = source <= Segments.BUDGET;
                out.add(new Finding(sourceFits, "too long for SMS: " + segments + " segments, the budget is "
                        + Segments.BUDGET + (sourceFits ? "; shorten it (the Norwegian text takes " + source + ")"
                        : "; the Norwegian text is over the budget too (" + source + ")")));
            }
        }
        if (rtl) {
            boolean same = target.equals(e.nb().text()) || (e.en() != null && target.equals(e.en().text()));
            Bidi.check(target, same).forEach(f -> out.add(new Finding(f.error(), f.message())));
        }
        return out;
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Note.PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The text as sent: facts filled in (isolated if needed: two characters); other placeholders kept as written. */
    String filled(String text) {
        Matcher m = Note.PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = m.group();
            if (!m.group(1).isEmpty()) {
                Fact f = set.facts().find(m.group(2)).orElse(null);
                String field = f == null ? null : f.field(m.group(3) == null ? "value" : m.group(3));
                v = field == null ? v : field;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }
}
