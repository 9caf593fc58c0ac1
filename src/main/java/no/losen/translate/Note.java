package no.losen.translate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.losen.channel.sms.Segments;
import no.losen.channel.sms.SmsBudget;
import no.losen.content.Fact;
import no.losen.content.Fingerprint;
import no.losen.content.Translations;
import no.losen.dialog.DialogSet;

/**
 * The note a translator reads beside a text: where it appears, what its placeholders stand
 * for, and its SMS budget. Short, because CAT tools show it in a narrow pane.
 */
final class Note {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(@?)([A-Za-z0-9_-]+)(?:\\.([A-Za-z0-9_-]+))?}");
    private static final int SHOWN_USES = 4;

    private Note() {
    }

    static String of(Entry e, DialogSet set) {
        StringBuilder b = new StringBuilder();
        List<Use> uses = e.uses();
        if (uses.isEmpty()) {
            b.append("Shown by the program itself (").append(e.area()).append(").");
        } else {
            Set<String> places = new LinkedHashSet<>();
            // A text read to the resident is also on the staff member's screen; saying it once is enough.
            uses.stream().filter(u -> u.resident() || !uses.contains(new Use(u.dialog(), u.node(), u.channel(), true, u.sms())))
                    .forEach(u -> places.add(u.toString()));
            b.append("Shown in: ").append(String.join("; ", places.stream().limit(SHOWN_USES).toList()));
            if (places.size() > SHOWN_USES) {
                b.append("; and ").append(places.size() - SHOWN_USES).append(" more");
            }
            b.append('.');
        }
        Set<String> ph = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(e.nb().text());
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                ph.add(m.group() + " is filled in by the program");
            } else {
                Fact f = set.facts().find(m.group(2)).orElse(null);
                String v = f == null ? null : f.field(m.group(3) == null ? "value" : m.group(3));
                ph.add(m.group() + (v == null ? " is a fact" : " is " + v));
            }
        }
        if (!ph.isEmpty()) {
            b.append(" Keep these as they are: ").append(String.join(", ", ph)).append('.');
        }
        String full = e.shortens();
        OptionalInt room = full == null ? OptionalInt.empty() : SmsBudget.room(set, full, e.lang(), e.places());
        if (room.isPresent()) {
            b.append(" SMS form of ").append(full).append(", at most ").append(room.getAsInt())
                    .append(" characters: keep every number and where to get help; leave out explanations.");
        } else if (e.smsBudget()) {
            b.append(" SMS: at most ").append(Segments.BUDGET)
                    .append(" messages (about 200 characters; 450 in plain Latin letters).");
        }
        String shortForm = full == null ? e.key() + "." + Translations.SMS : null;
        if (shortForm != null && set.translations().has(Fingerprint.SOURCE_LANG, shortForm)) {
            b.append(" SMS sends its short form ").append(shortForm).append(" instead.");
        }
        return b.toString();
    }
}
