package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Opening hours as an operator writes them: weekly spans in the organisation's zone, minus holidays. */
class OpeningHoursTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    final OpeningHours hours = OpeningHours.parse("mon-fri 09:00-15:00; sat 10:00-12:00", "2026-12-24,2026-12-25", "Europe/Oslo");

    static java.time.Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), OSLO).toInstant();
    }

    @Test
    void openWithinASpanInTheOrganisationsZone() {
        assertThat(hours.open(at("2026-12-07T09:00"))).isTrue();    // Monday, opening minute
        assertThat(hours.open(at("2026-12-07T14:59"))).isTrue();
        assertThat(hours.open(at("2026-12-07T15:00"))).isFalse();   // the end is not included
        assertThat(hours.open(at("2026-12-07T08:59"))).isFalse();
        assertThat(hours.open(at("2026-12-12T11:00"))).isTrue();    // Saturday
        assertThat(hours.open(at("2026-12-13T11:00"))).isFalse();   // Sunday
    }

    @Test
    void aHolidayIsClosedAllDay() {
        assertThat(hours.open(at("2026-12-24T10:00"))).isFalse();   // Thursday, but Christmas Eve
        assertThat(hours.open(at("2026-12-23T10:00"))).isTrue();
    }

    @Test
    void theZoneCountsNotUtc() {
        // 08:30 UTC on a winter Monday is 09:30 in Oslo
        assertThat(hours.open(java.time.Instant.parse("2026-12-07T08:30:00Z"))).isTrue();
        assertThat(hours.open(java.time.Instant.parse("2026-12-07T14:30:00Z"))).isFalse();
    }

    @Test
    void daysMayBeAListAndBlankHoursAreNeverOpen() {
        OpeningHours h = OpeningHours.parse("mon,wed 12:00-13:00", "", null);
        assertThat(h.open(at("2026-12-09T12:30"))).isTrue();
        assertThat(h.open(at("2026-12-08T12:30"))).isFalse();
        assertThat(OpeningHours.parse("", "", "Europe/Oslo").open(at("2026-12-07T10:00"))).isFalse();
        assertThat(OpeningHours.never().open(at("2026-12-07T10:00"))).isFalse();
    }

    @Test
    void twentyFourHundredEndsTheDay() {
        OpeningHours h = OpeningHours.parse("mon-sun 00:00-24:00", "", "Europe/Oslo");
        assertThat(h.open(at("2026-12-07T23:59:59"))).isTrue();
        assertThat(h.open(at("2026-12-08T00:00"))).isTrue();
    }

    @Test
    void aMistakeSaysWhichPartIsWrong() {
        assertThatThrownBy(() -> OpeningHours.parse("monday-fri 09:00-15:00", null, null)).hasMessageContaining("monday-fri");
        assertThatThrownBy(() -> OpeningHours.parse("mon-fri 9-15", null, null)).hasMessageContaining("09:00-15:00");
        assertThatThrownBy(() -> OpeningHours.parse("fri-mon 09:00-15:00", null, null)).hasMessageContaining("forward");
        assertThatThrownBy(() -> OpeningHours.parse("mon 15:00-09:00", null, null)).hasMessageContaining("after the start");
        assertThatThrownBy(() -> OpeningHours.parse("mon 09:00-15:00", "24.12.2026", null)).hasMessageContaining("24.12.2026");
    }
}
