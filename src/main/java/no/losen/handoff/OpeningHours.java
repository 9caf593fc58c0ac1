package no.losen.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When an organisation's counsellors answer: weekly spans in the organisation's time zone, minus
 * holidays. Written the way an operator says it, e.g. {@code "mon-fri 09:00-15:00; sat 10:00-14:00"},
 * because the person setting this up is a coordinator, not a developer. Outside these hours no
 * "Talk to a person" is offered: a person must not wait in a queue nobody reads, and is given the
 * contacts that answer around the clock instead.
 *
 * @param spans    the weekly spans; empty: never open
 * @param holidays whole days closed, in {@code zone}
 * @param zone     the organisation's time zone
 */
public record OpeningHours(List<Span> spans, Set<LocalDate> holidays, ZoneId zone) {

    /** On {@code days}, from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Span(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        public Span {
            days = Set.copyOf(days);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("opening hours " + from + "-" + to + ": the end must be after the start");
            }
        }

        boolean covers(DayOfWeek d, LocalTime t) {
            return days.contains(d) && !t.isBefore(from) && (t.isBefore(to) || to.equals(LocalTime.MAX));
        }
    }

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public OpeningHours {
        spans = List.copyOf(spans);
        holidays = Set.copyOf(holidays);
    }

    /** Never open: the default, so hand-off is off until an organisation says when it answers. */
    public static OpeningHours never() {
        return new OpeningHours(List.of(), Set.of(), ZoneId.of("Europe/Oslo"));
    }

    /**
     * Reads {@code LOSEN_HANDOFF_HOURS} ("mon-fri 09:00-15:00; sat 10:00-14:00", days as a range or
     * a comma list), {@code LOSEN_HANDOFF_HOLIDAYS} (comma-separated ISO dates) and a zone id.
     * A blank {@code hours} is never open. A mistake stops the server with the part that is wrong.
     */
    public static OpeningHours parse(String hours, String holidays, String zone) {
        ZoneId z = ZoneId.of(zone == null || zone.isBlank() ? "Europe/Oslo" : zone.strip());
        List<Span> spans = new ArrayList<>();
        if (hours != null) {
            for (String part : hours.split(";")) {
                if (!part.isBlank()) {
                    spans.add(span(part.strip().toLowerCase(Locale.ROOT)));
                }
            }
        }
        Set<LocalDate> days = new TreeSet<>();
        if (holidays != null) {
            for (String d : holidays.split(",")) {
                if (!d.isBlank()) {
                    try {
                        days.add(LocalDate.parse(d.strip()));
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("handoff holiday '" + d.strip() + "': expected a date like 2026-12-24");
                    }
                }
            }
        }
        return new OpeningHours(spans, days, z);
    }

    private static Span span(String s) {
        String[] p = s.split("\\s+");
        if (p.length != 2) {
            throw new IllegalArgumentException("handoff hours '" + s + "': expected days and times, like mon-fri 09:00-15:00");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : p[0].split(",")) {
            String[] range = d.split("-");
            int a = day(range[0], s);
            int b = range.length == 2 ? day(range[1], s) : a;
            if (range.length > 2 || b < a) {
                throw new IllegalArgumentException("handoff hours '" + s + "': a day range runs forward, like mon-fri");
            }
            for (int i = a; i <= b; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        String[] t = p[1].split("-");
        try {
            if (t.length != 2) {
                throw new java.time.format.DateTimeParseException("", p[1], 0);
            }
            // 24:00 is the end of the day, so "mon-sun 00:00-24:00" is always open.
            return new Span(days, LocalTime.parse(t[0]), t[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(t[1]));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("handoff hours '" + s + "': times like 09:00-15:00");
        }
    }

    private static int day(String d, String whole) {
        int i = DAYS.indexOf(d);
        if (i < 0) {
            throw new IllegalArgumentException("handoff hours '" + whole + "': days are mon tue wed thu fri sat sun");
        }
        return i;
    }

    /** Whether counsellors answer at {@code at}. */
    public boolean open(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return spans.stream().anyMatch(s -> s.covers(local.getDayOfWeek(), t));
    }
}
